import { describeValue } from '@sdk-events/core/internal';
import { scopeStorage } from '#scope-storage';
import { isValidHeaderValue } from './headers.js';

/**
 * Runs `fn` with `id` as the trace id of every SDK call made inside it
 * (through `await`s, timers and retries: `AsyncLocalStorage`), and returns
 * what `fn` returns. Scopes nest: the innermost id wins.
 *
 * Needs `AsyncLocalStorage`: Node, Deno, Bun, and a global one (Cloudflare
 * Workers with `nodejs_als`). Browsers have none: there `withTraceId` throws
 * an `Error` that says so; give the handler a `value` instead.
 *
 * ```ts
 * await withTraceId(req.headers['x-request-id'], () => lambda.send(new InvokeCommand(input)));
 * ```
 *
 * @throws TypeError when `id` is not a non-empty header-safe string or `fn` is not a function.
 * @throws Error where the runtime has no `AsyncLocalStorage` (browsers).
 */
export function withTraceId<T>(id: string, fn: () => T): T {
  if (typeof id !== 'string' || !isValidHeaderValue(id)) {
    throw new TypeError(`withTraceId: id must be a non-empty string of visible ASCII characters (a header value), got ${describeValue(id)}`);
  }
  if (typeof fn !== 'function') {
    throw new TypeError(`withTraceId: fn must be a function, got ${describeValue(fn)}`);
  }
  if (scopeStorage === undefined) {
    throw new Error(
      'withTraceId: this runtime has no AsyncLocalStorage (a browser), so no id can follow a call across awaits; ' +
        "pass the id as createTraceIdHandler({ value }) or traceIdPlugin({ value }) instead",
    );
  }
  return scopeStorage.run(id, fn);
}

/** The trace id set by the innermost enclosing `withTraceId`, or `undefined` outside any (always, in browsers). */
export function currentTraceId(): string | undefined {
  return scopeStorage?.getStore();
}

