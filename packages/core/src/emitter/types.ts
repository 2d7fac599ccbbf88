import type { PayloadFor } from '../lifecycle/events.js';

/**
 * The payload every handler receives: `eventName` is the name that was
 * emitted; the other members depend on the event (see `LifecycleEventMap`).
 */
export interface EventPayload {
  /** The full name that was emitted, e.g. `before-sign.cloudwatch.PutMetricData`. */
  eventName: string;
  [member: string]: unknown;
}

/**
 * An event handler: called with one payload object. It may return a value
 * (a response), a promise of one, or nothing. `undefined` and `null` are
 * "no response".
 */
export type EventHandler<P = EventPayload> = (payload: P) => unknown;

/** Options of `register`, `registerFirst`, `registerLast` and `unregister` (botocore's `unique_id` and `unique_id_uses_count`). */
export interface RegisterOptions {
  /** A registration with an id already registered is ignored (across names). */
  uniqueId?: string;
  /** Count registrations of `uniqueId`; `unregister` decrements and removes at zero. */
  uniqueIdUsesCount?: boolean;
}

/** One handler's response to an emit: `[handler, response]`, as botocore's `emit` returns. */
export type HandlerResponse = [handler: EventHandler<any>, response: unknown];

/**
 * A plugin: a named bundle of registrations. `events.use(plugin)` calls
 * `register(events)` once per plugin name per emitter.
 */
export interface EventsPlugin<E = any> {
  /** Identifies the plugin: a second `use` of the same name is a no-op. */
  name: string;
  /** Registers the plugin's handlers on `events`. */
  register(events: E): void;
}

/** Options of `new HierarchicalEmitter(options)`. */
export interface EmitterOptions {
  /**
   * How many event names the lookup cache remembers (the handler list of
   * each); the least recently emitted are forgotten beyond it. Default 1024.
   */
  lookupCacheSize?: number;
}

/** What `emitUntilResponse` resolves to: the last `[handler, response]` pair, or `[undefined, undefined]` when no handler ran. */
export type UntilResponseResult = [handler: EventHandler<any> | undefined, response: unknown];

/**
 * The API both `HierarchicalEmitter` and `AliasedEventEmitter` provide
 * (botocore's `BaseEventHooks`, plus `use` and the advanced members the
 * bridge reads). Type a plugin's `register(events)` parameter with it.
 *
 * @example
 * const retryLogger: EventsPlugin<EventHooks> = {
 *   name: 'retry-logger',
 *   register(events) {
 *     events.register('needs-retry', ({ attempts }) => console.log('attempt', attempts));
 *   },
 * };
 */
export interface EventHooks {
  /** Registers `handler` for `name` and every name below it; see `HierarchicalEmitter.register`. */
  register<N extends string>(name: N, handler: EventHandler<PayloadFor<N>>, options?: RegisterOptions): void;
  /** Like `register`, in the group called before `register`'s handlers of the same name. */
  registerFirst<N extends string>(name: N, handler: EventHandler<PayloadFor<N>>, options?: RegisterOptions): void;
  /** Like `register`, in the group called after `register`'s handlers of the same name. */
  registerLast<N extends string>(name: N, handler: EventHandler<PayloadFor<N>>, options?: RegisterOptions): void;
  /** Removes a registration by handler or by `uniqueId`; a silent no-op when there is none. */
  unregister(name: string, handler?: EventHandler<never> | null, options?: RegisterOptions): void;
  /** Calls every handler of `name` in order, each awaited; resolves to their `[handler, response]` pairs. */
  emit(name: string, payload?: object): Promise<HandlerResponse[]>;
  /** Like `emit`, stopping at the first response that is not `null`/`undefined`. */
  emitUntilResponse(name: string, payload?: object): Promise<UntilResponseResult>;
  /** Registers a plugin once per plugin name; returns the emitter. */
  use(plugin: EventsPlugin<EventHooks>): this;
  /** An independent emitter of the same class with the same registrations. */
  copy(): EventHooks;
  /** Advanced: increments on every registration change that took effect. */
  readonly version: number;
  /** Advanced: the handlers `emit(name)` would call, in order. */
  handlersFor(name: string): readonly EventHandler<any>[];
  /** Advanced: `false` only when no registration can receive `prefix` or any name below it. */
  mayHaveHandlers(prefix: string): boolean;
}
