import type { EventHandler, EventHooks, EventsPlugin } from '@sdk-events/core';
import { handlersFor, type LoggingHandlers } from './handlers.js';
import { resolveLoggingOptions, type LoggingOptions } from './options.js';

/**
 * A plugin that logs every call of every client the emitter serves: one
 * line per attempt (`debug`; `warn` for a failed attempt that was retried)
 * and one per call (`info`; `error` when the call failed), never a secret.
 *
 * ```ts
 * eventsOf(s3).use(loggingPlugin({ logger: pino(), level: 'debug' }));
 * ```
 *
 * Its name is `logging`: a second `loggingPlugin` on the same emitter is a
 * no-op (use `createLoggingHandlers` to log one emitter twice).
 *
 * @throws TypeError naming the bad option.
 */
export function loggingPlugin(options?: LoggingOptions): EventsPlugin<EventHooks> {
  const handlers = handlersFor(resolveLoggingOptions(options, 'loggingPlugin'));
  return {
    name: 'logging',
    register(events: EventHooks): void {
      for (const [type, handler] of Object.entries(handlers) as Array<[keyof LoggingHandlers, EventHandler<any>]>) {
        // Last among the `before-send` handlers: the line shows the request as it goes on the wire.
        if (type === 'before-send') events.registerLast(type, handler);
        else events.register(type, handler);
      }
    },
  };
}
