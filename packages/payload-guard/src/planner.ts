/**
 * Decides, one chunk at a time, how many items the next request carries:
 * greedily the longest run from where the last one ended that fits (for sizes
 * that grow with the run, as serialized lists do, greedy gives the fewest
 * requests). A run is known to fit when it was measured within `maxBytes`,
 * and to be the longest when one more item was measured over it (or the item
 * limit stops it).
 *
 * Measuring costs a serialization (a dry run) and sending measures for free
 * (the check on the way), so the run expected to be the longest is sent, not
 * measured, once one more item is known not to fit. Where sizes add up (no
 * compression), the next item's share is a lower bound known from a tiny dry
 * run, so the run expected to be the longest is sent at once, on the
 * condition, checked on its way, that it fits and the next item would not
 * (else it is stopped, its size known): each chunk is then serialized once,
 * by its own send. A run of `maxItems`
 * is sent as it is when the hint puts it under half the limit (the item limit
 * binds; the check on the way stops it in the rare case it does not fit).
 * Estimates interpolate between the measurements nearest the limit; after a
 * few, the search bisects.
 */

/** What to do next for the chunk starting where the last one ended. */
export type NextStep =
  /** Measure the run of `count` items (a dry run). */
  | { kind: 'measure'; count: number }
  /** Send the run of `count` items, checked on its way. */
  | { kind: 'send'; count: number }
  /** Send the run of `count` items if, on its way, it fits and the item after it would not; else it is stopped with its size known. */
  | { kind: 'send-if-longest'; count: number }
  /** The first item does not fit even alone: it is `bytes` bytes. */
  | { kind: 'too-large'; bytes: number };

/** Measurements of runs from one start: count → bytes on the wire (`undefined`: a stream, unmeasurable). */
export type RunSizes = ReadonlyMap<number, number | undefined>;

/**
 * What is known of a chunk before it is measured: the chunk before it (its
 * length, its size on the wire), or for the first one a rough estimate.
 */
export interface Hint {
  count: number;
  /** `undefined`: unmeasurable (a stream). */
  bytes: number | undefined;
  /** A rough estimate (not the SDK's serialization): it decides whether to send on a guess; interpolated from only when sizes add up (a send checks it). */
  rough?: true;
}

/** Measurements after which the search stops interpolating and bisects. */
const INTERPOLATED_STEPS = 5;

/**
 * The next step for the chunk whose runs measured `sizes` so far, under
 * `maxBytes`, with at most `cap` items (the item limit, or the items left).
 * `sizesAddUp`: a run's size is at least the run before it plus the next
 * item's own share (true of every serialized list when nothing compresses it).
 */
export function nextStep(sizes: RunSizes, cap: number, maxBytes: number, hint?: Hint, sizesAddUp = false): NextStep {
  // `lo` items fit (0 trivially); `hi` items do not (cap + 1 by the item limit).
  let lo = 0;
  let hi = cap + 1;
  let hiBytes: number | undefined;
  for (const [count, bytes] of sizes) {
    // A streamed body cannot be measured: the item limit alone decides.
    if (bytes === undefined) return { kind: 'send', count: cap };
    if (bytes <= maxBytes && count > lo) lo = count;
    if (bytes > maxBytes && count < hi) [hi, hiBytes] = [count, bytes];
  }
  if (hi === 1) return { kind: 'too-large', bytes: hiBytes! };
  if (hi - lo === 1) return { kind: 'send', count: lo };
  if (sizes.size === 0) {
    if (hint?.bytes === undefined || (hint.bytes / hint.count) * cap <= maxBytes / 2) return { kind: 'send', count: cap };
    // A rough guess is measured first, unless sizes add up: then the send checks it on its way.
    if (hint.rough && !sizesAddUp) return { kind: 'measure', count: cap };
  } else if (sizes.size >= INTERPOLATED_STEPS) return { kind: 'measure', count: Math.floor((lo + hi) / 2) };
  const guess = longestEstimate(sizes.size === 0 ? new Map([[hint!.count, hint!.bytes!]]) : (sizes as ReadonlyMap<number, number>), maxBytes);
  const estimate = Number.isFinite(guess) ? Math.min(Math.max(guess, lo + 1), hi - 1) : lo + 1;
  // Not known to be the longest: where sizes add up, its send checks that; else learn whether one more fits.
  if (estimate + 1 !== hi) return sizesAddUp ? { kind: 'send-if-longest', count: estimate } : { kind: 'measure', count: estimate + 1 };
  // Known to be the longest (one more does not fit): send it when the measurements say it fits, or
  // where sizes add up (its send stops it if not); a guess from the hint alone, or one the bounds
  // pushed up, is measured first.
  return (sizes.size > 0 && guess >= estimate) || sizesAddUp ? { kind: 'send', count: estimate } : { kind: 'measure', count: estimate };
}

/**
 * The longest run expected to fit: along the line through the two
 * measurements nearest the limit (a secant), or from the bytes per item of
 * the only one.
 */
function longestEstimate(sizes: ReadonlyMap<number, number>, maxBytes: number): number {
  const [a, b] = [...sizes].sort((x, y) => Math.abs(x[1] - maxBytes) - Math.abs(y[1] - maxBytes));
  const perItem = b === undefined || b[0] === a![0] ? 0 : (a![1] - b[1]) / (a![0] - b[0]);
  if (perItem > 0) return Math.floor(a![0] + (maxBytes - a![1]) / perItem);
  return Math.floor(maxBytes / (a![1] / a![0]));
}
