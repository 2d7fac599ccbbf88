/**
 * Plans the split of a batch into the fewest contiguous chunks the limits
 * allow: greedily, each chunk the longest run from where the last one ended
 * that fits (for sizes that grow with the run, as serialized lists do, greedy
 * is optimal). The longest fitting run is searched with measurements,
 * interpolating from the bytes per item measured so far and bisecting when
 * interpolation makes slow progress.
 */

/** One planned request: items `start` to `start + count - 1`, and their measured size on the wire. */
export interface PlannedChunk {
  start: number;
  count: number;
  /** `undefined` when the body could not be measured (a stream): only the item limit applied. */
  bytes: number | undefined;
}

/** Measures the request carrying items `start` to `start + count - 1`: bytes on the wire, `undefined` when unmeasurable. */
export type MeasureChunk = (start: number, count: number) => Promise<number | undefined>;

/** What `planChunks` needs. */
export interface PlanRequest {
  itemCount: number;
  /** The first item to plan for (default 0): items before it are dealt with already. */
  from?: number;
  maxItems: number;
  maxBytes: number;
  measure: MeasureChunk;
  /** Sizes already known, by `start:count` (e.g. the whole request's). */
  known?: ReadonlyMap<string, number | undefined>;
}

/** The plan, or the first item that does not fit even alone. */
export type PlanResult =
  | { ok: true; chunks: PlannedChunk[] }
  | { ok: false; itemIndex: number; bytes: number };

const keyOf = (start: number, count: number) => `${start}:${count}`;

/** Plans the split (see the module comment). Items that fit nowhere end the planning with `ok: false`. */
export async function planChunks(request: PlanRequest): Promise<PlanResult> {
  const { itemCount, maxItems, maxBytes } = request;
  const sizes = new Map(request.known);
  const measure = async (start: number, count: number) => {
    const key = keyOf(start, count);
    if (!sizes.has(key)) sizes.set(key, await request.measure(start, count));
    return sizes.get(key);
  };
  const whole = sizes.get(keyOf(0, itemCount));
  let bytesPerItem = whole !== undefined && itemCount > 0 ? whole / itemCount : undefined;

  const chunks: PlannedChunk[] = [];
  let start = request.from ?? 0;
  while (start < itemCount) {
    const cap = Math.min(maxItems, itemCount - start);
    // Invariant: `lo` items fit (0 trivially); `hi` items do not (cap + 1 by the item limit).
    let lo = 0;
    let loBytes: number | undefined;
    let hi = cap + 1;
    let guess = bytesPerItem === undefined ? cap : Math.floor(maxBytes / bytesPerItem);
    let bisectNext = false;
    let previousWidth = Infinity;
    while (hi - lo > 1) {
      const width = hi - lo;
      const count = bisectNext ? lo + Math.floor(width / 2) : Math.min(Math.max(guess, lo + 1), hi - 1);
      const bytes = await measure(start, count);
      if (bytes === undefined) {
        // Unmeasurable (a streamed body): the item limit alone decides.
        lo = cap;
        loBytes = undefined;
        break;
      }
      if (bytes <= maxBytes) {
        lo = count;
        loBytes = bytes;
      } else {
        hi = count;
        if (count === 1) return { ok: false, itemIndex: start, bytes };
      }
      bytesPerItem = bytes / count;
      guess = Math.floor(maxBytes / bytesPerItem);
      // Two interpolation steps that did not halve the interval between them are followed by one bisection step.
      bisectNext = !bisectNext && (hi - lo) * 2 > previousWidth;
      previousWidth = width;
    }
    chunks.push({ start, count: lo, bytes: loBytes });
    start += lo;
  }
  return { ok: true, chunks };
}

/** Chunks of `maxItems` from `from` to `itemCount` (the last one shorter), sizes unmeasured: for items known to fit by bytes. */
export function chunksByCount(from: number, itemCount: number, maxItems: number): PlannedChunk[] {
  const chunks: PlannedChunk[] = [];
  for (let start = from; start < itemCount; start += maxItems) chunks.push({ start, count: Math.min(maxItems, itemCount - start), bytes: undefined });
  return chunks;
}
