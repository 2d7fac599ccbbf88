/** What the guard did with a call, attached to the merged output (or to the error). */
import type { PayloadGuardStrategy } from './options.js';

/** One request the guard sent (or had rejected). */
export interface GuardedRequest {
  /** Index of its first item. */
  start: number;
  /** How many items it carried. */
  count: number;
  /** Its measured size on the wire (pessimistic), when known. */
  bytes?: number;
  /** `true` when the service rejected it as too large (optimistic: its items went in smaller requests after it). */
  rejected?: boolean;
  /** `true` when it failed otherwise: the call failed with that error. */
  failed?: boolean;
}

/** What the guard did with one call that it split or sent itself. */
export interface PayloadGuardReport {
  strategy: PayloadGuardStrategy;
  operation: string;
  /** Items in the call. */
  items: number;
  /** Items delivered (all of them when the call succeeded). */
  deliveredItems: number;
  /** The requests sent, in order, rejected ones included. */
  requests: GuardedRequest[];
  /** Dry runs made to measure chunks (nothing of them went on the network). */
  dryRuns: number;
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
 * payloadGuardReportOf(output)?.requests.length; // 3
 */
export function payloadGuardReportOf(outputOrError: unknown): PayloadGuardReport | undefined {
  if (typeof outputOrError !== 'object' || outputOrError === null) return undefined;
  return (outputOrError as Record<symbol, PayloadGuardReport | undefined>)[REPORT];
}
