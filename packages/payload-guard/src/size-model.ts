/**
 * Predicts the size on the wire of a run of items, where sizes add up (no
 * compression): the request with no item, plus each item's rough size (of
 * the input of a request carrying it alone: its text and structure, numbers
 * at a flat rate) and an allowance per item for what that misses (how the
 * protocol writes numbers, dates, separators, the rest of that input),
 * calibrated on the requests measured.
 * The guard sends the longest run the model expects to fit, checked on its
 * way; the model only decides which run to try first.
 */
export class SizeModel {
  private readonly lengths: Array<number | undefined> = [];
  private emptyBytes: number | undefined;
  private perItem: number | undefined;

  /** `inputOf(item)`: the input of a request carrying `item` alone. */
  constructor(
    private readonly items: readonly unknown[],
    private readonly inputOf: (item: unknown) => unknown,
  ) {}

  /** Whether the model can predict (it was calibrated). */
  get calibrated(): boolean {
    return this.emptyBytes !== undefined && this.perItem !== undefined;
  }

  /**
   * A first calibration on a small sample: the run of 1 item from `start`
   * measured `oneBytes`, the run of `count` items `manyBytes`.
   */
  calibrateOnSample(start: number, oneBytes: number, count: number, manyBytes: number): void {
    const first = this.roughLength(start);
    const rest = this.roughLengthOf(start + 1, count - 1);
    if (first === undefined || rest === undefined || count < 2) return;
    this.perItem = (manyBytes - oneBytes - rest) / (count - 1);
    // What the request is besides its items, as the model counts it.
    this.emptyBytes = oneBytes - first - this.perItem;
  }

  /** The run of `count` items from `start` measured `bytes`: the allowance per item is what the rough sizes miss, on average. */
  calibrate(start: number, count: number, bytes: number): void {
    const rough = this.roughLengthOf(start, count);
    if (this.emptyBytes === undefined || rough === undefined || count === 0) return;
    this.perItem = (bytes - this.emptyBytes - rough) / count;
  }

  /** The longest run from `start`, of at most `cap` items, expected within `maxBytes`; `undefined` before calibration. */
  longest(start: number, cap: number, maxBytes: number): number | undefined {
    if (this.emptyBytes === undefined || this.perItem === undefined) return undefined;
    let bytes = this.emptyBytes;
    for (let count = 0; count < cap; count++) {
      const length = this.roughLength(start + count);
      if (length === undefined) return undefined;
      bytes += length + this.perItem;
      if (bytes > maxBytes) return count;
    }
    return cap;
  }

  private roughLengthOf(start: number, count: number): number | undefined {
    let sum = 0;
    for (let i = start; i < start + count; i++) {
      const length = this.roughLength(i);
      if (length === undefined) return undefined;
      sum += length;
    }
    return sum;
  }

  /** The input carrying item `index` alone, roughly in bytes (once per item); `undefined` when it cannot say. */
  private roughLength(index: number): number | undefined {
    if (!(index in this.lengths)) this.lengths[index] = roughBytes(this.inputOf(this.items[index]), 0);
    return this.lengths[index];
  }
}

/**
 * Roughly the bytes `value` takes as JSON, without making the JSON: text,
 * keys and nesting counted, every number and date as 8 (writing numbers out
 * is most of what serializing costs). `undefined` for what it cannot walk.
 */
function roughBytes(value: unknown, depth: number): number | undefined {
  if (depth > 64) return undefined;
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return 8;
    case 'boolean':
      return 5;
    case 'undefined':
      return 0;
    case 'object': {
      if (value === null) return 4;
      if (value instanceof Date) return 8;
      if (ArrayBuffer.isView(value)) return value.byteLength;
      let bytes = 2;
      if (Array.isArray(value)) {
        for (const item of value) {
          const size = roughBytes(item, depth + 1);
          if (size === undefined) return undefined;
          bytes += size + 1;
        }
        return bytes;
      }
      for (const key in value) {
        const size = roughBytes((value as Record<string, unknown>)[key], depth + 1);
        if (size === undefined) return undefined;
        bytes += size + key.length + 4;
      }
      return bytes;
    }
    default:
      return undefined;
  }
}
