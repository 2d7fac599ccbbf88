/** One call being split: its items, the means to measure and send parts of it, and the report of what happened. */
import type { CallContext, LifecycleEventMap, OperationModel } from '@sdk-events/core';
import { ItemTooLargeError } from './errors.js';
import type { GuardSettings } from './options.js';
import type { MeasurableRequest, WireSize } from './wire-size.js';
import { attachReport, type GuardedRequest, type PayloadGuardReport } from './report.js';
import { abortSignalOf, dryRun, sendPart } from './parts.js';
import { ChunkNotLongest, ChunkOverLimit, type ChunkOnTheWay } from './wire-check.js';
import type { Hint } from './planner.js';
import { SizeModel } from './size-model.js';

type BeforeCallPayload = LifecycleEventMap['before-call'];
/** Items in the small dry run that first calibrates the size model. */
const SAMPLE_ITEMS = 64;

/** A command output, or the error a call failed with, as the guard handles it. */
export type Output = Record<string | symbol, any>;

/** What the SDK says of the requests a part took: `$metadata` on outputs and on service errors. */
function attemptsOf(outputOrError: unknown): number {
  const attempts = (outputOrError as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  return typeof attempts === 'number' && attempts > 0 ? attempts : 1;
}

/** A failed request may have been acted on unless the service answered it with a client error (4xx). */
function mayHaveArrived(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  return typeof status !== 'number' || status >= 500;
}

/** What a split call needs from the guard that split it. */
export interface SplitCallHost {
  readonly settings: GuardSettings;
  /** Measures a request as it will go on the wire. */
  measure(model: OperationModel, request: MeasurableRequest): Promise<WireSize | undefined>;
  /** Until `undefined` is given, the attempts carrying `context` are this chunk's (checked on their way). */
  expectChunk(context: CallContext, chunk: ChunkOnTheWay | undefined): void;
}

/**
 * What became of a chunk: delivered; stopped on its way because it was over
 * the limit, or because one more item would have fit (nothing sent); or rejected by the service as too large (nothing
 * delivered). `bytes`: its size as it was about to be sent, when known.
 */
export type SendOutcome =
  | { kind: 'delivered'; bytes: number | undefined }
  | { kind: 'over-limit'; bytes: number }
  | { kind: 'not-longest'; bytes: number }
  | { kind: 'rejected'; error: unknown; bytes: number | undefined };

/** One call being split. */
export class SplitCall {
  readonly report: PayloadGuardReport;
  /** The last too-large rejection the service answered, the cause of an `ItemTooLargeError` found after it. */
  lastRejection: unknown;
  private readonly outputs: Output[] = [];
  private readonly signal: AbortSignal | undefined;

  constructor(
    private readonly guard: SplitCallHost,
    private readonly payload: BeforeCallPayload,
    readonly items: readonly unknown[],
  ) {
    this.model = new SizeModel(items, (item) => this.inputOf([item]));
    this.signal = abortSignalOf(payload.context);
    this.report = {
      strategy: guard.settings.strategy,
      operation: payload.model.name,
      items: items.length,
      deliveredItems: 0,
      maybeDuplicatedItems: 0,
      requests: [],
      dryRuns: 0,
      stoppedChunks: 0,
    };
  }

  private readonly sizes = new Map<number, Map<number, number | undefined>>();
  /** Whether a request of this call may be or was compressed: then sizes of runs do not add up. */
  private compressionSeen = false;
  /** Which run to try first, where sizes add up. */
  private readonly model: SizeModel;

  /** What was measured of the runs of items from `start`: count → bytes on the wire. */
  sizesFrom(start: number): Map<number, number | undefined> {
    let sizes = this.sizes.get(start);
    if (sizes === undefined) this.sizes.set(start, (sizes = new Map()));
    return sizes;
  }

  /**
   * A rough size of the run of `count` items from `start`, as JSON: no
   * serialization by the SDK, only a hint of whether the item limit binds
   * (compression and the protocol make the real size differ).
   */
  roughSize(start: number, count: number): Hint | undefined {
    try {
      return { count, bytes: JSON.stringify(this.subInput(start, count)).length, rough: true };
    } catch {
      return undefined;
    }
  }

  private subInput(start: number, count: number): object {
    return this.inputOf(this.items.slice(start, start + count));
  }

  private inputOf(items: readonly unknown[]): object {
    return this.guard.settings.batch.subInput(this.payload.params, items);
  }

  /** An abort stops the parts not sent yet; the error says what was delivered. */
  private throwIfAborted(): void {
    if (!this.signal?.aborted) return;
    const { operation, deliveredItems, items } = this.report;
    const error = new Error(`${operation} aborted: ${deliveredItems} of ${items} items delivered, the rest not sent`, { cause: this.signal.reason });
    error.name = 'AbortError';
    throw error;
  }

  /** Measures the request carrying `count` items from `start` with a dry run, sending nothing. */
  async measure(start: number, count: number): Promise<number | undefined> {
    const size = await this.measureInput(this.subInput(start, count));
    if (size !== undefined) this.noteSize(size);
    return size?.bytes;
  }

  /**
   * Whether sizes of runs add up, as they do for every serialized list
   * that nothing compresses: not when the SDK or a gzip handler may
   * compress (see `noteSize`), nor once a request of this call was
   * compressed. A chunk sent on it is checked on its way, and stopped if it
   * is compressed after all.
   */
  get sizesAddUp(): boolean {
    return !this.compressionSeen;
  }

  /** Notes how a request of this call was sent or would be (or, before any, whether it may be): compressed or not. */
  noteSize({ compressed }: { compressed: boolean }): void {
    if (compressed) this.compressionSeen = true;
  }

  /**
   * What item `index` adds, at least, to any run it ends after its first
   * item, where sizes add up: the request carrying it twice less the one
   * carrying it once (tiny dry runs). Further on in a run it adds as much
   * or more (longer list indexes and length prefixes); as the first item it
   * may add more (a list's key), which no run past the first item needs.
   */
  async shareOf(index: number): Promise<number | undefined> {
    const item = this.items[index];
    const [once, twice] = await Promise.all([this.measureInput(this.inputOf([item])), this.measureInput(this.inputOf([item, item]))]);
    if (once === undefined || twice === undefined || once.compressed || twice.compressed) return undefined;
    return twice.bytes - once.bytes;
  }

  /**
   * Where sizes add up: the longest run from `start` (at most `cap` items)
   * the items' own sizes say fits in `maxBytes`; `undefined` when they cannot say. The
   * first time, two small dry runs (of 1 and of up to 64 items) calibrate it.
   */
  async expectedLongest(start: number, cap: number, maxBytes: number): Promise<number | undefined> {
    const sample = Math.min(SAMPLE_ITEMS, this.items.length - start);
    if (!this.model.calibrated && sample >= 2) {
      const [one, many] = await Promise.all([this.measureInput(this.subInput(start, 1)), this.measureInput(this.subInput(start, sample))]);
      if (one && many && !one.compressed && !many.compressed) this.model.calibrateOnSample(start, one.bytes, sample, many.bytes);
    }
    return this.model.longest(start, cap, maxBytes);
  }

  private async measureInput(input: object): Promise<WireSize | undefined> {
    this.throwIfAborted();
    this.report.dryRuns += 1;
    return this.guard.measure(this.payload.model, await dryRun(this.payload.context, input));
  }

  /**
   * Sends `count` items from `start`, measured on its way and stopped there
   * when over `maxBytes`, or (uncompressed) when not over `moreThan`. Any
   * failure but a too-large one throws.
   */
  async send(start: number, count: number, maxBytes = Infinity, moreThan?: number): Promise<SendOutcome> {
    this.throwIfAborted();
    const chunk: ChunkOnTheWay = { model: this.payload.model, maxBytes, ...(moreThan !== undefined ? { moreThan } : {}) };
    let output: Output;
    const { context } = this.payload;
    this.guard.expectChunk(context, chunk);
    try {
      output = await sendPart(context, this.subInput(start, count));
    } catch (error) {
      this.guard.expectChunk(context, undefined);
      if (error instanceof ChunkOverLimit || error instanceof ChunkNotLongest) {
        if (chunk.compressed !== undefined) this.noteSize({ compressed: chunk.compressed });
        this.report.stoppedChunks += 1;
        return { kind: error instanceof ChunkOverLimit ? 'over-limit' : 'not-longest', bytes: error.bytes };
      }
      const request = this.record(start, count, chunk.bytes, attemptsOf(error));
      if (this.guard.settings.batch.isTooLarge(error)) {
        request.rejected = true;
        this.lastRejection = error;
        return { kind: 'rejected', error, bytes: chunk.bytes };
      }
      request.failed = true;
      if (request.attempts > 1 || mayHaveArrived(error)) this.markMaybeDuplicated(request);
      throw error;
    }
    this.guard.expectChunk(context, undefined);
    if (chunk.compressed !== undefined) this.noteSize({ compressed: chunk.compressed });
    if (this.sizesAddUp && chunk.bytes !== undefined) this.model.calibrate(start, count, chunk.bytes);
    const request = this.record(start, count, chunk.bytes, attemptsOf(output));
    // A retried request may have been received by an attempt whose answer was lost.
    if (request.attempts > 1) this.markMaybeDuplicated(request);
    this.outputs.push(output);
    this.report.deliveredItems += count;
    return { kind: 'delivered', bytes: chunk.bytes };
  }

  /** Adds a request that went on the wire to the report. */
  private record(start: number, count: number, bytes: number | undefined, attempts: number): GuardedRequest {
    const request: GuardedRequest = { start, count, ...(bytes === undefined ? {} : { bytes }), attempts };
    this.report.requests.push(request);
    return request;
  }

  private markMaybeDuplicated(request: GuardedRequest): void {
    request.maybeDuplicated = true;
    this.report.maybeDuplicatedItems += request.count;
  }

  tooLarge(itemIndex: number, bytes: number | undefined, detectedBy: 'measured' | 'rejected', cause?: unknown): ItemTooLargeError {
    const { batch, maxBytes } = this.guard.settings;
    const details = {
      operation: this.payload.model.name,
      itemIndex,
      itemLabel: batch.describeItem(this.items[itemIndex], itemIndex),
      bytes,
      maxBytes,
      detectedBy,
    };
    return attachReport(new ItemTooLargeError(details, cause === undefined ? undefined : { cause }), this.report);
  }

  /** Runs `work`, then returns the caller's one output; on failure the error carries the report of what was delivered. */
  async run(work: () => Promise<void>): Promise<Output> {
    try {
      await work();
    } catch (error) {
      if (typeof error === 'object' && error !== null && Object.isExtensible(error)) attachReport(error, this.report);
      throw error;
    }
    const merged = this.guard.settings.batch.merge(this.outputs);
    // Every request of the call, as `$metadata.attempts` counts them for any call.
    if (typeof merged.$metadata === 'object' && merged.$metadata !== null) {
      merged.$metadata = { ...merged.$metadata, attempts: this.report.requests.reduce((sum, request) => sum + request.attempts, 0) };
    }
    return attachReport(merged, this.report);
  }
}
