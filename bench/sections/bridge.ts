/**
 * Section 1: what the bridge costs per SDK call. A real CloudWatch client
 * sends PutMetricData to a stub request handler (no network), plain and with
 * the bridge attached, side by side.
 *
 * Each comparison (a plain client against one contender) runs in a fresh
 * process of its own (bridge-pair.ts): with every contender in one process,
 * each one's code took the caches from the others between rounds, and a
 * figure moved with the number of rows (13 handlers on a cached stack,
 * one build: about +4% alone with the plain client, +5.6% to +7.3% with
 * four or five other kinds of client in the process; bench/README.md).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pick } from '../lib/settings.js';
import { formatNs, formatOverhead, type Row } from '../lib/table.js';
import type { Contender, PairResult } from './bridge-contenders.js';

const PAIR_SCRIPT = fileURLToPath(new URL('./bridge-pair.ts', import.meta.url));

/**
 * Processes per row with a budget. One process's figure varies by about 0.4
 * point (standard deviation, ten runs of one build), enough to flip a row at
 * its budget from one run to the next. The median of three still did once: a
 * bridge with no handlers, which runs no code per call, read +1.06% (two of
 * three processes), against +0.36% over six processes alone. Five, then.
 */
const PROCESSES_PER_BUDGETED_ROW = pick(5, 1);

/** The rows of one stack setting, in order: the contender, its label, its budget. */
const ROWS: ReadonlyArray<{ contender: Contender; label: string; budget: (cached: boolean) => number | undefined }> = [
  { contender: 'plain-again', label: 'A/A, plain vs plain (noise floor)', budget: () => undefined },
  { contender: 'no-handlers', label: 'bridge, no handlers', budget: () => 1.01 },
  { contender: 'thirteen-handlers', label: 'bridge, 13 handlers, 3 match', budget: (cached) => (cached ? 1.04 : undefined) },
  {
    contender: 'thirteen-handlers-1000-in-flight',
    label: 'the same, 1,000 calls in flight on each client (plain ones too)',
    budget: (cached) => (cached ? 1.04 : undefined),
  },
];

/** Runs one comparison in a fresh node with this process's flags (--expose-gc, the tsx loader). */
async function measureInOwnProcess(cached: boolean, contender: Contender): Promise<PairResult> {
  const args = [...process.execArgv, PAIR_SCRIPT, cached ? 'cached' : 'default', contender];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(lastLine) as PairResult;
  } catch {
    throw new Error(`bridge bench: the ${contender} comparison printed no result: ${stdout.slice(-500)}`);
  }
}

/**
 * The timed rounds are short, so the median round holds no GC pause: its
 * ratio is the time outside GC. GC costs in proportion to what is
 * allocated: weigh the two by the share of a plain call's time spent in GC.
 */
function withGc(result: PairResult): { figure: number; allocationRatio: number } {
  const allocationRatio = result.bytesPerOp / result.baseBytesPerOp;
  const figure = Number.isFinite(allocationRatio) ? result.ratio * (1 - result.gcPart) + allocationRatio * result.gcPart : result.ratio;
  return { figure, allocationRatio };
}

/** The comparison measured in `processes` fresh processes, one after another: the run whose figure is the median. */
async function measureMedianOf(processes: number, cached: boolean, contender: Contender) {
  const runs = [];
  for (let i = 0; i < processes; i++) {
    const result = await measureInOwnProcess(cached, contender);
    runs.push({ result, ...withGc(result) });
  }
  const chosen = [...runs].sort((a, b) => a.figure - b.figure)[runs.length >> 1]!;
  const perProcess = processes > 1 ? `; median of ${processes} processes: ${runs.map((run) => formatOverhead(run.figure)).join(', ')}` : '';
  return { ...chosen, perProcess };
}

async function measureStack(cached: boolean): Promise<Row[]> {
  const setting = cached ? 'cacheMiddleware' : 'default stack';
  const rows: Row[] = [];
  for (const { contender, label, budget: budgetOf } of ROWS) {
    const budget = budgetOf(cached);
    const { result, figure, allocationRatio, perProcess } = await measureMedianOf(budget === undefined ? 1 : PROCESSES_PER_BUDGETED_ROW, cached, contender);
    rows.push({
      section: '1 bridge',
      case: `${setting}: ${label}`,
      result: formatOverhead(figure),
      budget: budget === undefined ? '—' : `≤ ${formatOverhead(budget)}`,
      status: budget === undefined ? 'info' : figure <= budget ? 'PASS' : 'MISS',
      detail:
        `time ${formatOverhead(result.ratio)} (IQR ${formatOverhead(result.ratioLow)}..${formatOverhead(result.ratioHigh)}), ` +
        `alloc ${formatOverhead(allocationRatio)} (${Math.round(result.bytesPerOp)} B/call), GC ${(result.gcPart * 100).toFixed(0)}% of a call; ` +
        `${formatNs(result.nsPerOp)}/call vs ${formatNs(result.baseNsPerOp)}${perProcess}`,
    });
  }
  return rows;
}

/** Section 1 rows: default stack, then `cacheMiddleware: true`. */
export async function benchBridge(): Promise<Row[]> {
  return [...(await measureStack(false)), ...(await measureStack(true))];
}
