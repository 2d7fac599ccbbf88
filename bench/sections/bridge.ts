/**
 * Section 1: what the bridge costs per SDK call. A real CloudWatch client
 * sends PutMetricData to a stub request handler (no network), plain and with
 * the bridge attached, side by side.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { eventsOf, type AliasedEventEmitter } from '@sdk-events/core';
import { bytesPerOp, gcShare } from '../lib/allocation.js';
import { addHandWrittenBridge } from '../lib/hand-bridge.js';
import { putOnce, putSequentially, smallMetricInput, stubbedCloudWatchClient, type StubCloudWatchHandler } from '../lib/cloudwatch.js';
import { compareVariants, type VariantResult } from '../lib/rounds.js';
import { pick } from '../lib/settings.js';
import { formatNs, formatOverhead, type Row } from '../lib/table.js';

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

const PLAN = pick(
  { rounds: 2500, opsPerRound: 4, warmupOps: 1500, roundsPerCollection: 100, clock: 'cpu' as const },
  { rounds: 300, opsPerRound: 4, warmupOps: 400, roundsPerCollection: 100, clock: 'cpu' as const },
);
/** Clients per variant, used in turn: no single client's memory layout decides a variant's figure. */
const INSTANCES = 2;
const ALLOCATION = pick({ ops: 20, samples: 9 }, { ops: 20, samples: 3 });

/** One variant: its clients (used round-robin) and their stub handlers. */
interface ClientSet {
  readonly name: string;
  readonly clients: CloudWatchClient[];
  readonly handlers: StubCloudWatchHandler[];
  run(ops: number): Promise<void>;
}

function clientSet(name: string, cacheMiddleware: boolean, prepare: (client: CloudWatchClient) => void): ClientSet {
  const made = Array.from({ length: INSTANCES }, () => stubbedCloudWatchClient({ cacheMiddleware }));
  const clients = made.map(({ client }) => client);
  clients.forEach(prepare);
  const input = smallMetricInput();
  let next = 0;
  return {
    name,
    clients,
    handlers: made.map(({ handler }) => handler),
    run: (ops) => putSequentially(clients[next++ % clients.length]!, input, ops),
  };
}

/** Measures one stack setting (default or `cacheMiddleware: true`) and returns its rows. */
async function measureStack(cacheMiddleware: boolean): Promise<Row[]> {
  const setting = cacheMiddleware ? 'cacheMiddleware' : 'default stack';
  const counts: HandlerCounts = { matching: 0, other: 0 };
  let handWrittenCalls = 0;
  const countCall = () => void handWrittenCalls++;
  const handWritten = { beforeSign: countCall, beforeSend: countCall, afterCall: countCall };
  const sets = [
    clientSet('plain client', cacheMiddleware, () => {}),
    clientSet('plain client again', cacheMiddleware, () => {}),
    clientSet('bridge attached, no handlers', cacheMiddleware, (client) => void eventsOf(client)),
    clientSet('bridge, 13 handlers (3 match)', cacheMiddleware, (client) => void registerThirteenHandlers(eventsOf(client), counts)),
    clientSet('by hand: 3 entries, 3 handler calls', cacheMiddleware, (client) => addHandWrittenBridge(client, handWritten)),
  ] as const;

  // Every client must really complete the call (the SDK parsed the stub's answer), and only the 3 matching handlers run.
  for (const set of sets) for (const client of set.clients) await putOnce(client, smallMetricInput());
  if (counts.matching !== 3 * INSTANCES || counts.other !== 0) {
    throw new Error(`bridge bench: expected ${3 * INSTANCES} matching handler calls and no other, got ${counts.matching} and ${counts.other}`);
  }

  const timed = await compareVariants(sets, PLAN);
  const allocation: number[] = [];
  for (const set of sets) allocation.push((await bytesPerOp(set.run, ALLOCATION.ops, ALLOCATION.samples)) ?? Number.NaN);
  const gcPart = await gcShare(sets[0].run, pick(600, 200));

  const calls = sets[3].handlers.reduce((sum, handler) => sum + handler.handled, 0);
  if (counts.matching !== 3 * calls || counts.other !== 0) {
    throw new Error(`bridge bench: ${calls} calls ran ${counts.matching} matching and ${counts.other} other handlers`);
  }
  const handCalls = sets[4].handlers.reduce((sum, handler) => sum + handler.handled, 0);
  if (handWrittenCalls !== 3 * handCalls) throw new Error(`bridge bench: ${handCalls} calls ran the hand-written entries' handlers ${handWrittenCalls} times`);

  const base = timed[0]!;
  const allocationRatio = (i: number) => allocation[i]! / allocation[0]!;
  // The timed rounds are short, so the median round holds no GC pause: its ratio is the
  // time outside GC. GC costs in proportion to what is allocated: weigh the two by the
  // share of a plain call's time spent in GC.
  const total = (r: VariantResult, i: number) =>
    Number.isFinite(allocationRatio(i)) ? r.ratio * (1 - gcPart) + allocationRatio(i) * gcPart : r.ratio;
  const describe = (r: VariantResult, i: number) =>
    `time ${formatOverhead(r.ratio)} (IQR ${formatOverhead(r.ratioLow)}..${formatOverhead(r.ratioHigh)}), ` +
    `alloc ${formatOverhead(allocationRatio(i))} (${Math.round(allocation[i]!)} B/call), GC ${(gcPart * 100).toFixed(0)}% of a call; ` +
    `${formatNs(r.nsPerOp)}/call vs ${formatNs(base.nsPerOp)}`;
  const budgets: Array<number | undefined> = [undefined, undefined, 1.01, cacheMiddleware ? 1.03 : undefined, undefined];
  const labels = [
    '',
    `${setting}: A/A, plain vs plain (noise floor)`,
    `${setting}: bridge, no handlers`,
    `${setting}: bridge, 13 handlers, 3 match`,
    `${setting}: the least a bridge does for those 3, by hand (3 entries, 3 calls)`,
  ];
  const rows: Row[] = [];
  for (let i = 1; i < sets.length; i++) {
    const figure = total(timed[i]!, i);
    const budget = budgets[i];
    rows.push({
      section: '1 bridge',
      case: labels[i]!,
      result: formatOverhead(figure),
      budget: budget === undefined ? '—' : `≤ ${formatOverhead(budget)}`,
      status: budget === undefined ? 'info' : figure <= budget ? 'PASS' : 'MISS',
      detail: describe(timed[i]!, i),
    });
  }
  return rows;
}

/** Section 1 rows: default stack, then `cacheMiddleware: true`. */
export async function benchBridge(): Promise<Row[]> {
  return [...(await measureStack(false)), ...(await measureStack(true))];
}
