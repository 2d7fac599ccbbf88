// The article's experiment: the same PutMetricData without and with gzip,
// compared on the wire. Also shows that the SDK compresses large bodies
// itself (from 10 KiB) and that the gzip handler never compresses twice.
// Run: npx -y pnpm@10.34.8 exec tsx examples/gzip-experiment.ts
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { gzipRequestBody } from '@sdk-events/gzip';
import { manyMetrics, NAMESPACE, seedMetricData } from './payloads.js';
import { runIfMain, type Target } from './target.js';
import { meterWire } from './wire-meter.js';

/** One run of the experiment. */
export interface ExperimentRow {
  label: string;
  metrics: number;
  wireBytes: number;
  contentEncoding: string | undefined;
  /** From the inspector. */
  gzipLayers?: number;
  decodedBytes?: number;
  valid?: boolean;
}

async function send(target: Target, label: string, data: MetricDatum[], withGzip: boolean): Promise<ExperimentRow> {
  const cw = new CloudWatchClient(target.clientConfig);
  const events = eventsOf(cw);
  if (withGzip) events.register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
  const wire = meterWire(events, 'before-send.cloudwatch.PutMetricData');
  const before = target.inspector?.records.length ?? 0;
  await cw.send(new PutMetricDataCommand({ Namespace: NAMESPACE, MetricData: data }));
  const record = target.inspector?.records[before];
  return {
    label,
    metrics: data.length,
    wireBytes: wire[0]?.bytes ?? 0,
    contentEncoding: wire[0]?.contentEncoding,
    gzipLayers: record?.gzipLayers,
    decodedBytes: record?.decodedBody.byteLength,
    valid: record ? record.problems.length === 0 && record.signature.valid : undefined,
  };
}

/** Runs the four cases: the seed's payload without and with gzip; 1000 metrics (SDK-compressed) without and with. */
export async function run(target: Target): Promise<ExperimentRow[]> {
  const seed = seedMetricData();
  const large = manyMetrics(1000);
  return [
    await send(target, "seed's payload, SDK defaults", seed, false),
    await send(target, "seed's payload, gzipRequestBody", seed, true),
    await send(target, '1000 metrics, SDK defaults', large, false),
    await send(target, '1000 metrics, gzipRequestBody', large, true),
  ];
}

runIfMain(import.meta.url, async (target) => {
  console.table(await run(target));
});
