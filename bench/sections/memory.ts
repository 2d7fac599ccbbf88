/**
 * Section 5: memory. The heap after 100,000 calls with handlers, against
 * before (each after a full GC), and after emitting 1,000,000 distinct
 * names: the lookup caches must stay bounded.
 */
import { AliasedEventEmitter, eventsOf } from '@sdk-events/core';
import { putSequentially, smallMetricInput, stubbedCloudWatchClient } from '../lib/cloudwatch.js';
import { pick } from '../lib/settings.js';
import { collectGarbage } from '../lib/stats.js';
import { formatBytes, type Row } from '../lib/table.js';
import { MATCHING_NAMES, OTHER_NAMES, registerThirteenHandlers } from './bridge-contenders.js';

const CALLS = pick(100_000, 10_000);
const NAMES = pick(1_000_000, 200_000);
/** Growth allowed between the early and the final measurement: a leak of 10 bytes per call would be 0.9 MB. */
const CALL_GROWTH_BUDGET = 1024 * 1024;
const NAMES_GROWTH_BUDGET = 4 * 1024 * 1024;

/** Heap in use after two full collections (the second catches what finalizers freed). */
function settledHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

async function heapAfterCalls(): Promise<Row[]> {
  const { client, handler } = stubbedCloudWatchClient();
  const counts = registerThirteenHandlers(eventsOf(client));
  const input = smallMetricInput();
  const before = settledHeap();
  const early = Math.round(CALLS / 10);
  await putSequentially(client, input, early);
  const afterEarly = settledHeap();
  await putSequentially(client, input, CALLS - early);
  const after = settledHeap();
  if (handler.handled !== CALLS || counts.matching !== 3 * CALLS || counts.other !== 0) {
    throw new Error(`memory bench: ${handler.handled} calls ran ${counts.matching} matching and ${counts.other} other handlers`);
  }
  const growth = after - afterEarly;
  return [
    {
      section: '5 memory',
      case: `heap after ${CALLS.toLocaleString('en-US')} calls, 13 handlers (3 match), vs before`,
      result: formatBytes(after - before, true),
      budget: '—',
      status: 'info',
      detail: `${formatBytes(before)} → ${formatBytes(after)}, after GC; the client's first calls fill the SDK's own caches`,
    },
    {
      section: '5 memory',
      case: `growth from call ${early.toLocaleString('en-US')} to call ${CALLS.toLocaleString('en-US')} (a leak shows here)`,
      result: formatBytes(growth, true),
      budget: `≤ ${formatBytes(CALL_GROWTH_BUDGET)}`,
      status: growth <= CALL_GROWTH_BUDGET ? 'PASS' : 'MISS',
      detail: `${(growth / (CALLS - early)).toFixed(2)} B per call`,
    },
  ];
}

async function heapAfterDistinctNames(): Promise<Row[]> {
  const events = new AliasedEventEmitter();
  let calls = 0;
  for (const name of [...MATCHING_NAMES, ...OTHER_NAMES]) events.register(name, () => void calls++);
  const before = settledHeap();
  const payload = { value: 1 };
  for (let i = 0; i < NAMES; i++) await events.emit(`after-call.service${i % 1009}.Operation${i}`, payload);
  const after = settledHeap();
  // Every name is below `after-call`: its handler ran once per emit.
  if (calls !== NAMES) throw new Error(`memory bench: the after-call handler ran ${calls} times for ${NAMES} emits`);
  const growth = after - before;
  const bounded = growth <= NAMES_GROWTH_BUDGET;
  return [
    {
      section: '5 memory',
      case: `heap after emitting ${NAMES.toLocaleString('en-US')} distinct names (eventsOf's emitter)`,
      result: formatBytes(growth, true),
      budget: `≤ ${formatBytes(NAMES_GROWTH_BUDGET)}, bounded`,
      status: bounded ? 'PASS' : 'MISS',
      detail: `${formatBytes(before)} → ${formatBytes(after)}`,
    },
  ];
}

/** Section 5 rows. */
export async function benchMemory(): Promise<Row[]> {
  return [...(await heapAfterCalls()), ...(await heapAfterDistinctNames())];
}
