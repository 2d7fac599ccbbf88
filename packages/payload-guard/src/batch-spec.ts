/** What the guard splits: a batch operation's list member, how to build a smaller input and merge outputs. */
import type { CommandOutput } from './merge.js';

/**
 * Describes a batch operation to the guard. Name the list either by `member`
 * (a dotted path, e.g. `'MetricData'` or `'Delete.Objects'`) or by the pair
 * `items` and `subInput` (for lists spread over several members, as
 * PutMetricData's `MetricData` and `EntityMetricData`).
 *
 * @example
 * const deleteObjectsBatch: BatchSpec = {
 *   events: 'before-call.s3.DeleteObjects',
 *   member: 'Delete.Objects',
 *   maxItems: 1000,
 * };
 */
export interface BatchSpec<Input extends object = Record<string, any>, Output extends CommandOutput = CommandOutput> {
  /** The `before-call` event name(s) of the operation(s), e.g. `'before-call.cloudwatch.PutMetricData'` (globs allowed). */
  events: string | readonly string[];
  /** Dotted path of the list in the input; the default `items`, `subInput` and `describeItem` use it. */
  member?: string;
  /** The items of `input`, in order; `undefined` when the input has none (it is then sent as it is). */
  items?(input: Input): readonly unknown[] | undefined;
  /**
   * A copy of `input` carrying only `items` (a contiguous run of `items(input)`, in order); must not change `input`.
   * Also called with no items, for the input the call is serialized with before it is split (when it throws, the
   * call is serialized whole).
   */
  subInput?(input: Input, items: readonly unknown[]): Input;
  /** One output from the chunks' outputs, in order. Default `mergeOutputs`: arrays concatenated, the last `$metadata`. */
  merge?(outputs: readonly Output[]): Output;
  /** Whether an error is the service rejecting a request as too large (`'optimistic'`). Default `isTooLargeRejection`. */
  isTooLarge?(error: unknown): boolean;
  /** Names an item in error messages. Default `` `${member}[${index}]` ``. */
  describeItem?(item: unknown, index: number): string;
  /** The operation's byte limit per request (body bytes on the wire); the plugin's `maxBytes` option overrides it. */
  maxBytes?: number;
  /** The operation's item limit per request; the plugin's `maxItems` option overrides it. */
  maxItems?: number;
}

/** A `BatchSpec` with every part present, as the guard uses it. */
export interface ResolvedBatch {
  events: string[];
  items(input: Record<string, any>): readonly unknown[] | undefined;
  subInput(input: Record<string, any>, items: readonly unknown[]): Record<string, any>;
  merge(outputs: readonly CommandOutput[]): CommandOutput;
  isTooLarge(error: unknown): boolean;
  describeItem(item: unknown, index: number): string;
  maxBytes: number | undefined;
  maxItems: number | undefined;
}

/** The list at `path` in `input`, if it is an array. */
export function getAtPath(input: Record<string, any>, path: readonly string[]): unknown[] | undefined {
  let value: any = input;
  for (const key of path) value = value == null ? undefined : value[key];
  return Array.isArray(value) ? value : undefined;
}

/** A copy of `input` with the list at `path` replaced by `items`, copying each object on the way (`input` is left as it was). */
export function setAtPath(input: Record<string, any>, path: readonly string[], items: readonly unknown[]): Record<string, any> {
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string | symbol, any> = { ...input };
  copy[head] = rest.length === 0 ? [...items] : setAtPath(input[head] ?? {}, rest, items);
  return copy;
}
