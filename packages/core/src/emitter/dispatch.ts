import type { EventHandler, EventPayload, HandlerResponse } from './types.js';

/** `null` and `undefined` are "no response", as botocore's `None`. */
export function isResponse(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * The one dispatch loop (botocore's `_emit`): calls `handlers` one after
 * another with `payload`, awaiting each promise a handler returns, and
 * resolves to the first response that is not `null`/`undefined`; with
 * `stopOnResponse`, stops there. `responses`, when given, receives the
 * `[handler, response]` pair of every handler called (what `emit` returns).
 * A handler that throws or rejects rejects the result with that error;
 * later handlers do not run.
 */
export async function callHandlers(
  handlers: readonly EventHandler<any>[],
  payload: EventPayload,
  stopOnResponse: boolean,
  responses?: HandlerResponse[],
): Promise<unknown> {
  let first: unknown;
  for (const handler of handlers) {
    let response = handler(payload);
    // Only a thenable is awaited: a synchronous handler costs no extra turn of the event loop.
    if (isThenable(response)) response = await response;
    responses?.push([handler, response]);
    if (isResponse(response)) {
      first ??= response;
      if (stopOnResponse) break;
    }
  }
  return first;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
