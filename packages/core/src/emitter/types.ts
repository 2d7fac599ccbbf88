/**
 * The payload every handler receives: `eventName` is the name that was
 * emitted; the other members depend on the event.
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
 * Payload types by event type (the first segment of a name), for emitters
 * created without a type argument. Empty here: the emitter knows no event;
 * `@sdk-events/core`'s lifecycle module adds the AWS request lifecycle to it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface KnownEvents {}

/** The first dot-separated segment of a name type. */
type FirstSegment<N extends string> = N extends `${infer Head}.${string}` ? Head : N;

/**
 * The payload type a handler registered on `N` receives: `Events[type]` when
 * the first segment of `N` is an event type of `Events`, else the generic
 * `EventPayload`.
 */
export type PayloadFor<N extends string, Events = KnownEvents> = FirstSegment<N> extends keyof Events
  ? Events[FirstSegment<N>]
  : EventPayload;

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
export interface EventHooks<Events = KnownEvents> {
  /** Registers `handler` for `name` and every name below it; see `HierarchicalEmitter.register`. */
  register<N extends string>(name: N, handler: EventHandler<PayloadFor<N, Events>>, options?: RegisterOptions): void;
  /** Like `register`, in the group called before `register`'s handlers of the same name. */
  registerFirst<N extends string>(name: N, handler: EventHandler<PayloadFor<N, Events>>, options?: RegisterOptions): void;
  /** Like `register`, in the group called after `register`'s handlers of the same name. */
  registerLast<N extends string>(name: N, handler: EventHandler<PayloadFor<N, Events>>, options?: RegisterOptions): void;
  /** Removes a registration by handler or by `uniqueId`; a silent no-op when there is none. */
  unregister(name: string, handler?: EventHandler<never> | null, options?: RegisterOptions): void;
  /** Calls every handler of `name` in order, each awaited; resolves to their `[handler, response]` pairs. */
  emit(name: string, payload?: object): Promise<HandlerResponse[]>;
  /** Like `emit`, stopping at the first response that is not `null`/`undefined`. */
  emitUntilResponse(name: string, payload?: object): Promise<UntilResponseResult>;
  /** Registers a plugin once per plugin name; returns the emitter. */
  use(plugin: EventsPlugin<EventHooks<Events>>): this;
  /** An independent emitter of the same class with the same registrations. */
  copy(): EventHooks<Events>;
  /** The handlers `emit(name)` would call now, in order. */
  handlersFor(name: string): readonly EventHandler<any>[];
  /** `false` only when no registration can receive `prefix` or any name below it. */
  mayHaveHandlers(prefix: string): boolean;
}
