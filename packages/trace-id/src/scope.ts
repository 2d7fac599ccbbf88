import { describeValue } from '@sdk-events/core/internal';
import { AsyncLocalStorage } from 'node:async_hooks';
import { isValidHeaderValue } from './headers.js';

const storage = new AsyncLocalStorage<string>();

/**
 * Runs `fn` with `id` as the trace id of every SDK call made inside it
 * (through `await`s, timers and retries: `AsyncLocalStorage`), and returns
 * what `fn` returns. Scopes nest: the innermost id wins.
 *
 * ```ts
 * await withTraceId(req.headers['x-request-id'], () => lambda.send(new InvokeCommand(input)));
 * ```
 *
 * @throws TypeError when `id` is not a non-empty header-safe string or `fn` is not a function.
 */
export function withTraceId<T>(id: string, fn: () => T): T {
  if (typeof id !== 'string' || !isValidHeaderValue(id)) {
    throw new TypeError(`withTraceId: id must be a non-empty string of visible ASCII characters (a header value), got ${describeValue(id)}`);
  }
  if (typeof fn !== 'function') {
    throw new TypeError(`withTraceId: fn must be a function, got ${describeValue(fn)}`);
  }
  return storage.run(id, fn);
}

/** The trace id set by the innermost enclosing `withTraceId`, or `undefined` outside any. */
export function currentTraceId(): string | undefined {
  return storage.getStore();
}

