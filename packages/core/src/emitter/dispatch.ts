import type { EventHandler, EventPayload, HandlerResponse } from './types.js';

/** `null` and `undefined` are "no response", as botocore's `None`. */
export function isResponse(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
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
