/**
 * A cache of at most `maxSize` entries that keeps the recently used ones, so
 * a stream of distinct keys cannot grow it without limit.
 *
 * Two generations of `Map`s: new and recently read entries go to the young
 * one; when it is full it becomes the old one (the previous old one is
 * dropped) and a fresh young one starts. A read that finds an entry in the
 * old generation moves it to the young one. So a hit on a recently used key
 * is one `Map#get`: a strict LRU would delete and re-insert the key on every
 * hit, which costs more than the lookup itself.
 */
export class BoundedCache<K, V> {
  readonly #maxSize: number;
  /** How many entries one generation holds before it ages. */
  readonly #generationSize: number;
  #young = new Map<K, V>();
  #old = new Map<K, V>();

  constructor(maxSize: number) {
    if (!Number.isInteger(maxSize) || maxSize < 1) {
      throw new TypeError(`The cache size must be a positive integer, got ${String(maxSize)}`);
    }
    this.#maxSize = maxSize;
    // With maxSize 1 there is room for the young generation only.
    this.#generationSize = Math.max(1, Math.floor(maxSize / 2));
  }

  /** The largest number of entries kept. */
  get maxSize(): number {
    return this.#maxSize;
  }

  /** How many entries are kept now (at most `maxSize`). */
  get size(): number {
    return this.#young.size + this.#old.size;
  }

  /** The value for `key`, or `undefined`; marks it recently used. */
  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) {
      this.#old.delete(key);
      this.#insertYoung(key, old);
    }
    return old;
  }

  /** Stores `value` under `key`. */
  set(key: K, value: V): void {
    if (this.#young.has(key)) {
      this.#young.set(key, value);
      return;
    }
    this.#old.delete(key);
    this.#insertYoung(key, value);
  }

  /** Forgets every entry. */
  clear(): void {
    this.#young = new Map();
    this.#old = new Map();
  }

  #insertYoung(key: K, value: V): void {
    if (this.#young.size >= this.#generationSize) {
      this.#old = this.#maxSize >= 2 * this.#generationSize ? this.#young : new Map();
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }
}
