/**
 * Lost responses: a request the inspector accepts and handles as usual, whose
 * answer never reaches the client (the connection is closed instead). The
 * SDK sees a network error and retries, so the service receives the request
 * twice: what happens when a real response is lost on the way back.
 */
import { FaultQueue } from './faults.js';

/** Which requests `loseResponseNext` applies to; both members optional. */
export interface LostResponseMatch {
  /** Only requests to this service (`cloudwatch`, `lambda`, `s3`); default any. */
  service?: string;
  /** Only requests for this operation (`PutMetricData`); default any. */
  operation?: string;
}

/** Throws a TypeError naming what is wrong with a `loseResponseNext` call. */
export function validateLostResponse(count: unknown, match: unknown): asserts match is LostResponseMatch {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new TypeError(`loseResponseNext: count must be a positive integer, got ${String(count)}`);
  }
  if (typeof match !== 'object' || match === null) throw new TypeError('loseResponseNext: match must be an object { service?, operation? }');
  for (const [name, value] of Object.entries(match)) {
    if (name !== 'service' && name !== 'operation') throw new TypeError(`loseResponseNext: unknown member '${name}' (known: service, operation)`);
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new TypeError(`loseResponseNext: match.${name} must be a non-empty string when given`);
  }
}

/** The requests whose answers are to be lost, matched in the order they were queued. */
export class LostResponseQueue extends FaultQueue<LostResponseMatch> {}
