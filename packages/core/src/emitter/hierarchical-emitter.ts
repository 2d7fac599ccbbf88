import type { PayloadFor } from '../lifecycle/events.js';
import { checkHandler, checkOptions, checkPayload } from './arguments.js';
import { BoundedCache } from './bounded-cache.js';
import { dispatch } from './dispatch.js';
import { describeValue, splitEventName } from './names.js';
import { usePlugin, usePluginFor } from './plugins.js';
import { ChangeWatchers, watchChanges, type ChangeWatcher } from './change-watchers.js';
import { PrefixTrie, type Section } from './prefix-trie.js';
import type {
  EmitterOptions,
  EventHandler,
  EventHooks,
  EventPayload,
  EventsPlugin,
  HandlerResponse,
  RegisterOptions,
  UntilResponseResult,
} from './types.js';
import { UniqueIdRegistry } from './unique-ids.js';

/** The default `lookupCacheSize`: how many event names' handler lists are remembered. */
export const DEFAULT_LOOKUP_CACHE_SIZE = 1024;

type Handlers = readonly EventHandler<any>[];

/**
 * A lookup cache entry: the list emit calls, and the same handlers frozen
 * for `handlersFor`. Two arrays because on node 20 reading a frozen array's
 * elements costs emit about 17 ns per 3 handlers, a third of calling them.
 */
interface CachedHandlers {
  readonly list: Handlers;
  readonly frozen: Handlers;
}

/**
 * botocore's `HierarchicalEmitter`: handlers registered on dot-separated
 * names, emitted to by name.
 *
 * - A registration on a prefix (`after-call.lambda`) receives every event
 *   below it; a `*` segment matches any one segment (`before-send.*.Invoke`);
 *   beyond botocore, a glob segment (`Put*`, `{A,B}`, `before-*`) matches
 *   with picomatch within that segment.
 * - Order: botocore's. Registrations on longer (more specific) names before
 *   shorter ones; at each level the `*`/glob branches before the exact one;
 *   within one name `registerFirst`, then `register`, then `registerLast`
 *   handlers, each group in registration order.
 * - Each handler gets one payload object, `{ ...payload, eventName }`, shared
 *   by all handlers of that emit.
 *
 * @example
 * const events = new HierarchicalEmitter();
 * events.register('before-sign.cloudwatch.PutMetricData', ({ request }) => {
 *   request.headers['x-trace-id'] = 'abc';
 * });
 * events.register('after-call.lambda', ({ eventName }) => console.log(eventName, 'done'));
 * await events.emit('after-call.lambda.Invoke', { parsed: {} });
 */
export class HierarchicalEmitter implements EventHooks {
  #trie = new PrefixTrie<EventHandler<any>>();
  #uniqueIds = new UniqueIdRegistry();
  #usedPlugins = new Set<string>();
  readonly #lookupCache: BoundedCache<string, CachedHandlers>;
  #version = 0;
  readonly #watchers = new ChangeWatchers();

  /** @param options - `lookupCacheSize`: see `EmitterOptions`. */
  constructor(options: EmitterOptions = {}) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`HierarchicalEmitter: the options must be an object, got ${describeValue(options)}`);
    }
    const { lookupCacheSize = DEFAULT_LOOKUP_CACHE_SIZE } = options;
    if (!Number.isInteger(lookupCacheSize) || lookupCacheSize < 1) {
      throw new TypeError(`HierarchicalEmitter: the option lookupCacheSize must be a positive integer, got ${describeValue(lookupCacheSize)}`);
    }
    this.#lookupCache = new BoundedCache(lookupCacheSize);
  }

  /**
   * Registers `handler` for `name` and every name below it, after the
   * handlers already registered with `register` for `name`.
   *
   * With `uniqueId`, a registration is ignored when that id is already
   * registered (on any name); with `uniqueIdUsesCount: true` as well, such
   * registrations are counted and each `unregister` takes one back. Mixing
   * counted and uncounted use of one id is a `TypeError`.
   *
   * The handler's payload type follows from the name: a lifecycle event type
   * (`before-sign.s3.PutObject`) gives that event's payload, anything else
   * the generic `EventPayload`.
   *
   * @example
   * events.register('before-send.*.Invoke', ({ request }) => console.log(request.path));
   * events.register('after-call', logCall, { uniqueId: 'call-logger' });
   */
  register<N extends string>(name: N, handler: EventHandler<PayloadFor<N>>, options?: RegisterOptions): void {
    this.#register('register', name, handler, options, 'middle');
  }

  /**
   * Like `register`, in the group of `name`'s handlers that runs before the
   * `register` ones (botocore's `register_first`).
   *
   * @example
   * events.registerFirst('before-sign.cloudwatch', addHeaderFirst);
   */
  registerFirst<N extends string>(name: N, handler: EventHandler<PayloadFor<N>>, options?: RegisterOptions): void {
    this.#register('registerFirst', name, handler, options, 'first');
  }

  /**
   * Like `register`, in the group of `name`'s handlers that runs after the
   * `register` ones (botocore's `register_last`).
   *
   * @example
   * events.registerLast('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
   */
  registerLast<N extends string>(name: N, handler: EventHandler<PayloadFor<N>>, options?: RegisterOptions): void {
    this.#register('registerLast', name, handler, options, 'last');
  }

  /**
   * Removes one registration of `handler` under exactly `name` (`foo.*`
   * means the `*` registration, not every name it matches): the first one
   * found among the `registerFirst`, then `register`, then `registerLast` ones.
   *
   * With `uniqueId`, the handler registered with that id is the one removed
   * (`handler` is then ignored); with `uniqueIdUsesCount: true`, only once
   * the last counted registration is taken back. Mixing counted and
   * uncounted use of one id is a `TypeError`.
   *
   * Unregistering what is not registered is a silent no-op. As in botocore,
   * unregistering a unique id under a name it was not registered on frees
   * the id but leaves its handler registered.
   *
   * @example
   * events.unregister('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
   * events.unregister('after-call', undefined, { uniqueId: 'call-logger' });
   */
  unregister(name: string, handler?: EventHandler<never> | null, options?: RegisterOptions): void {
    const segments = splitEventName(name, 'unregister');
    if (handler !== undefined && handler !== null) checkHandler('unregister', name, handler);
    const { uniqueId, usesCount } = checkOptions('unregister', options);
    const target = uniqueId === undefined ? handler : this.#uniqueIds.release(uniqueId, usesCount);
    if (target !== undefined && target !== null && this.#trie.remove(segments, target)) this.#changed();
  }

  /**
   * Calls the handlers of `name`, one after another, with
   * `{ ...payload, eventName: name }`, awaiting each one that returns a
   * promise. Resolves to the `[handler, response]` pair of every handler
   * (botocore's `emit`); a handler that throws or rejects rejects it with
   * that same error, and the handlers after it do not run.
   *
   * @example
   * const responses = await events.emit('needs-retry.lambda.Invoke', { attempts: 1 });
   * const delay = firstNonNullResponse(responses);
   */
  emit(name: string, payload?: object): Promise<HandlerResponse[]> {
    const handlers = this.#lookup('emit', name).list;
    const checked = checkPayload('emit', name, payload);
    if (handlers.length === 0) return Promise.resolve([]);
    try {
      const responses = dispatch(handlers, withEventName(checked, name), false);
      return Array.isArray(responses) ? Promise.resolve(responses) : responses;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Like `emit`, but stops at the first response that is not `null` or
   * `undefined` and resolves to that `[handler, response]` pair; when no
   * handler responds, to the last handler's pair; with no handlers, to
   * `[undefined, undefined]` (botocore's `emit_until_response`).
   *
   * @example
   * const [, output] = await events.emitUntilResponse('before-call.s3.GetObject', { params });
   */
  emitUntilResponse(name: string, payload?: object): Promise<UntilResponseResult> {
    const handlers = this.#lookup('emitUntilResponse', name).list;
    const checked = checkPayload('emitUntilResponse', name, payload);
    if (handlers.length === 0) return Promise.resolve([undefined, undefined]);
    try {
      const responses = dispatch(handlers, withEventName(checked, name), true);
      return Array.isArray(responses) ? Promise.resolve(lastPair(responses)) : responses.then(lastPair);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * An independent emitter of the same class with the same registrations,
   * unique ids and used plugin names (botocore's `copy.copy(emitter)`):
   * changes to either one do not reach the other.
   *
   * @example
   * const clientEvents = sessionEvents.copy();
   */
  copy(): this {
    const Class = this.constructor as new (options: EmitterOptions) => this;
    const copied = new Class({ lookupCacheSize: this.#lookupCache.maxSize });
    copied.#trie = this.#trie.copy();
    copied.#uniqueIds = this.#uniqueIds.copy();
    copied.#usedPlugins = new Set(this.#usedPlugins);
    return copied;
  }

  /**
   * Registers `plugin` by calling `plugin.register(this)`, once per plugin
   * name per emitter: a second `use` of the same name is a no-op. Returns
   * the emitter, to chain.
   *
   * @example
   * events.use(gzipPlugin()).use(traceIdPlugin());
   */
  use(plugin: EventsPlugin<EventHooks>): this {
    usePlugin(this.#usedPlugins, plugin, this);
    return this;
  }

  /**
   * Advanced: a number that increments on every registration change that
   * took effect (a handler added or removed). Equal numbers mean
   * `handlersFor` and `mayHaveHandlers` still answer the same.
   */
  get version(): number {
    return this.#version;
  }

  /**
   * Advanced: the name `emit(name)` emits under: `name` itself here (an
   * `AliasedEventEmitter` maps old service names first).
   */
  eventNameFor(name: string): string {
    splitEventName(name, 'eventNameFor');
    return name;
  }

  /**
   * Advanced: the handlers `emit(name)` would call now, in order (from the
   * lookup cache). The array is frozen.
   *
   * @example
   * if (events.handlersFor('before-sign.s3.PutObject').length === 0) skipTheWork();
   */
  handlersFor(name: string): readonly EventHandler<any>[] {
    return this.#lookup('handlersFor', name).frozen;
  }

  /**
   * Advanced: `false` only when no registration can receive an event named
   * `prefix` or starting with `prefix.`; `true` when one may (it errs on the
   * side of `true` only for globs that can match nothing).
   *
   * @example
   * events.mayHaveHandlers('before-sign.cloudwatch'); // is anyone listening to CloudWatch signing?
   */
  mayHaveHandlers(prefix: string): boolean {
    return this.#trie.mayHaveItems(splitEventName(prefix, 'mayHaveHandlers', 'prefix'));
  }

  /** Diagnostics: how many event names the lookup cache holds now (never more than `lookupCacheSize`). */
  get cachedEventNames(): number {
    return this.#lookupCache.size;
  }

  /** @internal Package-internal: see `watchChanges`. */
  [watchChanges](watcher: ChangeWatcher): () => void {
    return this.#watchers.add(watcher);
  }

  /** @internal Package-internal: see `usePluginFor`. */
  [usePluginFor](plugin: unknown, events: EventHooks): void {
    usePlugin(this.#usedPlugins, plugin, events);
  }

  #register(method: string, name: string, handler: unknown, options: unknown, section: Section): void {
    const segments = splitEventName(name, method);
    checkHandler(method, name, handler);
    const { uniqueId, usesCount } = checkOptions(method, options);
    if (uniqueId !== undefined && !this.#uniqueIds.isNew(uniqueId, usesCount)) return;
    this.#trie.append(segments, name, handler, section);
    if (uniqueId !== undefined) this.#uniqueIds.record(uniqueId, handler, usesCount);
    this.#changed();
  }

  #lookup(method: string, name: string): CachedHandlers {
    let cached = this.#lookupCache.get(name);
    if (cached === undefined) {
      const list = this.#trie.prefixSearch(splitEventName(name, method));
      cached = { list, frozen: Object.freeze(list.slice()) };
      this.#lookupCache.set(name, cached);
    }
    return cached;
  }

  #changed(): void {
    this.#version++;
    this.#lookupCache.clear();
    this.#watchers.notify();
  }
}

function lastPair(responses: HandlerResponse[]): UntilResponseResult {
  return responses[responses.length - 1]!;
}

/** Called as `hasOwnProperty.call(object, key)` inside a for-in over `object`: see `withEventName`. */
const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * `{ ...payload, eventName }`, written so V8 keeps it on a fast path. On
 * node 20 an object spread followed by a key the source does not have
 * leaves CloneObjectIC's fast path (0.6–1 µs per emit, most of an emit's
 * cost); a for-in copy into a fresh literal costs ~13 ns. The own-key test
 * is `hasOwnProperty.call` because TurboFan turns that form, inside a for-in
 * over the same object, into a check of the enum cache; `Object.hasOwn` is
 * a real call per key (~35 ns more per emit, measured).
 */
function withEventName(payload: object | undefined, eventName: string): EventPayload {
  const event = {} as EventPayload;
  if (payload !== undefined) {
    for (const key in payload) if (hasOwnProperty.call(payload, key)) event[key] = (payload as Record<string, unknown>)[key];
  }
  event.eventName = eventName;
  return event;
}
