/**
 * What section 1 compares a plain client with, and what a comparison
 * reports: shared by the section (bridge.ts) and the process that measures
 * one comparison (bridge-pair.ts).
 */
import type { AliasedEventEmitter } from '@sdk-events/core';

/** The three registrations that receive a CloudWatch PutMetricData call. */
export const MATCHING_NAMES = ['before-sign.cloudwatch.PutMetricData', 'before-send.cloudwatch', 'after-call'] as const;

/** Ten registrations on other services and event types: none receives a CloudWatch call. */
export const OTHER_NAMES = [
  'before-sign.s3',
  'after-call.lambda.Invoke',
  'needs-retry.ec2',
  'before-send.s3.PutObject',
  'request-created.lambda',
  'before-call.dynamodb.GetItem',
  'provide-client-params.sqs',
  'before-parse.sns.Publish',
  'response-received.kinesis',
  'choose-signer.sts',
] as const;

/** Counts how often the 13 no-op handlers ran, to prove the bridge called exactly the matching ones. */
export interface HandlerCounts {
  matching: number;
  other: number;
}

/** Registers the 13 no-op handlers (3 match a CloudWatch PutMetricData call) and returns their counters. */
export function registerThirteenHandlers(events: AliasedEventEmitter, counts: HandlerCounts = { matching: 0, other: 0 }): HandlerCounts {
  for (const name of MATCHING_NAMES) events.register(name, () => void counts.matching++);
  for (const name of OTHER_NAMES) events.register(name, () => void counts.other++);
  return counts;
}

/**
 * The clients a plain one is compared with: another plain one (the noise
 * floor), the bridge with no handlers, the bridge with the 13 handlers, and
 * the same with 1,000 calls in flight on each client, the plain ones too
 * (the cost per call must not grow with the calls in flight).
 */
export const CONTENDERS = ['plain-again', 'no-handlers', 'thirteen-handlers', 'thirteen-handlers-1000-in-flight'] as const;

/** Calls each client of a comparison keeps in flight while the timed ones run. */
export function callsInFlight(contender: Contender): number {
  return contender === 'thirteen-handlers-1000-in-flight' ? 1000 : 1;
}
export type Contender = (typeof CONTENDERS)[number];

/** What one comparison measured, printed as JSON by bridge-pair.ts. */
export interface PairResult {
  /** Median per-round time ratio contender / plain, and its IQR. */
  readonly ratio: number;
  readonly ratioLow: number;
  readonly ratioHigh: number;
  /** Median time per call, contender and plain (secondary). */
  readonly nsPerOp: number;
  readonly baseNsPerOp: number;
  /** Bytes allocated per call, contender and plain (NaN without --expose-gc). */
  readonly bytesPerOp: number;
  readonly baseBytesPerOp: number;
  /** The share of a plain call's time spent in GC. */
  readonly gcPart: number;
}
