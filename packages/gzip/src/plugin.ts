/** `gzipPlugin`: the gzip handler as an `EventsPlugin`. */
import type { EventHooks, EventsPlugin } from '@sdk-events/core';
import { createGzipHandler } from './handler.js';
import { checkOptionsObject, resolveEvents, type GzipPluginOptions } from './options.js';

/**
 * A plugin that registers one gzip handler (`createGzipHandler({ minBytes, level })`)
 * on each of `events` (default `['before-sign.cloudwatch.PutMetricData']`).
 * Its name includes the events, so `use` of a second plugin for the same
 * events is a no-op while one for other events is not.
 *
 * @example
 * eventsOf(cw).use(gzipPlugin());
 * eventsOf(s3).use(gzipPlugin({ events: 'before-sign.s3.PutObject', minBytes: 4096, level: 9 }));
 * @throws TypeError when an option is invalid (naming it).
 */
export function gzipPlugin(options?: GzipPluginOptions): EventsPlugin<EventHooks> {
  const { events, ...handlerOptions } = checkOptionsObject(options, 'gzipPlugin', ['events', 'minBytes', 'level']);
  const names = resolveEvents(events, 'gzipPlugin');
  const handler = createGzipHandler(handlerOptions);
  return {
    name: `@sdk-events/gzip:${names.join(',')}`,
    register(target: EventHooks): void {
      for (const name of names) target.register(name, handler);
    },
  };
}
