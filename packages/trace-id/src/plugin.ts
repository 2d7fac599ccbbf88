import type { EventHandler, EventHooks, EventsPlugin } from '@sdk-events/core';
import { handlerFor } from './handler.js';
import { resolveTraceIdOptions, type TraceIdOptions } from './options.js';
import { describeValue } from '@sdk-events/core/internal';

/** Options of `traceIdPlugin`: where to register, and the handler's options. */
export interface TraceIdPluginOptions extends TraceIdOptions {
  /**
   * The event names to register on. Default `['before-sign']`: every attempt
   * of every operation of every client the emitter serves, just before
   * signing, so the header is signed.
   */
  events?: readonly string[];
}

/** The events `traceIdPlugin` registers on by default. */
export const DEFAULT_TRACE_ID_EVENTS: readonly string[] = ['before-sign'];

/**
 * A plugin registering one trace-id handler (see `createTraceIdHandler`) on
 * each of `events`. Its name is `trace-id:<header>`, so one emitter can carry
 * both an `x-trace-id` and a `traceparent` plugin, but not the same header twice.
 *
 * ```ts
 * eventsOf(client).use(traceIdPlugin({ format: 'w3c' }));
 * ```
 *
 * @throws TypeError naming the bad option.
 */
export function traceIdPlugin(options: TraceIdPluginOptions = {}): EventsPlugin<EventHooks> {
  const resolved = resolveTraceIdOptions(options, 'traceIdPlugin', ['events']);
  const events = options?.events ?? DEFAULT_TRACE_ID_EVENTS;
  if (!Array.isArray(events) || events.length === 0 || !events.every((name) => typeof name === 'string' && name.length > 0)) {
    throw new TypeError(`traceIdPlugin: events must be a non-empty array of event names, got ${describeValue(events)}`);
  }
  const names = [...events];
  // Registered on names of any event type: the handler itself checks its payload has a request.
  const handler = handlerFor(resolved) as EventHandler<any>;
  return {
    name: `trace-id:${resolved.header.toLowerCase()}`,
    register(emitter: EventHooks): void {
      for (const name of names) emitter.register(name, handler);
    },
  };
}
