/**
 * The guard of one plugin instance: takes the items out of a call it will
 * split before the call is serialized, checks its chunks on their way, and
 * splits calls that are over a limit.
 */
import type { CallContext, EventHandler, EventHooks, LifecycleEventMap, OperationModel } from '@sdk-events/core';
import type { GuardSettings } from './options.js';
import { nextStep, type Hint, type NextStep } from './planner.js';
import { SplitCall, type Output } from './split-call.js';
import { WireCheck, type ChunkOnTheWay } from './wire-check.js';
import { gzipHandlerOf, measureWireBytes, sdkMayCompress, type MeasurableRequest, type WireSize } from './wire-size.js';
import { WithheldItems } from './withheld.js';

type BeforeCallPayload = LifecycleEventMap['before-call'];
type BeforeParameterBuildPayload = LifecycleEventMap['before-parameter-build'];

/** The limits the rest of a call is sent under; what the guard learns on the way changes them. */
interface SendLimits {
  maxBytes: number;
  maxItems: number;
  /** Whether chunks are measured (pessimistic; optimistic after its first rejection). */
  measuring: boolean;
}

/** `before-call.cloudwatch.PutMetricData` → `<type>.cloudwatch.PutMetricData`. */
const sameOperation = (beforeCallName: string, type: string) => [type, ...beforeCallName.split('.').slice(1)].join('.');

/** The guard of one plugin instance. */
export class Guard {
  private readonly withheld = new WithheldItems();
  private readonly wireCheck = new WireCheck((model) => this.gzipHandler(model));
  private events: EventHooks | undefined;

  constructor(readonly settings: GuardSettings) {}

  /** Registers the guard's handlers on the batch's operations. */
  register(events: EventHooks): void {
    this.events = events;
    for (const name of this.settings.batch.events) {
      // Last, so that the params other handlers of this name see and change are the caller's.
      events.registerLast(sameOperation(name, 'before-parameter-build'), this.beforeParameterBuild as EventHandler<any>);
      events.registerFirst(name, this.restoreParams as EventHandler<any>);
      // Last: a call another before-call handler answers (a stub) is not split.
      events.registerLast(name, this.beforeCall as EventHandler<any>);
      events.registerFirst(sameOperation(name, 'request-created'), this.wireCheck.requestCreated as EventHandler<any>);
      events.registerFirst(sameOperation(name, 'before-send'), this.wireCheck.beforeSend as EventHandler<any>);
    }
  }

  /** Measures `request` as it will go on the wire (a gzip handler of this operation included). */
  measure(model: OperationModel, request: MeasurableRequest, fitsUnder?: number): Promise<WireSize | undefined> {
    return measureWireBytes(request, this.gzipHandler(model), fitsUnder);
  }

  private gzipHandler(model: OperationModel) {
    return this.events ? gzipHandlerOf(this.events, model) : undefined;
  }

  /** Until `undefined` is given, the attempts carrying `context` are this chunk's (checked on their way). */
  expectChunk(context: CallContext, chunk: ChunkOnTheWay | undefined): void {
    this.wireCheck.expect(context, chunk);
  }

  /** A call with more items than `maxItems` is split anyway: its items are not serialized whole. */
  readonly beforeParameterBuild = ({ params, context }: BeforeParameterBuildPayload): void => {
    const { batch, maxItems } = this.settings;
    const items = batch.items(params);
    if (!items || items.length <= maxItems) return;
    let emptied: Record<string, any>;
    try {
      emptied = batch.subInput(params, []);
    } catch {
      // A BatchSpec whose subInput cannot build an input without items: the call is serialized whole.
      return;
    }
    this.withheld.withhold(context, params, items, emptied);
  };

  /** The first `before-call` handler: the params as the caller's handlers left them, for every other one. */
  readonly restoreParams = ({ params, context }: BeforeCallPayload): undefined => {
    this.withheld.restore(context, params);
    return undefined;
  };

  /** The last `before-call` handler: splits the call. A response is the call's output; `undefined` lets the call go on as it is. */
  readonly beforeCall = async (payload: BeforeCallPayload): Promise<Output | undefined> => {
    const withheld = this.withheld.take(payload.context, payload.params);
    const items = withheld?.items ?? this.settings.batch.items(payload.params);
    if (!items || items.length === 0) return undefined;
    try {
      if (this.settings.strategy === 'optimistic') return await this.optimistic(payload, items);
      return await this.pessimistic(payload, items, withheld !== undefined);
    } finally {
      withheld?.hide();
    }
  };

  private async pessimistic(payload: BeforeCallPayload, items: readonly unknown[], withheld: boolean): Promise<Output | undefined> {
    const { maxBytes, maxItems } = this.settings;
    const call = await this.splitCall(payload, items);
    if (!withheld) {
      const whole = await this.measure(payload.model, payload.request as MeasurableRequest, maxBytes);
      if (items.length <= maxItems && (whole === undefined || whole.bytes <= maxBytes)) return undefined;
      if (whole?.exact) call.sizesFrom(0).set(items.length, whole.bytes);
      if (whole !== undefined) call.noteSize(whole);
    }
    return call.run(() => this.sendAll(call, { maxBytes, maxItems, measuring: true }));
  }

  private async optimistic(payload: BeforeCallPayload, items: readonly unknown[]): Promise<Output> {
    const { maxBytes, maxItems } = this.settings;
    const call = await this.splitCall(payload, items);
    return call.run(() => this.sendAll(call, { maxBytes, maxItems, measuring: false }));
  }

  /** A call to split, knowing whether its requests may be compressed (a gzip handler, or the SDK's own compression). */
  private async splitCall(payload: BeforeCallPayload, items: readonly unknown[]): Promise<SplitCall> {
    const call = new SplitCall(this, payload, items);
    const config = (payload.context.client as { config?: Record<string, unknown> }).config ?? {};
    const mayCompress = this.gzipHandler(payload.model) !== undefined || (await sdkMayCompress(config));
    call.noteSize({ compressed: mayCompress });
    return call;
  }

  /**
   * The next step for the chunk from `start` (see planner.ts). Where sizes
   * add up, a new chunk's first try is the run its items' own sizes say is
   * the longest that fits; else the chunk before it (or a rough size of the
   * first) is the first guess.
   */
  private async plan(call: SplitCall, start: number, cap: number, maxBytes: number, previous: Hint | undefined): Promise<NextStep> {
    const sizes = call.sizesFrom(start);
    if (call.sizesAddUp && sizes.size === 0) {
      const expected = await call.expectedLongest(start, cap, maxBytes);
      if (expected !== undefined && expected > 0) return expected >= cap ? { kind: 'send', count: cap } : { kind: 'send-if-longest', count: expected };
    }
    return nextStep(sizes, cap, maxBytes, previous, call.sizesAddUp);
  }

  /**
   * Sends every item in as few requests as `limits` allow, one chunk at a time
   * (see planner.ts). Not `measuring` (optimistic, until a rejection): chunks of
   * `maxItems`, sent as they are. A chunk stopped on its way (over `maxBytes`,
   * nothing sent) is planned again with its size known. A chunk the service
   * rejects as too large though within `maxBytes` shows that the real limit is
   * lower: the rest goes under half the rejected size (a few rejections at
   * most, whatever the real limit is).
   */
  private async sendAll(call: SplitCall, limits: SendLimits): Promise<void> {
    const { items } = call;
    let start = 0;
    // The chunk before (its length and size): the first guess for the next one.
    let previous: Hint | undefined;
    while (start < items.length) {
      const cap = Math.min(limits.maxItems, items.length - start);
      const sizes = call.sizesFrom(start);
      if (limits.measuring && !call.sizesAddUp) previous ??= call.roughSize(start, cap);
      const step = limits.measuring ? await this.plan(call, start, cap, limits.maxBytes, previous) : { kind: 'send' as const, count: cap };
      if (step.kind === 'too-large') throw call.tooLarge(start, step.bytes, 'measured', call.lastRejection);
      if (step.kind === 'measure') {
        sizes.set(step.count, await call.measure(start, step.count));
        continue;
      }
      let moreThan: number | undefined;
      if (step.kind === 'send-if-longest') {
        const share = await call.shareOf(start + step.count);
        if (share === undefined) {
          // Its share is not known after all (a compressed or streamed item): plan again, measuring.
          call.noteSize({ compressed: true });
          continue;
        }
        moreThan = limits.maxBytes - share;
      }
      const outcome = await call.send(start, step.count, limits.measuring ? limits.maxBytes : Infinity, moreThan);
      if (outcome.kind === 'delivered') {
        previous = { count: step.count, bytes: outcome.bytes };
        start += step.count;
      } else if (outcome.kind === 'over-limit' || outcome.kind === 'not-longest') {
        sizes.set(step.count, outcome.bytes);
      } else {
        if (step.count === 1) throw call.tooLarge(start, outcome.bytes, 'rejected', outcome.error);
        limits.measuring = true;
        if (outcome.bytes === undefined) limits.maxItems = Math.ceil(step.count / 2);
        else {
          if (outcome.bytes <= limits.maxBytes) limits.maxBytes = Math.floor(outcome.bytes / 2);
          sizes.set(step.count, outcome.bytes);
        }
      }
    }
  }
}
