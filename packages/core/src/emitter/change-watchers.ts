/** What an emitter tells of its registration changes: the bridge's client bindings. */
export interface ChangeWatcher {
  /** Called after every registration change that took effect (a handler added or removed). */
  emitterChanged(): void;
}

/**
 * @internal Not exported from the package. `emitter[watchChanges](watcher)`
 * tells `watcher` of every later registration change, until the function it
 * returns is called. The emitter holds watchers weakly: a long-lived emitter
 * attached to short-lived clients keeps none of them alive.
 */
export const watchChanges: unique symbol = Symbol('sdk-events.watchChanges');

/** One emitter's watchers, held weakly; collected ones are dropped at the next change. */
export class ChangeWatchers {
  #refs: WeakRef<ChangeWatcher>[] = [];

  /** Adds `watcher`; returns the function that removes it. */
  add(watcher: ChangeWatcher): () => void {
    const ref = new WeakRef(watcher);
    this.#refs.push(ref);
    return () => {
      this.#refs = this.#refs.filter((other) => other !== ref);
    };
  }

  /** Tells every live watcher of a change. */
  notify(): void {
    // A new array, so a watcher that adds or removes watchers does not disturb this loop.
    this.#refs = this.#refs.filter((ref) => ref.deref() !== undefined);
    for (const ref of this.#refs) ref.deref()?.emitterChanged();
  }
}
