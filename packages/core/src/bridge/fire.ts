import { dispatch, dispatchIgnoringResponses, dispatchUntilResponse } from '../emitter/dispatch.js';
import type { EventPayload, HandlerResponse } from '../emitter/types.js';
import type { LifecycleEventType } from '../lifecycle/events.js';
import type { OperationPlan } from './operation-plan.js';

/** The responses of an event: the pairs themselves when every handler was synchronous, else their promise. */
export type Fired = HandlerResponse[] | Promise<HandlerResponse[]>;

/**
 * Calls the handlers the plan resolved for `type` with `payload` (built
 * fresh per event by the bridge, `eventName` included): what `emitter.emit`
 * does, without its per-event alias and cache lookups (the plan made them
 * once per registration change), without copying the payload, and without a
 * promise when every handler answers synchronously. A handler that throws
 * synchronously throws here.
 */
export function fire(plan: OperationPlan, type: LifecycleEventType, payload: EventPayload): Fired {
  return dispatch(plan.handlers[type], payload, false);
}

/**
 * Like `fire` for an event whose responses the bridge does not use: no
 * pairs, and undefined rather than a promise when every handler answered
 * synchronously.
 */
export function notify(plan: OperationPlan, type: LifecycleEventType, payload: EventPayload): undefined | Promise<void> {
  return dispatchIgnoringResponses(plan.handlers[type], payload);
}

/**
 * The first response (not null or undefined) of the handlers of `type`, or
 * undefined (`emitUntilResponse` for a caller that only reads that
 * response): the response itself when the handlers answered synchronously,
 * else a promise of it (`isThenable` tells which).
 */
export function firstResponse(plan: OperationPlan, type: LifecycleEventType, payload: EventPayload): unknown {
  return dispatchUntilResponse(plan.handlers[type], payload);
}

/**
 * Runs `then` with the responses once `fired` has settled: at once when it
 * already has (no promise, no microtask), else on its promise.
 */
export function whenFired<T>(fired: Fired, then: (responses: HandlerResponse[]) => T): T | Promise<Awaited<T>> {
  return Array.isArray(fired) ? then(fired) : (fired.then(then) as Promise<Awaited<T>>);
}
