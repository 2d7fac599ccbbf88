/**
 * One comparison of section 1, run in a process of its own by bridge.ts:
 * a plain client against one contender, side by side, nothing else in the
 * process. Prints a `PairResult` as one line of JSON.
 *   node --expose-gc --import tsx bench/sections/bridge-pair.ts <default|cached> <contender>
 */
import '../lib/environment.js';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { bytesPerOp, gcShare } from '../lib/allocation.js';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { putOnce, putSequentially, smallMetricInput, stubbedCloudWatchClient, type StubCloudWatchHandler } from '../lib/cloudwatch.js';
import { compareVariants, type VariantResult } from '../lib/rounds.js';
import { pick } from '../lib/settings.js';
import { CONTENDERS, callsInFlight, registerThirteenHandlers, type Contender, type HandlerCounts, type PairResult } from './bridge-contenders.js';

const PLAN = pick(
  { rounds: 2500, opsPerRound: 4, warmupOps: 1500, clock: 'cpu' as const },
  { rounds: 300, opsPerRound: 4, warmupOps: 400, clock: 'cpu' as const },
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
  return { name, clients, handlers: made.map(({ handler }) => handler), run: (ops) => putSequentially(clients[next++ % clients.length]!, input, ops) };
}

/** Sets `contender` up on a client; returns how many handler calls one SDK call must make, and the counters of those made. */
function preparation(contender: Contender): { prepare: (client: CloudWatchClient) => void; perCall: number; counts: HandlerCounts } {
  const counts: HandlerCounts = { matching: 0, other: 0 };
  switch (contender) {
    case 'plain-again':
      return { prepare: () => {}, perCall: 0, counts };
    case 'no-handlers':
      return { prepare: (client) => void eventsOf(client), perCall: 0, counts };
    case 'thirteen-handlers':
    case 'thirteen-handlers-1000-in-flight':
      return { prepare: (client) => void registerThirteenHandlers(eventsOf(client), counts), perCall: 3, counts };
  }
}

/**
 * Keeps `count - 1` calls in flight on each client of `sets` (held by the
 * stub handler) while `measure` runs; then lets them finish.
 */
async function withCallsInFlight<T>(sets: readonly ClientSet[], count: number, measure: () => Promise<T>): Promise<T> {
  if (count <= 1) return measure();
  const held: Promise<unknown>[] = [];
  for (const set of sets) {
    set.clients.forEach((client, i) => {
      set.handlers[i]!.park(count - 1);
      for (let k = 0; k < count - 1; k++) held.push(client.send(new PutMetricDataCommand(smallMetricInput())));
    });
  }
  while (sets.some((set) => set.handlers.some((handler) => handler.parked < count - 1))) await new Promise((resolve) => setTimeout(resolve, 1));
  try {
    return await measure();
  } finally {
    for (const set of sets) for (const handler of set.handlers) handler.release();
    await Promise.all(held);
  }
}

/** Every call must complete (the SDK parsed the stub's answer) and run exactly the matching handlers, once each. */
function checkHandlerCalls(set: ClientSet, perCall: number, counts: HandlerCounts): void {
  const calls = set.handlers.reduce((sum, handler) => sum + handler.handled, 0);
  if (counts.matching !== perCall * calls || counts.other !== 0) {
    throw new Error(`bridge bench: ${set.name}: ${calls} calls ran ${counts.matching} matching and ${counts.other} other handlers (expected ${perCall * calls} and 0)`);
  }
}

async function measurePair(cacheMiddleware: boolean, contender: Contender): Promise<PairResult> {
  const { prepare, perCall, counts } = preparation(contender);
  const sets = [clientSet('plain client', cacheMiddleware, () => {}), clientSet(contender, cacheMiddleware, prepare)] as const;
  for (const set of sets) for (const client of set.clients) await putOnce(client, smallMetricInput());
  checkHandlerCalls(sets[1], perCall, counts);

  const [base, timed] = (await withCallsInFlight(sets, callsInFlight(contender), () => compareVariants(sets, PLAN))) as [VariantResult, VariantResult];
  const allocation = [];
  for (const set of sets) allocation.push((await bytesPerOp(set.run, ALLOCATION.ops, ALLOCATION.samples)) ?? Number.NaN);
  const gcPart = await gcShare(sets[0].run, pick(600, 200));
  checkHandlerCalls(sets[1], perCall, counts);
  return { ratio: timed.ratio, ratioLow: timed.ratioLow, ratioHigh: timed.ratioHigh, nsPerOp: timed.nsPerOp, baseNsPerOp: base.nsPerOp, bytesPerOp: allocation[1]!, baseBytesPerOp: allocation[0]!, gcPart };
}

const [stack, contender] = process.argv.slice(2);
if ((stack !== 'default' && stack !== 'cached') || !CONTENDERS.includes(contender as Contender)) {
  throw new Error(`usage: bridge-pair.ts <default|cached> <${CONTENDERS.join('|')}>, got ${stack} ${contender}`);
}
console.log(JSON.stringify(await measurePair(stack === 'cached', contender as Contender)));
