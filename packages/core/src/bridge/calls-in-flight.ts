import type { HandlerExecutionContext } from '@smithy/types';
import type { CallState } from './call-state.js';

/** The key on middleware arguments of a call that shares its SDK context with another call in flight. */
const CARRIED_STATE = Symbol('sdk-events.call');

/**
 * One client's calls in flight, from the outermost bridge entry to the inner
 * ones, found by the SDK context every middleware of a call receives.
 *
 * Why not a key on the middleware arguments, the command or the SDK's
 * context: that gives those objects new hidden classes, and the SDK's
 * property accesses on them, monomorphic without the bridge, turn
 * polymorphic in every client of the process. Why not a `WeakMap`: adding
 * and deleting an entry per call costs more than this whole list (about 0.7%
 * of a call, measured).
 *
 * Without `cacheMiddleware` every call has its own SDK context. With it,
 * calls of one command class share one: the first in flight is found by it,
 * and a call that starts while it runs carries its state on its arguments
 * instead (the slow path, for concurrent calls of one class on a cached stack).
 */
export class CallsInFlight {
  private readonly calls: CallState[] = [];
  /** Calls in flight whose state travels on their arguments. */
  private carried = 0;

  /** Starts tracking `state` and returns the arguments its call goes on with. */
  enter<A extends object>(args: A, state: CallState): A {
    if (this.byContext(state.sdkContext) === undefined) {
      this.calls.push(state);
      return args;
    }
    this.carried++;
    // Object.assign and a store rather than `{ ...args, [CARRIED_STATE]: state }`: on node 20 a
    // spread followed by keys the source lacks leaves V8's fast clone path.
    const carrying = Object.assign({}, args) as A & { [CARRIED_STATE]?: CallState };
    carrying[CARRIED_STATE] = state;
    return carrying;
  }

  /** Stops tracking `state` (its call ended). */
  leave(state: CallState): void {
    const { calls } = this;
    // Mostly the newest call ends first: pop it, without splice's array of removed elements.
    if (calls[calls.length - 1] === state) {
      calls.pop();
      return;
    }
    const index = calls.lastIndexOf(state);
    if (index >= 0) calls.splice(index, 1);
    else this.carried--;
  }

  /** The state of the call whose middleware received `sdkContext` and `args`, or undefined. */
  of(sdkContext: HandlerExecutionContext, args: object): CallState | undefined {
    if (this.carried > 0) {
      const carried = (args as { [CARRIED_STATE]?: CallState })[CARRIED_STATE];
      if (carried !== undefined) return carried;
    }
    return this.byContext(sdkContext);
  }

  private byContext(sdkContext: HandlerExecutionContext): CallState | undefined {
    const { calls } = this;
    for (let i = calls.length - 1; i >= 0; i--) if (calls[i]!.sdkContext === sdkContext) return calls[i];
    return undefined;
  }
}
