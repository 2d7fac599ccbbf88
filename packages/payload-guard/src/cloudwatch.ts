/** CloudWatch PutMetricData, the default batch. */
import type { BatchSpec } from './batch-spec.js';
import { isTooLargeRejection } from './errors.js';
import { mergeOutputs } from './merge.js';

/**
 * Today's PutMetricData limits (CloudWatch API reference): 1 MB per HTTP POST
 * request body and 1000 metrics across `MetricData` and `EntityMetricData`.
 * 1 MB is taken as 1,000,000 bytes, the smaller reading. The article's limits
 * (40 KB, 20 metrics) are the old ones: pass them as options if you need them.
 */
export const PUT_METRIC_DATA_LIMITS = Object.freeze({ maxBytes: 1_000_000, maxItems: 1000 });

type Datum = Record<string, any>;

/** One metric of a PutMetricData input, and where it came from. */
interface MetricItem {
  /** The `EntityMetricData` entry it belongs to, or `undefined` for a `MetricData` metric. */
  entity: Datum | undefined;
  /** The metric; `undefined` for an `EntityMetricData` entry without metrics (kept as an item of its own). */
  datum: Datum | undefined;
  label: string;
}

function metricItemsOf(input: Record<string, any>): MetricItem[] | undefined {
  const { MetricData, EntityMetricData } = input;
  if (!Array.isArray(MetricData) && !Array.isArray(EntityMetricData)) return undefined;
  const items: MetricItem[] = [];
  if (Array.isArray(MetricData)) MetricData.forEach((datum: Datum, i) => items.push({ entity: undefined, datum, label: `MetricData[${i}]` }));
  if (Array.isArray(EntityMetricData)) {
    EntityMetricData.forEach((entity: Datum, g) => {
      const data: unknown = entity?.MetricData;
      if (Array.isArray(data) && data.length > 0) {
        data.forEach((datum: Datum, j) => items.push({ entity, datum, label: `EntityMetricData[${g}].MetricData[${j}]` }));
      } else {
        items.push({ entity, datum: undefined, label: `EntityMetricData[${g}]` });
      }
    });
  }
  return items;
}

/** The input carrying `items`: `MetricData` metrics in `MetricData`, entity metrics regrouped under copies of their entries. */
function metricSubInput(input: Record<string, any>, items: readonly unknown[]): Record<string, any> {
  const metricData: Datum[] = [];
  const entityMetricData: Datum[] = [];
  // The entry being filled: consecutive metrics of one original entry share one copy of it.
  let open: { source: Datum; entry: Datum } | undefined;
  for (const item of items as readonly MetricItem[]) {
    if (item.entity === undefined) {
      metricData.push(item.datum!);
    } else if (item.datum === undefined) {
      entityMetricData.push(item.entity);
      open = undefined;
    } else if (open?.source === item.entity) {
      open.entry.MetricData.push(item.datum);
    } else {
      open = { source: item.entity, entry: { ...item.entity, MetricData: [item.datum] } };
      entityMetricData.push(open.entry);
    }
  }
  const sub: Record<string, any> = { ...input };
  delete sub.MetricData;
  delete sub.EntityMetricData;
  if (metricData.length > 0) sub.MetricData = metricData;
  if (entityMetricData.length > 0) sub.EntityMetricData = entityMetricData;
  return sub;
}

/** Also a too-large rejection: CloudWatch's answer to more metrics than it takes ("The collection MetricData must not have a size greater than 1000."). */
function isPutMetricDataTooLarge(error: unknown): boolean {
  if (isTooLargeRejection(error)) return true;
  const e = error as { name?: unknown; message?: unknown } | null;
  return (
    typeof e?.name === 'string' &&
    e.name.startsWith('InvalidParameterValue') &&
    typeof e.message === 'string' &&
    /must not have a size greater than/i.test(e.message)
  );
}

/**
 * The default batch: CloudWatch `PutMetricData`. Items are metrics, those of
 * `MetricData` first, then those of each `EntityMetricData` entry (a chunk
 * carries copies of the entries its metrics belong to); limits
 * `PUT_METRIC_DATA_LIMITS`; outputs merged with `mergeOutputs`.
 *
 * @example
 * payloadGuardPlugin({ batch: { ...putMetricDataBatch, maxBytes: 40_000, maxItems: 20 } });
 */
export const putMetricDataBatch: BatchSpec = Object.freeze({
  events: 'before-call.cloudwatch.PutMetricData',
  items: metricItemsOf,
  subInput: metricSubInput,
  merge: mergeOutputs,
  isTooLarge: isPutMetricDataTooLarge,
  describeItem: (item: unknown, index: number) => (item as MetricItem | undefined)?.label ?? `item ${index}`,
  maxBytes: PUT_METRIC_DATA_LIMITS.maxBytes,
  maxItems: PUT_METRIC_DATA_LIMITS.maxItems,
});
