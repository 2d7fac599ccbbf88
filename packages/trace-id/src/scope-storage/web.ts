/**
 * The scope storage elsewhere (browsers, and runtimes without the `node`
 * condition): a global `AsyncLocalStorage` when the runtime has one
 * (Cloudflare Workers with `nodejs_als`), else none. Browsers have none:
 * nothing there carries a value across `await`s, so `withTraceId` throws
 * rather than pretend.
 */
import type { ScopeStorage } from './types.js';

const GlobalAsyncLocalStorage = (globalThis as { AsyncLocalStorage?: new () => ScopeStorage }).AsyncLocalStorage;

/** Where `withTraceId` keeps its id, or `undefined` when this runtime cannot carry it. */
export const scopeStorage: ScopeStorage | undefined =
  typeof GlobalAsyncLocalStorage === 'function' ? new GlobalAsyncLocalStorage() : undefined;
