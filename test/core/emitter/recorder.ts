// Test helper: named handlers that record their calls in one shared log.
import type { EventHandler, EventPayload } from '@sdk-events/core';

/** One recorded call: which handler, and the payload it received. */
export interface RecordedCall {
  handler: string;
  payload: EventPayload;
}

/** A log of handler calls and a factory of handlers that write to it. */
export class Recorder {
  readonly calls: RecordedCall[] = [];

  /** A handler named `name` that records its call and returns `response` (any handler, so it fits every name). */
  handler(name: string, response?: unknown): EventHandler<any> {
    return (payload: EventPayload) => {
      this.calls.push({ handler: name, payload });
      return response;
    };
  }

  /** An async handler: records its call, waits a few macrotasks, resolves to `response`. */
  asyncHandler(name: string, response?: unknown, ticks = 2): EventHandler<any> {
    return async (payload: EventPayload) => {
      this.calls.push({ handler: name, payload });
      for (let i = 0; i < ticks; i++) await new Promise((resolve) => setImmediate(resolve));
      return response;
    };
  }

  /** The names of the handlers called so far, in order. */
  get names(): string[] {
    return this.calls.map((call) => call.handler);
  }

  /** Forgets the calls recorded so far. */
  clear(): void {
    this.calls.length = 0;
  }
}

/** The error `promise` rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
