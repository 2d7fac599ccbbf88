import type { EventHandler, EventPayload, HandlerResponse } from './types.js';

/** `null` and `undefined` are "no response", as botocore's `None`. */
export function isResponse(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Whether `value` is a promise or another thenable: what dispatch awaits before it goes on. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  // Most handlers return undefined: settle that first.
  if (value === undefined || value === null) return false;
  const type = typeof value;
  return (type === 'object' || type === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Calls `handlers` one after another with `payload` and collects
 * `[handler, response]` pairs; with `stopOnResponse`, stops after the first
 * response that is not `null`/`undefined` (botocore's `_emit`).
 *
 * The loop runs synchronously while handlers return plain values and then
 * returns the pairs themselves; at the first thenable it continues in an
 * async function that awaits each thenable in turn, and returns its
 * promise. So synchronous handlers cost no promise at all here. A handler
 * that throws (synchronously: this throws) or rejects (the promise rejects)
 * fails the dispatch with that same error, and no later handler runs.
 */
export function dispatch(
  handlers: readonly EventHandler<any>[],
  payload: EventPayload,
  stopOnResponse: boolean,
): HandlerResponse[] | Promise<HandlerResponse[]> {
  const count = handlers.length;
  const responses: HandlerResponse[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const handler = handlers[index]!;
    const response = handler(payload);
    if (isThenable(response)) {
      responses.length = index;
      return continueAsync(handlers, payload, stopOnResponse, responses, index, response);
    }
    responses[index] = [handler, response];
    if (stopOnResponse && isResponse(response)) {
      responses.length = index + 1;
      break;
    }
  }
  return responses;
}

/** The rest of `dispatch` from handler `index`, whose result `pending` is a thenable. */
async function continueAsync(
  handlers: readonly EventHandler<any>[],
  payload: EventPayload,
  stopOnResponse: boolean,
  responses: HandlerResponse[],
  index: number,
  pending: PromiseLike<unknown>,
): Promise<HandlerResponse[]> {
  let response: unknown = await pending;
  for (;;) {
    const handler = handlers[index]!;
    responses.push([handler, response]);
    if (stopOnResponse && isResponse(response)) return responses;
    if (++index === handlers.length) return responses;
    response = handlers[index]!(payload);
    if (isThenable(response)) response = await response;
  }
}

/**
 * Calls `handlers` one after another with `payload` for an event whose
 * responses nobody reads (the bridge's `before-sign`, `after-call`, …):
 * `dispatch` without the pairs. Returns undefined when every handler
 * answered synchronously, else a promise that settles when the last one
 * has; errors as `dispatch`.
 */
export function dispatchIgnoringResponses(handlers: readonly EventHandler<any>[], payload: EventPayload): undefined | Promise<void> {
  const count = handlers.length;
  for (let index = 0; index < count; index++) {
    const response = handlers[index]!(payload);
    if (isThenable(response)) return finishIgnoringResponses(handlers, payload, index, response);
  }
  return undefined;
}

async function finishIgnoringResponses(handlers: readonly EventHandler<any>[], payload: EventPayload, index: number, pending: PromiseLike<unknown>): Promise<void> {
  await pending;
  for (index++; index < handlers.length; index++) {
    const response = handlers[index]!(payload);
    if (isThenable(response)) await response;
  }
}

/**
 * Calls `handlers` one after another with `payload` until one responds
 * (not null or undefined) and gives that response, or undefined when none
 * did: `dispatch` with `stopOnResponse` for a caller that only reads the
 * response that stopped it (the bridge's `before-call` and `before-send`),
 * so no pairs. Synchronous answers give the response itself; from the
 * first thenable on, a promise of it. A response is never a thenable
 * (thenables are awaited), so a caller tells the two apart by `isThenable`.
 * Errors as `dispatch`.
 */
export function dispatchUntilResponse(handlers: readonly EventHandler<any>[], payload: EventPayload): unknown {
  const count = handlers.length;
  for (let index = 0; index < count; index++) {
    const response = handlers[index]!(payload);
    if (isThenable(response)) return finishUntilResponse(handlers, payload, index, response);
    if (isResponse(response)) return response;
  }
  return undefined;
}

async function finishUntilResponse(handlers: readonly EventHandler<any>[], payload: EventPayload, index: number, pending: PromiseLike<unknown>): Promise<unknown> {
  let response: unknown = await pending;
  while (!isResponse(response) && ++index < handlers.length) {
    response = handlers[index]!(payload);
    if (isThenable(response)) response = await response;
  }
  return isResponse(response) ? response : undefined;
}
