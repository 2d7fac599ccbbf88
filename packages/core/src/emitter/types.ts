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
