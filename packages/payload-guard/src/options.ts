import { describeValue } from '@sdk-events/core/internal';
/** The plugin's options, their defaults and their validation. */
import { getAtPath, setAtPath, type BatchSpec, type ResolvedBatch } from './batch-spec.js';
import { putMetricDataBatch, PUT_METRIC_DATA_LIMITS } from './cloudwatch.js';
import { isTooLargeRejection } from './errors.js';
import { mergeOutputs } from './merge.js';

/** How the guard keeps requests under the limits. */
export type PayloadGuardStrategy = 'pessimistic' | 'optimistic';

/** Options of `payloadGuardPlugin`. */
export interface PayloadGuardOptions {
  /**
   * `'pessimistic'` (default): measure before sending and split into the
   * fewest requests the limits allow. `'optimistic'`: send, and split in two
   * on a too-large rejection.
   */
  strategy?: PayloadGuardStrategy;
  /** Most body bytes on the wire per request. Default: the batch's, else `PUT_METRIC_DATA_LIMITS.maxBytes` (1,000,000). */
  maxBytes?: number;
  /** Most items per request. Default: the batch's, else `PUT_METRIC_DATA_LIMITS.maxItems` (1000). */
  maxItems?: number;
  /** The batch operation to guard. Default `putMetricDataBatch`. */
  batch?: BatchSpec<any, any>;
}

/** Validated options. */
export interface GuardSettings {
  strategy: PayloadGuardStrategy;
  maxBytes: number;
  maxItems: number;
  batch: ResolvedBatch;
}

const WHERE = 'payloadGuardPlugin';
const OPTION_NAMES = ['strategy', 'maxBytes', 'maxItems', 'batch'];
const BATCH_MEMBERS = ['events', 'member', 'items', 'subInput', 'merge', 'isTooLarge', 'describeItem', 'maxBytes', 'maxItems'];


function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKnownKeys(object: Record<string, unknown>, known: readonly string[], what: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) throw new TypeError(`${WHERE}: unknown ${what} '${key}' (known: ${known.join(', ')})`);
  }
}

function checkLimit(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${WHERE}: ${name} must be a positive integer, got ${describeValue(value)}`);
  }
  return value;
}

function checkFunction<F>(value: unknown, name: string): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw new TypeError(`${WHERE}: ${name} must be a function, got ${describeValue(value)}`);
  return value as F;
}

function checkEvents(value: unknown): string[] {
  const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const ok = list.length > 0 && list.every((name) => typeof name === 'string' && name.split('.')[0] === 'before-call' && !name.split('.').includes(''));
  if (!ok) {
    throw new TypeError(`${WHERE}: batch.events must be a before-call event name or a non-empty array of them (e.g. 'before-call.cloudwatch.PutMetricData'), got ${describeValue(value)}`);
  }
  return list as string[];
}

function resolveBatch(value: unknown): ResolvedBatch {
  if (!isPlainObject(value)) throw new TypeError(`${WHERE}: option 'batch' must be a BatchSpec object, got ${describeValue(value)}`);
  checkKnownKeys(value, BATCH_MEMBERS, 'batch member');
  const spec = value as unknown as BatchSpec;
  const events = checkEvents(spec.events);
  const items = checkFunction<ResolvedBatch['items']>(spec.items, 'batch.items');
  const subInput = checkFunction<ResolvedBatch['subInput']>(spec.subInput, 'batch.subInput');
  const member = spec.member;
  if (member !== undefined && (typeof member !== 'string' || member.split('.').includes(''))) {
    throw new TypeError(`${WHERE}: batch.member must be a dotted path such as 'MetricData' or 'Delete.Objects', got ${describeValue(member)}`);
  }
  if (member === undefined && (!items || !subInput)) {
    throw new TypeError(`${WHERE}: batch needs either 'member' or both 'items' and 'subInput'`);
  }
  const path = member?.split('.') ?? [];
  return {
    events,
    items: items ?? ((input) => getAtPath(input, path)),
    subInput: subInput ?? ((input, slice) => setAtPath(input, path, slice)),
    merge: checkFunction<ResolvedBatch['merge']>(spec.merge, 'batch.merge') ?? mergeOutputs,
    isTooLarge: checkFunction<ResolvedBatch['isTooLarge']>(spec.isTooLarge, 'batch.isTooLarge') ?? isTooLargeRejection,
    describeItem:
      checkFunction<ResolvedBatch['describeItem']>(spec.describeItem, 'batch.describeItem') ??
      ((_item, index) => `${member ?? 'item'}[${index}]`),
    maxBytes: checkLimit(spec.maxBytes, 'batch.maxBytes'),
    maxItems: checkLimit(spec.maxItems, 'batch.maxItems'),
  };
}

/** Validates the options (a `TypeError` names the bad one) and applies the defaults. */
export function resolveOptions(options: unknown): GuardSettings {
  if (options === undefined) options = {};
  if (!isPlainObject(options)) throw new TypeError(`${WHERE}: options must be an object, got ${describeValue(options)}`);
  checkKnownKeys(options, OPTION_NAMES, 'option');
  const { strategy = 'pessimistic' } = options;
  if (strategy !== 'pessimistic' && strategy !== 'optimistic') {
    throw new TypeError(`${WHERE}: option 'strategy' must be 'pessimistic' or 'optimistic', got ${describeValue(strategy)}`);
  }
  const maxBytes = checkLimit(options.maxBytes, "option 'maxBytes'");
  const maxItems = checkLimit(options.maxItems, "option 'maxItems'");
  const batch = resolveBatch(options.batch ?? putMetricDataBatch);
  return {
    strategy,
    maxBytes: maxBytes ?? batch.maxBytes ?? PUT_METRIC_DATA_LIMITS.maxBytes,
    maxItems: maxItems ?? batch.maxItems ?? PUT_METRIC_DATA_LIMITS.maxItems,
    batch,
  };
}
