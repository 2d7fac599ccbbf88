import { PerformanceObserver, constants } from 'node:perf_hooks';

/**
 * Collects the garbage collections V8 reports (PerformanceObserver `gc`
 * entries), leaving out the ones the bench forced itself.
 */
export class GcTracker {
  /** Collections seen so far (not forced). */
  count = 0;
  /** Their pause time, in milliseconds. */
  pauseMs = 0;
  readonly #observer: PerformanceObserver;

  constructor() {
    this.#observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const flags = (entry as { detail?: { flags?: number } }).detail?.flags ?? 0;
        if (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) continue;
        this.count++;
        this.pauseMs += entry.duration;
      }
    });
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** Waits until the entries of the collections so far have been delivered. */
  async settle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Stops observing. */
  stop(): void {
    this.#observer.disconnect();
  }
}
