import type { HandlerExecutionContext } from '@smithy/types';
import type { CallContext } from '../lifecycle.js';
import type { SmithyClientLike } from './smithy-client.js';

/** What a call's context proxy stands for: the SDK's context, the client, and what handlers wrote. */
interface ContextParts {
  readonly sdk: HandlerExecutionContext;
  readonly client: SmithyClientLike;
  readonly written: Record<string | symbol, unknown>;
}

type Key = string | symbol;
const own = (parts: ContextParts, key: Key) => Object.hasOwn(parts.written, key);

/**
 * One set of traps for every call context: reads look at what handlers
 * wrote, then `client`, then the SDK's context; writes, definitions and
 * deletions stay with the call. Keys and descriptors report the three
 * together, so `Object.keys(context)` and `console.log(context)` show what
 * a handler can read.
 */
const TRAPS: ProxyHandler<ContextParts> = {
  get: (parts, key) => (own(parts, key) ? parts.written[key] : key === 'client' ? parts.client : Reflect.get(parts.sdk, key)),
  has: (parts, key) => own(parts, key) || key === 'client' || key in parts.sdk,
  set: (parts, key, value) => {
    parts.written[key] = value;
    return true;
  },
  defineProperty: (parts, key, descriptor) => Reflect.defineProperty(parts.written, key, { ...descriptor, configurable: true }),
  deleteProperty: (parts, key) => Reflect.deleteProperty(parts.written, key),
  ownKeys: (parts) => [...new Set<Key>([...Reflect.ownKeys(parts.written), 'client', ...Reflect.ownKeys(parts.sdk)])],
  getOwnPropertyDescriptor: (parts, key) => {
    if (own(parts, key)) return Reflect.getOwnPropertyDescriptor(parts.written, key);
    if (key === 'client') return { value: parts.client, writable: true, enumerable: false, configurable: true };
    const descriptor = Reflect.getOwnPropertyDescriptor(parts.sdk, key);
    return descriptor && { ...descriptor, configurable: true };
  },
  getPrototypeOf: () => Object.prototype,
};

/**
 * A fresh `context` for one call: reads go through to the SDK's handler
 * execution context `sdk` (`context.commandName`, `context.logger`, …),
 * `context.client` is the calling client, and what handlers write stays with
 * this call.
 *
 * A proxy, so that no SDK object changes: the SDK's context may be shared
 * by concurrent calls (`cacheMiddleware`), and handlers' writes must not be.
 */
export function newCallContext(sdk: HandlerExecutionContext, client: SmithyClientLike): CallContext {
  return new Proxy<ContextParts>({ sdk, client, written: {} }, TRAPS) as unknown as CallContext;
}
