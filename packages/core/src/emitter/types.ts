import type { CheckedEmitName, CheckedName, DefaultEvents, EmitArguments, EventPayload, HandlerFor } from './typing.js';

export type { EventPayload, KnownEvents, PayloadFor } from './typing.js';

/**
 * An event handler: called with one payload object. It may return a value
 * (a response), a promise of one, or nothing. `undefined` and `null` are
 * "no response". Its return type is `void` (any value passes, unchecked):
 * type a handler with `HandlerFor<name>` to have its response checked.
 * `EventHandler<any>` is any handler at all.
 */
export type EventHandler<P = EventPayload> = (payload: P) => 0 extends 1 & P ? any : void;

/** Options of `register`, `registerFirst`, `registerLast` and `unregister` (botocore's `unique_id` and `unique_id_uses_count`). */
export interface RegisterOptions {
  /** A registration with an id already registered is ignored (across names). */
  uniqueId?: string;
  /** Count registrations of `uniqueId`; `unregister` decrements and removes at zero. */
  uniqueIdUsesCount?: boolean;
}

/** One handler's response to an emit: `[handler, response]`, as botocore's `emit` returns. */
export type HandlerResponse = [handler: EventHandler<any>, response: unknown];

/** What `emitUntilResponse` resolves to: the last `[handler, response]` pair, or `[undefined, undefined]` when no handler ran. */
export type UntilResponseResult = [handler: EventHandler<any> | undefined, response: unknown];

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
  /** How many event names' handler lists the emitter remembers between registration changes. Default 1024. */
  lookupCacheSize?: number;
}

/**
 * The API both `HierarchicalEmitter` and `AliasedEventEmitter` provide
 * (botocore's `BaseEventHooks`, plus `use` and two read-only queries).
 * Type a plugin's `register(events)` parameter with it.
 *
 * @example
 * const retryLogger: EventsPlugin<EventHooks> = {
 *   name: 'retry-logger',
 *   register(events) {
 *     events.register('needs-retry', ({ attempts }) => console.log('attempt', attempts));
 *   },
 * };
 */
export interface EventHooks<Events = DefaultEvents> {
  /** Registers `handler` for `name` and every name below it; see `HierarchicalEmitter.register`. */
  register<N extends string>(name: CheckedName<N, Events>, handler: HandlerFor<N, Events>, options?: RegisterOptions): void;
  /** Like `register`, in the group called before `register`'s handlers of the same name. */
  registerFirst<N extends string>(name: CheckedName<N, Events>, handler: HandlerFor<N, Events>, options?: RegisterOptions): void;
  /** Like `register`, in the group called after `register`'s handlers of the same name. */
  registerLast<N extends string>(name: CheckedName<N, Events>, handler: HandlerFor<N, Events>, options?: RegisterOptions): void;
  /** Removes a registration by handler or by `uniqueId`; a silent no-op when there is none. */
  unregister(name: string, handler?: EventHandler<never> | null, options?: RegisterOptions): void;
  /** Calls every handler of `name` in order, each awaited; resolves to their `[handler, response]` pairs. */
  emit<N extends string>(name: CheckedEmitName<N, Events>, ...payload: EmitArguments<N, Events>): Promise<HandlerResponse[]>;
  /** Like `emit`, stopping at the first response that is not `null`/`undefined`. */
  emitUntilResponse<N extends string>(name: CheckedEmitName<N, Events>, ...payload: EmitArguments<N, Events>): Promise<UntilResponseResult>;
  /** Registers a plugin once per plugin name; returns the emitter. */
  use(plugin: EventsPlugin<EventHooks<Events>>): this;
  /** An independent emitter of the same class with the same registrations. */
  copy(): EventHooks<Events>;
  /** The handlers `emit(name)` would call now, in order. */
  handlersFor(name: string): readonly EventHandler<any>[];
  /** `false` only when no registration can receive `prefix` or any name below it. */
  mayHaveHandlers(prefix: string): boolean;
}
