import { getHeapStatistics } from 'node:v8';
import { GcTracker } from './gc-tracker.js';
import { median } from './stats.js';

const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;

/**
 * Bytes allocated on the JS heap per operation: after a young-generation
 * collection, the growth of the used heap over `ops` operations, in samples
 * where no collection ran in between (so nothing allocated was freed);
 * the median over `samples`. `undefined` without --expose-gc or when every
 * sample was interrupted by a collection.
 */
export async function bytesPerOp(run: (ops: number) => Promise<unknown>, ops: number, samples: number): Promise<number | undefined> {
  if (gc === undefined) return undefined;
  const tracker = new GcTracker();
  const measured: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      gc({ type: 'minor' });
      await tracker.settle();
      const collectionsBefore = tracker.count;
      const before = getHeapStatistics().used_heap_size;
      await run(ops);
      const after = getHeapStatistics().used_heap_size;
      await tracker.settle();
      if (tracker.count === collectionsBefore && after >= before) measured.push((after - before) / ops);
    }
  } finally {
    tracker.stop();
  }
  return measured.length > 0 ? median(measured) : undefined;
}

/**
 * The share of `run`'s elapsed time spent in GC pauses (not forced ones),
 * over `ops` operations: how much of a call's cost scales with what it allocates.
 */
export async function gcShare(run: (ops: number) => Promise<unknown>, ops: number): Promise<number> {
  const tracker = new GcTracker();
  try {
    const started = performance.now();
    await run(ops);
    const elapsed = performance.now() - started;
    await tracker.settle();
    return Math.min(1, tracker.pauseMs / elapsed);
  } finally {
    tracker.stop();
  }
}
