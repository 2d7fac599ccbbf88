import { expect } from 'chai';
import { nextStep } from '../../packages/payload-guard/src/planner.js';

/** Runs of items of the given sizes: a request is an envelope plus its items plus a separator per item. */
const runBytes = (sizes: readonly number[], envelope = 50) => (start: number, count: number) => {
  let bytes = envelope;
  for (let i = start; i < start + count; i++) bytes += sizes[i]! + 1;
  return bytes;
};

/**
 * The guard's loop over `nextStep`, against a size function: a send is checked
 * on its way (stopped when over, nothing sent). Returns what went on the wire
 * and how many dry runs and stopped sends it took.
 */
function simulate(itemCount: number, maxItems: number, maxBytes: number, size: (start: number, count: number) => number | undefined) {
  const sent: Array<{ start: number; count: number; bytes: number | undefined }> = [];
  let dryRuns = 0;
  let stopped = 0;
  let start = 0;
  let sizes = new Map<number, number | undefined>();
  let previous: { count: number; bytes: number | undefined } | undefined;
  for (let steps = 0; start < itemCount; steps++) {
    if (steps > 100_000) throw new Error('no progress');
    const cap = Math.min(maxItems, itemCount - start);
    const step = nextStep(sizes, cap, maxBytes, previous);
    if (step.kind === 'too-large') return { sent, dryRuns, stopped, tooLarge: { itemIndex: start, bytes: step.bytes } };
    const bytes = size(start, step.count);
    if (step.kind === 'measure') {
      dryRuns++;
      sizes.set(step.count, bytes);
    } else if (bytes !== undefined && bytes > maxBytes) {
      stopped++;
      sizes.set(step.count, bytes);
    } else {
      sent.push({ start, count: step.count, bytes });
      previous = { count: step.count, bytes };
      start += step.count;
      sizes = new Map();
    }
  }
  return { sent, dryRuns, stopped, tooLarge: undefined };
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

function expectContiguousCover(chunks: ReadonlyArray<{ start: number; count: number }>, n: number) {
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
  it('when the item limit binds, sends chunks of maxItems with no dry run at all', () => {
    const sizes = new Array(2500).fill(10);
    const run = simulate(2500, 1000, 1_000_000, runBytes(sizes));
    expect(run.sent.map((c) => c.count)).to.deep.equal([1000, 1000, 500]);
    expect(run).to.include({ dryRuns: 0, stopped: 0 });
  });

  it('finds the fewest chunks for varied item sizes (checked against an exhaustive oracle); nothing over the limit is sent', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const random = lcg(seed);
      const n = 300 + Math.floor(random() * 700);
      const sizes = Array.from({ length: n }, () => 5 + Math.floor(random() ** 3 * 400));
      const maxBytes = 2000 + Math.floor(random() * 8000);
      const maxItems = 20 + Math.floor(random() * 200);
      const run = simulate(n, maxItems, maxBytes, runBytes(sizes));
      expect(run.tooLarge, `seed ${seed}`).to.equal(undefined);
      expectContiguousCover(run.sent, n);
      for (const chunk of run.sent) {
        expect(chunk.count).to.be.at.most(maxItems);
        expect(chunk.bytes!).to.be.at.most(maxBytes);
      }
      expect(run.sent.length, `seed ${seed}`).to.equal(fewestChunks(sizes, maxItems, maxBytes));
    }
  });

  it('when the byte limit binds, about one dry run per chunk for items of similar sizes', () => {
    const sizes = Array.from({ length: 10_000 }, (_, i) => 90 + (i % 20));
    const run = simulate(sizes.length, 1000, 40_000, runBytes(sizes));
    // about 100 bytes an item: 40 KB takes ~395 items, so ~26 chunks
    expect(run.sent.length).to.equal(fewestChunks(sizes, 1000, 40_000));
    expect((run.dryRuns + run.stopped) / run.sent.length).to.be.at.most(2);
  });

  it('reports the first item that fits nowhere, having sent what came before it', () => {
    const sizes = [10, 10, 10, 5000, 10];
    const run = simulate(5, 10, 1000, runBytes(sizes));
    expect(run.sent).to.deep.equal([{ start: 0, count: 3, bytes: 50 + 3 * 11 }]);
    expect(run.tooLarge).to.deep.equal({ itemIndex: 3, bytes: 50 + 5001 });
  });

  it('uses what is known instead of measuring it again', () => {
    // 5 fits (555), 6 does not (656): knowing the size of 10, it measures 6 and sends 5
    const step = nextStep(new Map([[10, 50 + 10 * 101]]), 10, 600);
    expect(step).to.deep.equal({ kind: 'measure', count: 6 });
    expect(nextStep(new Map([[10, 1060], [6, 656]]), 10, 600)).to.deep.equal({ kind: 'send', count: 5 });
  });

  it('falls back to the item limit when a body cannot be measured', () => {
    const run = simulate(25, 10, 100, () => undefined);
    expect(run.sent.map((c) => c.count)).to.deep.equal([10, 10, 5]);
  });

  it('handles sizes that shrink per item as the chunk grows (compression-like)', () => {
    // bytes = 30 + 200 * sqrt(count): compression gets better with more data
    const run = simulate(5000, 1000, 5000, (_start, count) => Math.round(30 + 200 * Math.sqrt(count)));
    // the largest count with 30 + 200 * sqrt(count) <= 5000 is 617
    expect(run.sent.map((c) => c.count)).to.deep.equal([617, 617, 617, 617, 617, 617, 617, 617, 64]);
    expect(run.dryRuns + run.stopped).to.be.at.most(9 * 6);
  });
});
