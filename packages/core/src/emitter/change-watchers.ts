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

const MIN_PRUNE_AT = 16;

/**
 * One emitter's watchers, held weakly. Collected ones are dropped at each
 * change, and when the list has doubled since it was last pruned: an
 * emitter attached to one short-lived client after another, whose
 * registrations never change again, stays as small as its live clients.
 */
export class ChangeWatchers {
  #refs: WeakRef<ChangeWatcher>[] = [];
  #pruneAt = MIN_PRUNE_AT;

  /** How many watchers it holds now, collected ones included until they are dropped. */
  get size(): number {
    return this.#refs.length;
  }

  /** Adds `watcher`; returns the function that removes it. */
  add(watcher: ChangeWatcher): () => void {
    if (this.#refs.length >= this.#pruneAt) {
      this.#prune();
      this.#pruneAt = Math.max(MIN_PRUNE_AT, 2 * this.#refs.length);
    }
    const ref = new WeakRef(watcher);
    this.#refs.push(ref);
    return () => {
      this.#refs = this.#refs.filter((other) => other !== ref);
    };
  }

  /** Tells every live watcher of a change. */
  notify(): void {
    this.#prune();
    for (const ref of this.#refs) ref.deref()?.emitterChanged();
  }

  /** Drops collected watchers, into a new array: a watcher that adds or removes watchers does not disturb a loop over the old one. */
  #prune(): void {
    this.#refs = this.#refs.filter((ref) => ref.deref() !== undefined);
  }
}
