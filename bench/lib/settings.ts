/**
 * How long the bench runs. `BENCH_QUICK=1` (a smoke run of the whole report
 * in well under a minute; figures are rougher) shrinks every count.
 */
export const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';

/** `full` normally, `quick` with BENCH_QUICK=1. */
export const pick = <T>(full: T, quick: T): T => (QUICK ? quick : full);

/**
 * `BENCH_FORCED_GC_EVERY=N` forces a full GC before every N-th round of a
 * comparison, as this bench did until it was found to distort what it
 * measures: each forced full GC leaves the rounds after it slower and
 * noisier, more so for the variant that runs more code (see the README's
 * Performance section). Unset (the default), a comparison collects once
 * before its first round and then leaves GC to the process, as a user's
 * process does. Kept so that those figures can be measured again.
 */
export const FORCED_GC_EVERY = positiveIntegerFromEnv('BENCH_FORCED_GC_EVERY');

function positiveIntegerFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of rounds (1 or more), got '${raw}'`);
  return value;
}
