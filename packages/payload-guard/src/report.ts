/** What the guard did with a call, attached to the merged output (or to the error). */
import type { PayloadGuardStrategy } from './options.js';

/** One request the guard sent (or had rejected), with what is known of its fate. */
export interface GuardedRequest {
  /** Index of its first item. */
  start: number;
  /** How many items it carried. */
  count: number;
  /** Its measured size on the wire, when the guard measured it. */
  bytes?: number;
  /** How many times it went on the wire: 1, or more when the SDK retried it. */
  attempts: number;
  /** `true` when the service rejected it as too large: nothing of it was delivered, its items went in smaller requests after it. */
  rejected?: true;
  /** `true` when it failed otherwise (the call failed with that error). */
  failed?: true;
  /**
   * `true` when the service may have received its items more than once (delivered) or at all
   * (failed): it went on the wire more than once, or its last attempt got no definite answer
   * (no response, a server error, an abort), and a request whose answer is lost may still have
   * been acted on.
   */
  maybeDuplicated?: true;
}

/** What the guard did with one call that it split or sent itself. */
export interface PayloadGuardReport {
  strategy: PayloadGuardStrategy;
  operation: string;
  /** Items in the call. */
  items: number;
  /** Items the service confirmed (all of them when the call succeeded). */
  deliveredItems: number;
  /** Items of requests marked `maybeDuplicated`: they may have been received twice (or, in a failed request, once). */
  maybeDuplicatedItems: number;
  /** The requests sent, in order, rejected and failed ones included. */
  requests: GuardedRequest[];
  /** Dry runs made to measure chunks: serialized only, no event fired, nothing sent. */
  dryRuns: number;
  /**
   * Chunks sent on a guess (that they fit) and stopped on their way, in `before-send`, because
   * they were over `maxBytes`: nothing of them was sent, but their attempt's events up to
   * `before-send` fired (then `response-received` and `needs-retry` with the guard's error).
   */
  stoppedChunks: number;
}

const REPORT = Symbol.for('sdk-events.payload-guard.report');

/** Attaches `report` to an output or error (a non-enumerable symbol member: not serialized, not logged). */
export function attachReport<T extends object>(target: T, report: PayloadGuardReport): T {
  Object.defineProperty(target, REPORT, { value: report, enumerable: false, configurable: true });
  return target;
}

/**
 * What the guard did with a call: from its output, or from the error it
 * failed with; `undefined` when the guard let the call through untouched
 * (it fit) or did not see it.
 *
 * @example
 * const output = await cw.send(new PutMetricDataCommand({ Namespace: 'app', MetricData: data2500 }));
 * const report = payloadGuardReportOf(output);
 * report?.requests.length; // 3
 * report?.requests.filter((r) => r.maybeDuplicated); // chunks the service may have received twice
 */
export function payloadGuardReportOf(outputOrError: unknown): PayloadGuardReport | undefined {
  if (typeof outputOrError !== 'object' || outputOrError === null) return undefined;
  return (outputOrError as Record<symbol, PayloadGuardReport | undefined>)[REPORT];
}
