/**
 * The guard of one plugin instance: its `before-call` handler, which answers
 * its own dry runs, lets its own chunk sends through, and splits calls that
 * are over a limit.
 */
import type { EventHandler, EventHooks, LifecycleEventMap, OperationModel } from '@sdk-events/core';
import type { GuardSettings } from './options.js';
import { chunksByCount, planChunks, type PlannedChunk } from './planner.js';
import { SplitCall, type Output } from './split-call.js';
import { dryRunOutput, subCallMarkOf, type SubCallMark } from './sub-calls.js';
import { gzipHandlerOf, measureWireBytes, partsBound, type MeasurableRequest, type WireSize } from './wire-size.js';

type BeforeCallPayload = LifecycleEventMap['before-call'];

/** The limits a plan is made under; a rejection lowers them for the rest of the call. */
interface PlanLimits {
  maxBytes: number;
  maxItems: number;
  /** Every part of the items is known to fit `maxBytes`: cut by count, measure nothing. */
  allFit: boolean;
  /** Sizes measured already, by `start:count`. */
  known?: Map<string, number | undefined>;
}

/** The guard of one plugin instance. */
export class Guard {
  private readonly marks = { 'dry-run': { guard: this, kind: 'dry-run' }, send: { guard: this, kind: 'send' } } as const;
  private events: EventHooks | undefined;

  constructor(readonly settings: GuardSettings) {}

  /** The marker of this guard's sub-calls of `kind`. */
  mark(kind: SubCallMark['kind']): SubCallMark {
    return this.marks[kind];
  }

  /** Registers the `before-call` handler on the batch's events, first in their group. */
  register(events: EventHooks): void {
    this.events = events;
    for (const name of this.settings.batch.events) events.registerFirst(name, this.beforeCall as EventHandler<any>);
  }

  /** Measures `request` as it will go on the wire (a gzip handler of this operation included). */
  measure(model: OperationModel, request: MeasurableRequest, fitsUnder?: number): Promise<WireSize | undefined> {
    return measureWireBytes(request, this.gzipHandler(model), fitsUnder);
  }

  private gzipHandler(model: OperationModel) {
    return this.events ? gzipHandlerOf(this.events, model) : undefined;
  }

  /** The `before-call` handler. A response is the call's output; `undefined` lets the call go on as it is. */
  readonly beforeCall = async (payload: BeforeCallPayload): Promise<Output | undefined> => {
    const mark = subCallMarkOf(payload.params);
    if (mark?.guard === this) return mark.kind === 'dry-run' ? dryRunOutput(payload.request) : undefined;
    // Another guard's dry run: that guard answers it.
    if (mark?.kind === 'dry-run') return undefined;

    const items = this.settings.batch.items(payload.params);
    if (!items || items.length === 0) return undefined;
    return this.settings.strategy === 'optimistic' ? this.optimistic(payload, items) : this.pessimistic(payload, items);
  };

  private async pessimistic(payload: BeforeCallPayload, items: readonly unknown[]): Promise<Output | undefined> {
    const { maxBytes, maxItems } = this.settings;
    const request = payload.request as MeasurableRequest;
    const bound = partsBound(request, this.gzipHandler(payload.model));
    const allFit = bound !== undefined && bound <= maxBytes;
    // Over the item limit with every part known to fit, there is nothing to measure.
    const whole = allFit && items.length > maxItems ? undefined : await this.measure(payload.model, request, maxBytes);
    if (items.length <= maxItems && (whole === undefined || whole.bytes <= maxBytes)) return undefined;

    const call = new SplitCall(this, payload, items);
    const known = new Map<string, number | undefined>();
    if (whole?.exact) known.set(`0:${items.length}`, whole.bytes);
    return call.run(() => this.sendPlanned(call, 0, { maxBytes, maxItems, allFit, known }));
  }

  private async optimistic(payload: BeforeCallPayload, items: readonly unknown[]): Promise<Output> {
    const { maxBytes, maxItems } = this.settings;
    const call = new SplitCall(this, payload, items);
    return call.run(async () => {
      // Until the service rejects a request, the item limit alone cuts the call: counting is free.
      let start = 0;
      while (start < items.length) {
        const count = Math.min(maxItems, items.length - start);
        if ((await call.trySend(start, count)) !== undefined) break;
        start += count;
      }
      // After a rejection, the rest is measured and planned as the pessimistic strategy does.
      if (start < items.length) await this.sendPlanned(call, start, { maxBytes, maxItems, allFit: false });
    });
  }

  /**
   * Sends the items from `from` in the fewest requests `limits` allow. A request
   * the service rejects as too large though planned within them shows that its
   * real limit is lower: the rest is planned again under half the rejected
   * size (a few rejections at most, whatever the real limit is).
   */
  private async sendPlanned(call: SplitCall, from: number, limits: PlanLimits): Promise<void> {
    let start = from;
    while (start < call.items.length) {
      const chunks = await this.plan(call, start, limits);
      for (const chunk of chunks) {
        const rejection = await call.trySend(chunk.start, chunk.count, chunk.bytes);
        if (rejection === undefined) {
          start += chunk.count;
          continue;
        }
        if (chunk.count === 1) throw call.tooLarge(chunk.start, chunk.bytes ?? (await call.measure(chunk.start, 1)), 'rejected', rejection);
        if (limits.allFit) limits.allFit = false;
        else if (chunk.bytes !== undefined) limits.maxBytes = Math.floor(chunk.bytes / 2);
        else limits.maxItems = Math.ceil(chunk.count / 2);
        break;
      }
    }
  }

  private async plan(call: SplitCall, from: number, limits: PlanLimits): Promise<PlannedChunk[]> {
    const itemCount = call.items.length;
    if (limits.allFit) return chunksByCount(from, itemCount, limits.maxItems);
    const measure = (start: number, count: number) => call.measure(start, count);
    const plan = await planChunks({ itemCount, from, maxItems: limits.maxItems, maxBytes: limits.maxBytes, measure, known: limits.known });
    // A datum that fits nowhere fails the call before anything more is sent.
    if (!plan.ok) throw call.tooLarge(plan.itemIndex, plan.bytes, 'measured', call.lastRejection);
    return plan.chunks;
  }
}
