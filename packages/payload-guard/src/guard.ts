/**
 * The guard of one plugin instance: its `before-call` handler, which answers
 * its own dry runs, lets its own chunk sends through, and splits calls that
 * are over a limit.
 */
import type { EventHandler, EventHooks, LifecycleEventMap } from '@sdk-events/core';
import { ItemTooLargeError } from './errors.js';
import type { GuardSettings } from './options.js';
import { planChunks } from './planner.js';
import { attachReport, type PayloadGuardReport } from './report.js';
import { commandClassOf, dryRunBytes, dryRunOutput, sendSubCall, subCallMarkOf, type SubCallMark } from './sub-calls.js';
import { gzipHandlerOf, measureWireBytes } from './wire-size.js';

type BeforeCallPayload = LifecycleEventMap['before-call'];
type Output = Record<string | symbol, any>;

/** One call being split: its items and the means to send parts of it. */
class SplitCall {
  readonly report: PayloadGuardReport;
  private readonly command;
  private readonly outputs: Output[] = [];

  constructor(
    private readonly guard: Guard,
    private readonly payload: BeforeCallPayload,
    readonly items: readonly unknown[],
  ) {
    this.command = commandClassOf(payload.context, payload.model.name);
    this.report = {
      strategy: guard.settings.strategy,
      operation: payload.model.name,
      items: items.length,
      deliveredItems: 0,
      requests: [],
      dryRuns: 0,
    };
  }

  private subInput(start: number, count: number): object {
    return this.guard.settings.batch.subInput(this.payload.params, this.items.slice(start, start + count));
  }

  /** Measures the request carrying `count` items from `start`, sending nothing. */
  async dryRun(start: number, count: number): Promise<number | undefined> {
    this.report.dryRuns += 1;
    const output = await sendSubCall(this.payload.context, this.command, this.subInput(start, count), this.guard.mark('dry-run'));
    return dryRunBytes(output, this.payload.model.name);
  }

  /** Sends `count` items from `start` (the guard lets this call through). */
  async send(start: number, count: number, bytes?: number): Promise<void> {
    const request: PayloadGuardReport['requests'][number] = { start, count, ...(bytes === undefined ? {} : { bytes }) };
    this.report.requests.push(request);
    try {
      this.outputs.push(await sendSubCall(this.payload.context, this.command, this.subInput(start, count), this.guard.mark('send')));
    } catch (error) {
      if (this.guard.settings.batch.isTooLarge(error)) request.rejected = true;
      else request.failed = true;
      throw error;
    }
    this.report.deliveredItems += count;
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

  /** The caller's one output. */
  mergedOutput(): Output {
    return attachReport(this.guard.settings.batch.merge(this.outputs), this.report);
  }

  /** Runs `work`; on failure the error carries the report of what was delivered. */
  async run(work: () => Promise<void>): Promise<Output> {
    try {
      await work();
    } catch (error) {
      if (typeof error === 'object' && error !== null && Object.isExtensible(error)) attachReport(error, this.report);
      throw error;
    }
    return this.mergedOutput();
  }
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

  /** The `before-call` handler. A response is the call's output; `undefined` lets the call go on as it is. */
  readonly beforeCall = async (payload: BeforeCallPayload): Promise<Output | undefined> => {
    const mark = subCallMarkOf(payload.params);
    if (mark?.guard === this) {
      return mark.kind === 'dry-run' ? dryRunOutput((await this.measure(payload))?.bytes) : undefined;
    }
    // Another guard's dry run: that guard answers it.
    if (mark?.kind === 'dry-run') return undefined;

    const items = this.settings.batch.items(payload.params);
    if (!items || items.length === 0) return undefined;
    return this.settings.strategy === 'optimistic' ? this.optimistic(payload, items) : this.pessimistic(payload, items);
  };

  private measure(payload: BeforeCallPayload, fitsUnder?: number) {
    const gzip = this.events ? gzipHandlerOf(this.events, payload.model) : undefined;
    return measureWireBytes(payload.request as Parameters<typeof measureWireBytes>[0], gzip, fitsUnder);
  }

  private async pessimistic(payload: BeforeCallPayload, items: readonly unknown[]): Promise<Output | undefined> {
    const { maxBytes, maxItems } = this.settings;
    // Over the item limit the call is split anyway: compressing it all just to know its size is not worth it.
    const whole = await this.measure(payload, items.length > maxItems ? Infinity : maxBytes);
    if (items.length <= maxItems && (whole === undefined || whole.bytes <= maxBytes)) return undefined;

    const call = new SplitCall(this, payload, items);
    const known = new Map<string, number | undefined>();
    if (whole === undefined || whole.exact) known.set(`0:${items.length}`, whole?.bytes);
    const plan = await planChunks({ itemCount: items.length, maxItems, maxBytes, measure: (s, c) => call.dryRun(s, c), known });
    // Nothing has been sent yet: a datum that fits nowhere fails the call here.
    if (!plan.ok) throw call.tooLarge(plan.itemIndex, plan.bytes, 'measured');
    return call.run(async () => {
      for (const chunk of plan.chunks) await call.send(chunk.start, chunk.count, chunk.bytes);
    });
  }

  private async optimistic(payload: BeforeCallPayload, items: readonly unknown[]): Promise<Output> {
    const { maxItems, batch } = this.settings;
    const call = new SplitCall(this, payload, items);
    const deliver = async (start: number, count: number): Promise<void> => {
      try {
        await call.send(start, count);
      } catch (error) {
        if (!batch.isTooLarge(error)) throw error;
        if (count === 1) throw call.tooLarge(start, await call.dryRun(start, 1).catch(() => undefined), 'rejected', error);
        const half = Math.ceil(count / 2);
        await deliver(start, half);
        await deliver(start + half, count - half);
      }
    };
    // Counting is free: no request is sent with more items than the item limit.
    return call.run(async () => {
      for (let start = 0; start < items.length; start += maxItems) await deliver(start, Math.min(maxItems, items.length - start));
    });
  }
}
