/**
 * Watches the event loop with a 1 ms interval timer: a stall is how much
 * later than due a tick came, i.e. how long the loop could not run timers.
 */
export class StallWatch {
  #timer: NodeJS.Timeout | undefined;
  #last = 0;
  /** The longest stall since the last `reset`, in milliseconds. */
  longestMs = 0;

  /** Starts the 1 ms interval timer; returns the watch. */
  start(): this {
    this.#last = performance.now();
    this.#timer = setInterval(() => {
      const now = performance.now();
      this.longestMs = Math.max(this.longestMs, now - this.#last - 1);
      this.#last = now;
    }, 1);
    return this;
  }

  /** Forgets the stalls seen so far (the next tick's gap still counts from the previous tick). */
  reset(): void {
    this.longestMs = 0;
  }

  /** Stops the timer. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** Lets the watch tick a few times, so a stall at the end of an operation is seen. */
export const settleTicks = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
