import type { CallContext } from '@sdk-events/core';
import type { Outcome } from './outcome.js';
import type { AttemptRecord } from './records.js';
import { SecretSet } from './redact/secrets.js';

/** An attempt sent and not yet answered. */
export interface OpenAttempt {
  record: AttemptRecord;
  sentAt: number;
  /** The redacted request headers, for the `headers` option (written after the outcome, as they are long). */
  requestHeaders: Record<string, string> | undefined;
}

/** What the logging handlers keep about one call, in its context. */
export interface CallLogState {
  startedAt: number;
  service: string;
  operation: string;
  /** Attempts started so far. */
  attempts: number;
  /** Every secret seen in this call, scrubbed from every line. */
  secrets: SecretSet;
  /** The attempt on the wire. */
  open: OpenAttempt | undefined;
  /** A failed attempt not logged yet: its level depends on whether another attempt follows. */
  failed: AttemptRecord | undefined;
  /** How the last answered attempt ended. */
  last: Outcome | undefined;
  /** The input after the SDK's filter, summarized (`params` option). */
  input: unknown;
  /** The serialized request body, to recognize the input member that is the body. */
  body: unknown;
}

/** The state of the call `context` belongs to, created on first use. `key` separates plugin instances. */
export function callState(context: CallContext | undefined, key: symbol, eventName: string): CallLogState {
  const holder = (context ?? {}) as Record<symbol, CallLogState | undefined>;
  let state = holder[key];
  if (!state) {
    const [, service = 'unknown', operation = 'unknown'] = eventName.split('.');
    state = {
      startedAt: performance.now(),
      service,
      operation,
      attempts: 0,
      secrets: new SecretSet(),
      open: undefined,
      failed: undefined,
      last: undefined,
      input: undefined,
      body: undefined,
    };
    holder[key] = state;
  }
  return state;
}

/** Milliseconds since `start`, to a tenth. */
export function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
