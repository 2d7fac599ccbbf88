/**
 * Section 3: the gzip handler against raw async zlib (`zlib.gzip`
 * promisified, same level) on realistic PutMetricData JSON bodies, and the
 * longest event-loop stall while it compresses a 1 MB body.
 */
import { HttpRequest } from '@smithy/protocol-http';
import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';
import { metricJsonBody } from '../lib/metric-bodies.js';
import { settleTicks, StallWatch } from '../lib/loop-stall.js';
import { compareVariants } from '../lib/rounds.js';
import { pick } from '../lib/settings.js';
import { median } from '../lib/stats.js';
import { formatBytes, formatNs, formatRatio, type Row } from '../lib/table.js';

const gzipAsync = promisify(gzip);
/** zlib's default level, what `createGzipHandler()` uses by default. */
const LEVEL = -1;
const RATIO_BUDGET = 1.05;
const STALL_BUDGET_MS = 2;

/** What a gzip handler is: `createGzipHandler`'s type, without depending on it at compile time. */
type GzipHandler = (payload: { request: unknown; eventName?: string }) => Promise<unknown>;

const SIZES = [
  { label: '1 KB', bytes: 1024, plan: pick({ rounds: 300, opsPerRound: 20, warmupOps: 3000 }, { rounds: 40, opsPerRound: 20, warmupOps: 600 }) },
  { label: '64 KB', bytes: 64 * 1024, plan: pick({ rounds: 500, opsPerRound: 6, warmupOps: 3000 }, { rounds: 60, opsPerRound: 2, warmupOps: 600 }) },
  { label: '1 MB', bytes: 1024 * 1024, plan: pick({ rounds: 120, opsPerRound: 1, warmupOps: 40 }, { rounds: 15, opsPerRound: 1, warmupOps: 10 }) },
];

/** A request as the SDK hands it to `before-sign`: an `HttpRequest` with a JSON body. */
function metricRequest(body: Uint8Array): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: 'monitoring.us-east-1.amazonaws.com',
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData',
      'content-length': String(body.byteLength),
    },
    body,
  });
}

/** What the handler does, by hand, at its barest: async zlib and the two headers. */
async function gzipByHand(request: HttpRequest): Promise<void> {
  const compressed = await gzipAsync(request.body as Uint8Array, { level: LEVEL });
  request.headers['content-encoding'] = 'gzip';
  request.headers['content-length'] = String(compressed.byteLength);
  request.body = compressed;
}

async function loadHandler(): Promise<GzipHandler | undefined> {
  const gzipModule: Record<string, unknown> = await import('@sdk-events/gzip');
  const create = gzipModule.createGzipHandler;
  return typeof create === 'function' ? (create as () => GzipHandler)() : undefined;
}

/** Throws unless `handler` really gzipped `body` into a valid request. */
async function checkHandler(handler: GzipHandler, body: Uint8Array): Promise<void> {
  const request = metricRequest(body);
  await handler({ request, eventName: 'before-sign.cloudwatch.PutMetricData' });
  const compressed = request.body as Uint8Array;
  if (request.headers['content-encoding'] !== 'gzip') throw new Error(`gzip bench: the handler left a ${body.byteLength}-byte body uncompressed`);
  if (!Buffer.from(gunzipSync(compressed)).equals(Buffer.from(body))) throw new Error('gzip bench: the handler produced a body that does not gunzip to the original');
  if (request.headers['content-length'] !== String(compressed.byteLength)) throw new Error('gzip bench: content-length does not match the gzipped body');
}

/** Runs `operation` `count` times under a stall watch; returns each run's longest stall (ms). */
async function stallsDuring(operation: () => Promise<void>, count: number): Promise<number[]> {
  const watch = new StallWatch().start();
  const stalls: number[] = [];
  try {
    await settleTicks();
    for (let i = 0; i < count; i++) {
      watch.reset();
      await operation();
      await settleTicks();
      stalls.push(watch.longestMs);
    }
  } finally {
    watch.stop();
  }
  return stalls;
}

/** Section 3 rows. */
export async function benchGzip(): Promise<Row[]> {
  const handler = await loadHandler();
  if (handler === undefined) {
    return [{ section: '3 gzip', case: 'createGzipHandler', result: 'not exported', budget: '—', status: 'skip', detail: '@sdk-events/gzip has no createGzipHandler yet' }];
  }
  const rows: Row[] = [];
  for (const size of SIZES) {
    const body = metricJsonBody(size.bytes);
    await checkHandler(handler, body);
    const compressedBytes = (await gzipAsync(body, { level: LEVEL })).byteLength;
    const runHandler = async (ops: number) => {
      for (let i = 0; i < ops; i++) await handler({ request: metricRequest(body), eventName: 'before-sign.cloudwatch.PutMetricData' });
    };
    const runRaw = async (ops: number) => {
      for (let i = 0; i < ops; i++) await gzipByHand(metricRequest(body));
    };
    const [raw, rawAgain, ours] = await compareVariants(
      [
        { name: 'zlib.gzip (promisified)', run: runRaw },
        { name: 'zlib.gzip again (A/A)', run: runRaw },
        { name: 'createGzipHandler()', run: runHandler },
      ],
      { ...size.plan, clock: 'cpu' },
    );
    rows.push({
      section: '3 gzip',
      case: `${size.label} JSON (${formatBytes(body.byteLength)} → ${formatBytes(compressedBytes)}): handler / raw async zlib`,
      result: formatRatio(ours!.ratio),
      budget: `≤ ${formatRatio(RATIO_BUDGET)}`,
      status: ours!.ratio <= RATIO_BUDGET ? 'PASS' : 'MISS',
      detail:
        `${formatNs(ours!.nsPerOp)} vs ${formatNs(raw!.nsPerOp)} per body; IQR ${formatRatio(ours!.ratioLow)}..${formatRatio(ours!.ratioHigh)}; ` +
        `A/A raw vs raw ${formatRatio(rawAgain!.ratio)}`,
    });
  }

  const big = metricJsonBody(1024 * 1024);
  const runs = pick(15, 5);
  const handlerStalls = await stallsDuring(async () => void (await handler({ request: metricRequest(big) })), runs);
  const rawStalls = await stallsDuring(() => gzipByHand(metricRequest(big)), runs);
  const idleStalls = await stallsDuring(() => settleTicks(20), runs);
  const blockingStalls = await stallsDuring(async () => void gzipSync(big, { level: LEVEL }), runs);
  // Other processes add to a timer's lateness, never take from it: the lowest of the runs'
  // longest stalls is what the work itself blocks on every run; median and max are shown too.
  const stallDetail = (stalls: number[]) =>
    `lowest of ${stalls.length} runs' longest stall; median ${median(stalls).toFixed(2)} ms, max ${Math.max(...stalls).toFixed(2)} ms`;
  const handlerStall = Math.min(...handlerStalls);
  rows.push(
    {
      section: '3 gzip',
      case: '1 MB: longest event-loop stall while the handler compresses',
      result: `${handlerStall.toFixed(2)} ms`,
      budget: `≤ ${STALL_BUDGET_MS} ms`,
      status: handlerStall <= STALL_BUDGET_MS ? 'PASS' : 'MISS',
      detail: stallDetail(handlerStalls),
    },
    {
      section: '3 gzip',
      case: '1 MB: the same, raw async zlib (reference)',
      result: `${Math.min(...rawStalls).toFixed(2)} ms`,
      budget: '—',
      status: 'info',
      detail: stallDetail(rawStalls),
    },
    {
      section: '3 gzip',
      case: '1 MB: the same, zlib.gzipSync (what blocking looks like)',
      result: `${Math.min(...blockingStalls).toFixed(2)} ms`,
      budget: '—',
      status: 'info',
      detail: stallDetail(blockingStalls),
    },
    {
      section: '3 gzip',
      case: "idle event loop, same watch (the machine's noise floor)",
      result: `${Math.min(...idleStalls).toFixed(2)} ms`,
      budget: '—',
      status: 'info',
      detail: stallDetail(idleStalls),
    },
  );
  return rows;
}
