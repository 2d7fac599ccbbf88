import { checkHandler, checkOptions, checkPayload } from './arguments.js';
import { BoundedCache } from './bounded-cache.js';
import { callHandlers } from './dispatch.js';
import { describeValue, splitEventName } from './names.js';
import { usePlugin, usePluginFor } from './plugins.js';
import { ChangeWatchers, watchChanges, type ChangeWatcher } from './change-watchers.js';
import { PrefixTrie, type Section } from './prefix-trie.js';
import type {
  EmitterOptions,
  EventHandler,
  EventHooks,
  EventsPlugin,
  HandlerResponse,
  RegisterOptions,
  UntilResponseResult,
} from './types.js';
import type { CheckedEmitName, CheckedName, DefaultEvents, EmitArguments, HandlerFor } from './typing.js';
import { UniqueIdRegistry } from './unique-ids.js';

/** How many event names' handler lists an emitter remembers by default. */
const DEFAULT_LOOKUP_CACHE_SIZE = 1024;

type Handlers = readonly EventHandler<any>[];

/**
 * botocore's `HierarchicalEmitter`: handlers registered on dot-separated
 * names, emitted to by name. `Events` types them: an event map (names →
 * payload types, as mitt's) or an `EventTyping`; by default `DefaultEvents`.
 *
 * - A registration on a prefix (`after-call.lambda`) receives every event
 *   below it; a `*` segment matches any one segment (`before-send.*.Invoke`);
 *   beyond botocore, a glob segment (`Put*`, `{A,B}`, `before-*`) matches
 *   within that segment, with no backtracking (segment-pattern.ts).
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
export class HierarchicalEmitter<Events = DefaultEvents> implements EventHooks<Events> {
  #trie = new PrefixTrie<EventHandler<any>>();
  #uniqueIds = new UniqueIdRegistry();
  #usedPlugins = new Set<string>();
  readonly #lookupCache: BoundedCache<string, Handlers>;
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
   * Types follow from the name (see the README's "Typed events"): without a
   * type argument, a lifecycle event type (`before-sign.s3.PutObject`) gives
   * that event's exact payload and the responses it accepts, anything else
   * the generic `EventPayload`; with an event map (`HierarchicalEmitter<Events>`)
   * the map's payloads, and a name not in it is a compile error. A name that
   * is not a literal type (`register<string>(name, …)`) is always accepted.
   *
   * @example
   * events.register('before-send.*.Invoke', ({ request }) => console.log(request.path));
   * events.register('after-call', logCall, { uniqueId: 'call-logger' });
   */
  register<N extends string>(name: CheckedName<N, Events>, handler: HandlerFor<N, Events>, options?: RegisterOptions): void {
    this.#register('register', name, handler, options, 'middle');
  }

  /**
   * Like `register`, in the group of `name`'s handlers that runs before the
   * `register` ones (botocore's `register_first`).
   *
   * @example
   * events.registerFirst('before-sign.cloudwatch', addHeaderFirst);
   */
  registerFirst<N extends string>(name: CheckedName<N, Events>, handler: HandlerFor<N, Events>, options?: RegisterOptions): void {
    this.#register('registerFirst', name, handler, options, 'first');
  }

  /**
   * Like `register`, in the group of `name`'s handlers that runs after the
   * `register` ones (botocore's `register_last`).
   *
   * @example
   * events.registerLast('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
   */
  registerLast<N extends string>(name: CheckedName<N, Events>, handler: HandlerFor<N, Events>, options?: RegisterOptions): void {
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
  emit<N extends string>(name: CheckedEmitName<N, Events>, ...payload: EmitArguments<N, Events>): Promise<HandlerResponse[]>;
  emit(name: string, payload?: object): Promise<HandlerResponse[]> {
    return this.#emit('emit', name, payload, false);
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
  emitUntilResponse<N extends string>(name: CheckedEmitName<N, Events>, ...payload: EmitArguments<N, Events>): Promise<UntilResponseResult>;
  emitUntilResponse(name: string, payload?: object): Promise<UntilResponseResult> {
    return this.#emit('emitUntilResponse', name, payload, true).then((responses) => responses.at(-1) ?? [undefined, undefined]);
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
  use(plugin: EventsPlugin<EventHooks<Events>>): this {
    usePlugin(this.#usedPlugins, plugin, this as EventHooks<any>);
    return this;
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
   * The handlers `emit(name)` would call now, in order (from the
   * lookup cache). The array is frozen.
   *
   * @example
   * if (events.handlersFor('before-sign.s3.PutObject').length === 0) skipTheWork();
   */
  handlersFor(name: string): readonly EventHandler<any>[] {
    return this.#lookup('handlersFor', name);
  }

  /**
   * `false` only when no registration can receive an event named
   * `prefix` or starting with `prefix.`; `true` when one may (it errs on the
   * side of `true` only for globs that can match nothing).
   *
   * @example
   * events.mayHaveHandlers('before-sign.cloudwatch'); // is anyone listening to CloudWatch signing?
   */
  mayHaveHandlers(prefix: string): boolean {
    return this.#trie.mayHaveItems(splitEventName(prefix, 'mayHaveHandlers', 'prefix'));
  }

  /** @internal Package-internal: see `watchChanges`. */
  [watchChanges](watcher: ChangeWatcher): () => void {
    return this.#watchers.add(watcher);
  }

  /** @internal Package-internal: see `usePluginFor`. */
  [usePluginFor](plugin: unknown, events: EventHooks<any>): void {
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

  #lookup(method: string, name: string): Handlers {
    let handlers = this.#lookupCache.get(name);
    if (handlers === undefined) {
      handlers = Object.freeze(this.#trie.prefixSearch(splitEventName(name, method)));
      this.#lookupCache.set(name, handlers);
    }
    return handlers;
  }

  /** Bad arguments throw at once; handlers' failures reject the promise. */
  #emit(method: string, name: string, payload: unknown, stopOnResponse: boolean): Promise<HandlerResponse[]> {
    const handlers = this.#lookup(method, name);
    const checked = checkPayload(method, name, payload);
    // Object.assign, not a spread: on node 20 an object spread costs about 1 µs here, most of an emit.
    const responses: HandlerResponse[] = [];
    return callHandlers(handlers, Object.assign({}, checked, { eventName: name }), stopOnResponse, responses).then(() => responses);
  }

  #changed(): void {
    this.#lookupCache.clear();
    this.#watchers.notify();
  }
}
