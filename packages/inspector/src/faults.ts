import type { InspectedRequest, InspectorFault } from './types.js';

/** What a queued fault matches on: a service and an operation, each optional. */
interface FaultMatch {
  service?: string;
  operation?: string;
}

interface QueuedFault<F extends FaultMatch> {
  remaining: number;
  fault: F;
}

/** Throws a TypeError naming what is wrong with a `failNext` call. */
export function validateFault(count: unknown, fault: unknown): asserts fault is InspectorFault {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new TypeError(`failNext: count must be a positive integer, got ${String(count)}`);
  }
  if (typeof fault !== 'object' || fault === null) throw new TypeError('failNext: fault must be an object { status, code?, message?, service?, operation? }');
  const { status, code, message, service, operation } = fault as Record<string, unknown>;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
    throw new TypeError(`failNext: fault.status must be an integer from 400 to 599, got ${String(status)}`);
  }
  for (const [name, value] of Object.entries({ code, message, service, operation })) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new TypeError(`failNext: fault.${name} must be a non-empty string when given`);
  }
}

/** Faults waiting to be answered, matched in the order they were queued. */
export class FaultQueue<F extends FaultMatch = InspectorFault> {
  private queue: QueuedFault<F>[] = [];

  /** Queues `fault` for the next `count` matching requests. */
  add(count: number, fault: F): void {
    this.queue.push({ remaining: count, fault: { ...fault } });
  }

  /** Takes the first queued fault matching the request, if any (using up one of its count). */
  take(record: Pick<InspectedRequest, 'service' | 'operation'>): F | undefined {
    const index = this.queue.findIndex(
      ({ fault }) =>
        (fault.service === undefined || fault.service.toLowerCase() === record.service) &&
        (fault.operation === undefined || fault.operation === record.operation),
    );
    if (index < 0) return undefined;
    const entry = this.queue[index]!;
    entry.remaining--;
    if (entry.remaining === 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  /** How many answers are still queued. */
  get pending(): number {
    return this.queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /** Drops every queued fault. */
  clear(): void {
    this.queue = [];
  }
}
