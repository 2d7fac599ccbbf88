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
    throw new TypeError(`withTraceId: id must be a non-empty string of visible ASCII characters (a header value), got ${describe(id)}`);
  }
  if (typeof fn !== 'function') {
    throw new TypeError(`withTraceId: fn must be a function, got ${describe(fn)}`);
  }
  return storage.run(id, fn);
}

/** The trace id set by the innermost enclosing `withTraceId`, or `undefined` outside any. */
export function currentTraceId(): string | undefined {
  return storage.getStore();
}

/** A short description of a bad argument for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : String(typeof value === 'function' ? 'a function' : value);
}
