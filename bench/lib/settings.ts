/**
 * How long the bench runs. `BENCH_QUICK=1` (a smoke run of the whole report
 * in well under a minute; figures are rougher) shrinks every count.
 */
export const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';

/** `full` normally, `quick` with BENCH_QUICK=1. */
export const pick = <T>(full: T, quick: T): T => (QUICK ? quick : full);
