import { FORCED_GC_EVERY } from './settings.js';
import { collectGarbage, median, quantile } from './stats.js';

/** One contender of a side-by-side comparison: `run(ops)` does `ops` operations. */
export interface Variant {
  readonly name: string;
  run(ops: number): Promise<unknown> | void;
}

/** How a comparison is run. */
export interface RoundPlan {
  /** Rounds; each yields one time ratio per variant, and the result is their median. */
  rounds: number;
  /** Operations per variant per round. */
  opsPerRound: number;
  /** Operations per variant before the first round (JIT warm-up, caches filled). */
  warmupOps: number;
  /**
   * What is timed: `cpu`, the process's CPU time (user + system, every
   * thread), which other processes on a shared machine cannot inflate; or
   * `wall` (default), elapsed time, for work that waits (the threadpool,
   * timers, sockets).
   */
  clock?: 'cpu' | 'wall';
}

/** What one variant measured. */
export interface VariantResult {
  readonly name: string;
  /** Median over rounds of (this variant's time / the baseline's time) in that round. */
  readonly ratio: number;
  /** The 25th and 75th percentiles of those per-round ratios: their spread. */
  readonly ratioLow: number;
  readonly ratioHigh: number;
  /** Median over rounds of the time per operation, in nanoseconds (secondary: absolute times are noisy). */
  readonly nsPerOp: number;
}

/**
 * Runs `variants` side by side and returns, for each, the median of its
 * per-round time ratios against `variants[0]` (the baseline).
 *
 * The machines these run on are shared and noisy, so nothing here trusts an
 * absolute time. A round runs every variant once, back to back, in a fresh
 * random order (none always runs first, or always right after the same
 * other one, which may have warmed the caches or left garbage for it: both
 * measurably skew a fixed or rotating order); its ratio is each variant's
 * time over the baseline's time in that same round, so a slow spell of the
 * machine hits both sides of the ratio. Rounds are short and many: a round
 * hit by a context switch or a GC pause is an outlier that the median
 * ignores.
 */
export async function compareVariants(variants: readonly Variant[], plan: RoundPlan): Promise<VariantResult[]> {
  const now = plan.clock === 'cpu' ? cpuMs : wallMs;
  for (const variant of variants) await variant.run(plan.warmupOps);
  // One full GC before the first round; after that, the process's own GC
  // schedule, as in a user's process (see FORCED_GC_EVERY for why).
  collectGarbage();
  const random = seededRandom(0x5eed);
  const ratios: number[][] = variants.map(() => []);
  const perOp: number[][] = variants.map(() => []);
  const elapsed = variants.map(() => 0);
  for (let round = 0; round < plan.rounds; round++) {
    if (FORCED_GC_EVERY !== undefined && round > 0 && round % FORCED_GC_EVERY === 0) collectGarbage();
    for (const index of shuffledIndexes(variants.length, random)) {
      const started = now();
      const pending = variants[index]!.run(plan.opsPerRound);
      if (pending !== undefined) await pending;
      elapsed[index] = now() - started;
    }
    variants.forEach((_, i) => {
      ratios[i]!.push(elapsed[i]! / elapsed[0]!);
      perOp[i]!.push((elapsed[i]! * 1e6) / plan.opsPerRound);
    });
  }
  return variants.map((variant, i) => ({
    name: variant.name,
    ratio: median(ratios[i]!),
    ratioLow: quantile(ratios[i]!, 0.25),
    ratioHigh: quantile(ratios[i]!, 0.75),
    nsPerOp: median(perOp[i]!),
  }));
}

/** Elapsed time in milliseconds. */
const wallMs = (): number => performance.now();

/** This process's CPU time (user + system, all threads) in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A deterministic pseudo-random generator (mulberry32): the same orders on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..count-1 in a random order (Fisher–Yates). */
function shuffledIndexes(count: number, random: () => number): number[] {
  const indexes = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return indexes;
}
