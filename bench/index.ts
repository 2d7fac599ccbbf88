/**
 * `pnpm bench`: what sdk-events costs its users, measured side by side in
 * one process, printed as one table of ratios. Every ratio is the median of
 * per-round ratios from alternating short runs (see lib/rounds.ts); absolute
 * times are secondary. Exits 0 even when a figure misses its budget: it is
 * a report. `BENCH_QUICK=1` runs a shorter, rougher version;
 * `BENCH_ONLY=1,3` runs only those sections.
 */
import './lib/environment.js';
import { describeMachine } from './lib/machine.js';
import { QUICK } from './lib/settings.js';
import { renderTable, type Row } from './lib/table.js';
import { benchBridge } from './sections/bridge.js';
import { benchEmit } from './sections/emit.js';
import { benchGzip } from './sections/gzip.js';
import { benchMemory } from './sections/memory.js';
import { benchPayloadGuard } from './sections/payload-guard.js';

interface Section {
  readonly number: number;
  readonly title: string;
  run(): Promise<Row[]>;
}

const SECTIONS: readonly Section[] = [
  { number: 1, title: 'bridge cost per SDK call', run: benchBridge },
  { number: 2, title: 'emit', run: benchEmit },
  { number: 3, title: 'gzip', run: benchGzip },
  { number: 4, title: 'payload guard', run: benchPayloadGuard },
  { number: 5, title: 'memory', run: benchMemory },
];

const NOTES = [
  'ratios are medians of per-round ratios: each round runs every variant back to back in a random order; the detail column has absolute medians (secondary: the machine is shared) and the spread (IQR) of the per-round ratios. A comparison forces one full GC before its first round and none after (BENCH_FORCED_GC_EVERY=N forces one every N rounds).',
  '1 bridge: each row is its own comparison, the plain client against that one contender, in a fresh process (a row with a budget: the median of five such processes, one with BENCH_QUICK=1); rounds of 4 calls per variant, timed in process CPU time; the median round holds no GC pause, so "time" is the cost outside GC, and the result weighs it with the allocation ratio by the share of a plain call spent in GC. The A/A row (two identical plain clients) shows how far noise alone moves a ratio.',
  '2 emit: sdk-events\' emit returns a Promise of [handler, response] pairs and is measured awaited (what the bridge does); eventemitter3 and node:events return a boolean and are measured as plain calls.',
  '3 gzip: ratios in process CPU time (the zlib threads included); stall = the longest delay of a 1 ms interval timer during one compression; other processes only ever add to it, so the figure is the lowest of 15 runs (what the work blocks every time), with median and max in the detail; the idle row is the same watch with nothing running.',
  '5 memory: heap used after two full GCs.',
];

function selectedSections(): readonly Section[] {
  const only = process.env.BENCH_ONLY;
  if (!only) return SECTIONS;
  const wanted = new Set(only.split(',').map((part) => Number(part.trim())));
  return SECTIONS.filter((section) => wanted.has(section.number));
}

async function main(): Promise<void> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    console.error('note: run with --expose-gc (pnpm bench does) so rounds start from a collected heap');
  }
  const started = performance.now();
  console.log(`machine: ${describeMachine()}${QUICK ? '  [BENCH_QUICK: rough figures]' : ''}`);
  const rows: Row[] = [];
  for (const section of selectedSections()) {
    const sectionStarted = performance.now();
    process.stderr.write(`running ${section.number}: ${section.title}... `);
    try {
      rows.push(...(await section.run()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (process.env.BENCH_DEBUG) console.error(error);
      rows.push({ section: String(section.number), case: section.title, result: 'error', budget: '—', status: 'MISS', detail: message });
    }
    process.stderr.write(`${((performance.now() - sectionStarted) / 1000).toFixed(1)} s\n`);
  }
  console.log();
  console.log(renderTable(rows));
  const misses = rows.filter((row) => row.status === 'MISS');
  console.log();
  for (const note of NOTES) console.log(`note: ${note}`);
  console.log();
  console.log(`${rows.length} rows, ${misses.length} MISS, in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const miss of misses) console.log(`MISS: ${miss.section} ${miss.case}: ${miss.result} (budget ${miss.budget})`);
}

await main();
