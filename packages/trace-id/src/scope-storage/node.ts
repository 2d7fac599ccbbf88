/** The Node.js scope storage (the `node` condition of `#scope-storage`): `AsyncLocalStorage`. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ScopeStorage } from './types.js';

/** Where `withTraceId` keeps its id: `AsyncLocalStorage` follows it through awaits, timers and retries. */
export const scopeStorage: ScopeStorage | undefined = new AsyncLocalStorage<string>();
