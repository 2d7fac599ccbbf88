/** One call being split: its items, the means to measure and send parts of it, and the report of what happened. */
import type { CallContext, LifecycleEventMap, OperationModel } from '@sdk-events/core';
import { ItemTooLargeError } from './errors.js';
import type { GuardSettings } from './options.js';
import type { MeasurableRequest, WireSize } from './wire-size.js';
import { attachReport, type GuardedRequest, type PayloadGuardReport } from './report.js';
import { abortSignalOf, dryRun, sendPart } from './parts.js';
import { ChunkOverLimit, type ChunkOnTheWay } from './wire-check.js';
import type { Hint } from './planner.js';

type BeforeCallPayload = LifecycleEventMap['before-call'];
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
 * the limit (nothing sent); or rejected by the service as too large (nothing
 * delivered). `bytes`: its size as it was about to be sent, when known.
 */
export type SendOutcome =
  | { kind: 'delivered'; bytes: number | undefined }
  | { kind: 'over-limit'; bytes: number }
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
    return this.guard.settings.batch.subInput(this.payload.params, this.items.slice(start, start + count));
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
    this.throwIfAborted();
    this.report.dryRuns += 1;
    const request = await dryRun(this.payload.context, this.subInput(start, count));
    return (await this.guard.measure(this.payload.model, request))?.bytes;
  }

  /**
   * Sends `count` items from `start`, measured on its way and stopped there
   * when over `maxBytes`. Any failure but a too-large one throws.
   */
  async send(start: number, count: number, maxBytes = Infinity): Promise<SendOutcome> {
    this.throwIfAborted();
    const chunk: ChunkOnTheWay = { model: this.payload.model, maxBytes };
    let output: Output;
    const { context } = this.payload;
    this.guard.expectChunk(context, chunk);
    try {
      output = await sendPart(context, this.subInput(start, count));
    } catch (error) {
      this.guard.expectChunk(context, undefined);
      if (error instanceof ChunkOverLimit) {
        this.report.stoppedChunks += 1;
        return { kind: 'over-limit', bytes: error.bytes };
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
