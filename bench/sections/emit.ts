/**
 * Section 2: emit. A cached name with 3 synchronous handlers, against
 * eventemitter3 and node:events on the same handlers; then a registry of 50
 * names mixing exact, `*` and glob segments.
 */
import { AliasedEventEmitter, HierarchicalEmitter } from '@sdk-events/core';
import { EventEmitter as EventEmitter3 } from 'eventemitter3';
import { EventEmitter as NodeEventEmitter } from 'node:events';
import { compareVariants, type Variant } from '../lib/rounds.js';
import { pick } from '../lib/settings.js';
import { formatNs, formatRatio, type Row } from '../lib/table.js';

/** The budget: sdk-events' emit within this factor of eventemitter3's. */
const BUDGET = 4;

const PLAN = pick(
  { rounds: 400, opsPerRound: 2000, warmupOps: 50_000, clock: 'cpu' as const },
  { rounds: 60, opsPerRound: 2000, warmupOps: 20_000, clock: 'cpu' as const },
);

/** What the handlers touch, so their work cannot be optimized away. */
const sink = { total: 0 };

/** Three small synchronous handlers, as a plugin's would be. */
const HANDLERS: Array<(payload: Record<string, unknown>) => void> = [
  (payload) => void (sink.total += Number(payload['value'] ?? 0)),
  (payload) => void (sink.total ^= Number(payload['value'] ?? 0) << 1),
  () => void sink.total++,
];

/** Awaits `ops` emits of `name` one after another: what the bridge does with each event. */
async function emitAwaited(emitter: HierarchicalEmitter | AliasedEventEmitter, names: readonly string[], ops: number, payload: object) {
  for (let i = 0; i < ops; i++) await emitter.emit(names[i % names.length]!, payload);
}

/** `ops` emits whose promises are dropped (with synchronous handlers they are already settled). */
function emitNotAwaited(emitter: HierarchicalEmitter, names: readonly string[], ops: number, payload: object) {
  for (let i = 0; i < ops; i++) void emitter.emit(names[i % names.length]!, payload);
}

/** `ops` emits on an emitter whose emit is synchronous and returns a boolean. */
function emitSync(emitter: { emit(name: string, payload: object): boolean }, names: readonly string[], ops: number, payload: object) {
  for (let i = 0; i < ops; i++) emitter.emit(names[i % names.length]!, payload);
}

async function cachedNameWithThreeHandlers(): Promise<Row[]> {
  const name = 'before-sign.cloudwatch.PutMetricData';
  const names = [name];
  const payload = { value: 1 };
  const hierarchical = new HierarchicalEmitter();
  const aliased = new AliasedEventEmitter();
  const ee3 = new EventEmitter3();
  const node = new NodeEventEmitter();
  for (const handler of HANDLERS) {
    hierarchical.register(name, handler);
    aliased.register(name, handler);
    ee3.on(name, handler);
    node.on(name, handler);
  }
  const variants: Variant[] = [
    { name: 'eventemitter3', run: (ops) => emitSync(ee3, names, ops, payload) },
    { name: 'node:events', run: (ops) => emitSync(node, names, ops, payload) },
    { name: 'HierarchicalEmitter', run: (ops) => emitAwaited(hierarchical, names, ops, payload) },
    { name: 'AliasedEventEmitter', run: (ops) => emitAwaited(aliased, names, ops, payload) },
    { name: 'HierarchicalEmitter, not awaited', run: (ops) => emitNotAwaited(hierarchical, names, ops, payload) },
  ];
  const [ee3Result, nodeResult, hierarchicalResult, aliasedResult, notAwaitedResult] = await compareVariants(variants, PLAN);
  const abs = `${formatNs(ee3Result!.nsPerOp)}/emit`;
  const rows: Row[] = [
    {
      section: '2 emit',
      case: '3 sync handlers, cached name: node:events / eventemitter3',
      result: formatRatio(nodeResult!.ratio),
      budget: '—',
      status: 'info',
      detail: `${formatNs(nodeResult!.nsPerOp)}/emit vs ${abs}`,
    },
  ];
  for (const [label, result] of [
    ['HierarchicalEmitter', hierarchicalResult!],
    ['AliasedEventEmitter (eventsOf)', aliasedResult!],
  ] as const) {
    rows.push({
      section: '2 emit',
      case: `3 sync handlers, cached name: ${label}, awaited / eventemitter3`,
      result: formatRatio(result.ratio),
      budget: `≤ ${BUDGET}×`,
      status: result.ratio <= BUDGET ? 'PASS' : 'MISS',
      detail: `${formatNs(result.nsPerOp)}/emit vs ${abs}; IQR ${formatRatio(result.ratioLow)}..${formatRatio(result.ratioHigh)}`,
    });
  }
  rows.push({
    section: '2 emit',
    case: '3 sync handlers, cached name: HierarchicalEmitter, promise not awaited / eventemitter3',
    result: formatRatio(notAwaitedResult!.ratio),
    budget: '—',
    status: 'info',
    detail: `${formatNs(notAwaitedResult!.nsPerOp)}/emit vs ${abs}: the difference to the awaited row is the await`,
  });
  return rows;
}

/**
 * 50 registrations in the shapes real users write: exact full names,
 * prefixes (an event type, a service), `*` segments and glob segments.
 */
export function fiftyRegistrations(): string[] {
  const types = ['before-sign', 'before-send', 'after-call', 'needs-retry', 'request-created'];
  const services = ['cloudwatch', 's3', 'lambda', 'dynamodb', 'sqs'];
  const registrations = [
    // exact full names (15)
    ...types.flatMap((type) => [`${type}.cloudwatch.PutMetricData`, `${type}.s3.PutObject`, `${type}.lambda.Invoke`]),
    // prefixes: a type, a type and a service (10)
    ...types,
    ...services.map((service, i) => `${types[i]!}.${service}`),
    // `*` segments (10)
    ...types.flatMap((type) => [`${type}.*.Invoke`, `${type}.*.GetItem`]),
    // globs (15)
    ...types.flatMap((type) => [`${type}.cloudwatch.Put*`, `${type}.s3.{PutObject,GetObject}`, `${type}.*.Send?essage`]),
  ];
  if (registrations.length !== 50 || new Set(registrations).size !== 50) throw new Error('fiftyRegistrations: expected 50 distinct names');
  return registrations;
}

/** The names a busy client emits: every type for 5 services × 4 operations (100 names, all cached). */
export function emittedNames(): string[] {
  const types = ['before-sign', 'before-send', 'after-call', 'needs-retry', 'request-created'];
  const operations: Record<string, string[]> = {
    cloudwatch: ['PutMetricData', 'GetMetricData', 'ListMetrics', 'PutMetricAlarm'],
    s3: ['PutObject', 'GetObject', 'HeadObject', 'ListObjectsV2'],
    lambda: ['Invoke', 'GetFunction', 'ListFunctions', 'UpdateFunctionCode'],
    dynamodb: ['GetItem', 'PutItem', 'Query', 'UpdateItem'],
    sqs: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueUrl'],
  };
  return types.flatMap((type) => Object.entries(operations).flatMap(([service, ops]) => ops.map((op) => `${type}.${service}.${op}`)));
}

async function fiftyNameRegistry(): Promise<Row[]> {
  const emitter = new HierarchicalEmitter();
  fiftyRegistrations().forEach((registration, i) => emitter.register(registration, HANDLERS[i % HANDLERS.length]!));
  const names = emittedNames();
  // eventemitter3 cannot match prefixes, `*` or globs: give it, per emitted name, the very
  // handler list our emitter resolves, so both call the same handlers for the same names.
  const ee3 = new EventEmitter3();
  const lists = names.map((name) => [...emitter.handlersFor(name)]);
  lists.forEach((handlers, k) => handlers.forEach((handler) => ee3.on(names[k]!, handler)));
  const handlerCalls = lists.reduce((sum, handlers) => sum + handlers.length, 0);
  const payload = { value: 1 };
  const [ee3Result, oursResult] = await compareVariants(
    [
      { name: 'eventemitter3 (same handlers per name)', run: (ops) => emitSync(ee3, names, ops, payload) },
      { name: 'HierarchicalEmitter', run: (ops) => emitAwaited(emitter, names, ops, payload) },
    ],
    PLAN,
  );
  const perSecond = 1e9 / oursResult!.nsPerOp;
  return [
    {
      section: '2 emit',
      case: `50 registrations (exact, prefix, *, glob), ${names.length} names emitted in turn: throughput`,
      result: `${(perSecond / 1e6).toFixed(2)} M emits/s`,
      budget: '—',
      status: 'info',
      detail: `${formatNs(oursResult!.nsPerOp)}/emit, awaited; ${(handlerCalls / names.length).toFixed(1)} handlers per name on average`,
    },
    {
      section: '2 emit',
      case: '50 registrations: HierarchicalEmitter, awaited / eventemitter3 with the resolved lists',
      result: formatRatio(oursResult!.ratio),
      budget: `≤ ${BUDGET}×`,
      status: oursResult!.ratio <= BUDGET ? 'PASS' : 'MISS',
      detail: `${formatNs(oursResult!.nsPerOp)}/emit vs ${formatNs(ee3Result!.nsPerOp)}; IQR ${formatRatio(oursResult!.ratioLow)}..${formatRatio(oursResult!.ratioHigh)}`,
    },
  ];
}

/** Section 2 rows. */
export async function benchEmit(): Promise<Row[]> {
  const rows = [...(await cachedNameWithThreeHandlers()), ...(await fiftyNameRegistry())];
  if (sink.total === 0) throw new Error('emit bench: the handlers never ran');
  return rows;
}
