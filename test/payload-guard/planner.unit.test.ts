import { expect } from 'chai';
import { planChunks, type PlannedChunk } from '../../packages/payload-guard/src/planner.js';

/** A measure over items of the given sizes: a request is an envelope plus its items plus a separator per item. */
function sizedItems(sizes: readonly number[], envelope = 50) {
  let calls = 0;
  const measure = async (start: number, count: number) => {
    calls += 1;
    let bytes = envelope;
    for (let i = start; i < start + count; i++) bytes += sizes[i]! + 1;
    return bytes;
  };
  return { measure, calls: () => calls };
}

/** The fewest contiguous chunks, by dynamic programming over every split: the oracle greedy must match. */
function fewestChunks(sizes: readonly number[], maxItems: number, maxBytes: number, envelope = 50): number {
  const n = sizes.length;
  const best = new Array<number>(n + 1).fill(Infinity);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    let bytes = envelope;
    for (let start = end - 1; start >= 0 && end - start <= maxItems; start--) {
      bytes += sizes[start]! + 1;
      if (bytes > maxBytes) break;
      best[end] = Math.min(best[end]!, best[start]! + 1);
    }
  }
  return best[n]!;
}

function expectContiguousCover(chunks: readonly PlannedChunk[], n: number) {
  let next = 0;
  for (const chunk of chunks) {
    expect(chunk.start).to.equal(next);
    expect(chunk.count).to.be.greaterThan(0);
    next += chunk.count;
  }
  expect(next).to.equal(n);
}

/** A deterministic pseudo-random sequence (no flaky tests). */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('payload-guard: planner (unit)', () => {
  it('splits by the item limit alone with one measurement per chunk when bytes are not binding', async () => {
    const sizes = new Array(2500).fill(10);
    const { measure, calls } = sizedItems(sizes);
    const plan = await planChunks({ itemCount: 2500, maxItems: 1000, maxBytes: 1_000_000, measure });
    expect(plan.ok).to.equal(true);
    if (!plan.ok) return;
    expect(plan.chunks.map((c) => c.count)).to.deep.equal([1000, 1000, 500]);
    expectContiguousCover(plan.chunks, 2500);
    expect(calls()).to.equal(3);
  });

  it('finds the fewest chunks for varied item sizes (checked against an exhaustive oracle) and every chunk fits', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const random = lcg(seed);
      const n = 300 + Math.floor(random() * 700);
      const sizes = Array.from({ length: n }, () => 5 + Math.floor(random() ** 3 * 400));
      const maxBytes = 2000 + Math.floor(random() * 8000);
      const maxItems = 20 + Math.floor(random() * 200);
      const { measure } = sizedItems(sizes);
      const plan = await planChunks({ itemCount: n, maxItems, maxBytes, measure });
      expect(plan.ok, `seed ${seed}`).to.equal(true);
      if (!plan.ok) return;
      expectContiguousCover(plan.chunks, n);
      for (const chunk of plan.chunks) {
        expect(chunk.count).to.be.at.most(maxItems);
        expect(chunk.bytes).to.equal(await measure(chunk.start, chunk.count));
        expect(chunk.bytes!).to.be.at.most(maxBytes);
      }
      expect(plan.chunks.length, `seed ${seed}`).to.equal(fewestChunks(sizes, maxItems, maxBytes));
    }
  });

  it('needs few measurements per chunk when the byte limit binds (interpolation, not a linear scan)', async () => {
    const sizes = Array.from({ length: 10_000 }, (_, i) => 90 + (i % 20));
    const { measure, calls } = sizedItems(sizes);
    const plan = await planChunks({ itemCount: sizes.length, maxItems: 1000, maxBytes: 40_000, measure });
    expect(plan.ok).to.equal(true);
    if (!plan.ok) return;
    // about 100 bytes an item: 40 KB takes ~395 items, so ~26 chunks
    expect(plan.chunks.length).to.equal(fewestChunks(sizes, 1000, 40_000));
    expect(calls() / plan.chunks.length).to.be.at.most(4);
  });

  it('reports the first item that fits nowhere, without measuring past it', async () => {
    const sizes = [10, 10, 10, 5000, 10];
    const measured: Array<[number, number]> = [];
    const { measure } = sizedItems(sizes);
    const plan = await planChunks({
      itemCount: 5,
      maxItems: 10,
      maxBytes: 1000,
      measure: (start, count) => (measured.push([start, count]), measure(start, count)),
    });
    expect(plan).to.deep.equal({ ok: false, itemIndex: 3, bytes: 50 + 5001 });
    expect(measured.every(([start]) => start <= 3)).to.equal(true);
  });

  it('uses known sizes instead of measuring them again', async () => {
    const sizes = new Array(10).fill(100);
    const { measure, calls } = sizedItems(sizes);
    const known = new Map([['0:10', 50 + 10 * 101]]);
    const plan = await planChunks({ itemCount: 10, maxItems: 10, maxBytes: 600, measure, known });
    expect(plan.ok && plan.chunks.map((c) => c.count)).to.deep.equal([5, 5]);
    // 5 fits (555), 6 does not (656): two measurements for the first chunk, one for the second
    expect(calls()).to.equal(3);
  });

  it('falls back to the item limit when a body cannot be measured', async () => {
    const plan = await planChunks({ itemCount: 25, maxItems: 10, maxBytes: 100, measure: async () => undefined });
    expect(plan.ok && plan.chunks).to.deep.equal([
      { start: 0, count: 10, bytes: undefined },
      { start: 10, count: 10, bytes: undefined },
      { start: 20, count: 5, bytes: undefined },
    ]);
  });

  it('handles sizes that shrink per item as the chunk grows (compression-like)', async () => {
    // bytes = 30 + 200 * sqrt(count): compression gets better with more data
    let calls = 0;
    const measure = async (_start: number, count: number) => (calls++, Math.round(30 + 200 * Math.sqrt(count)));
    const plan = await planChunks({ itemCount: 5000, maxItems: 1000, maxBytes: 5000, measure });
    expect(plan.ok).to.equal(true);
    if (!plan.ok) return;
    // the largest count with 30 + 200 * sqrt(count) <= 5000 is 617
    expect(plan.chunks.map((c) => c.count)).to.deep.equal([617, 617, 617, 617, 617, 617, 617, 617, 64]);
    expect(calls).to.be.at.most(9 * 6);
  });
});
