/** The plugin factory. */
import type { EventHooks, EventsPlugin } from '@sdk-events/core';
import { Guard } from './guard.js';
import { resolveOptions, type PayloadGuardOptions } from './options.js';
import { putMetricDataBatch } from './cloudwatch.js';

/**
 * A plugin that keeps a batch operation's requests under the service's limits
 * (CloudWatch `PutMetricData`, 1 MB and 1000 metrics, by default): a call over
 * a limit is split into several requests, sent one after another, in order,
 * each item in one of them, and the caller gets one merged output (its report:
 * `payloadGuardReportOf`). To other handlers it stays one call.
 *
 * Its name is `payload-guard` for the default batch and
 * `payload-guard:<events>` for another, so one emitter can guard several
 * operations but not the same one twice.
 *
 * @example
 * eventsOf(cw).use(payloadGuardPlugin());
 * await cw.send(new PutMetricDataCommand({ Namespace: 'app', MetricData: twentyFiveHundredMetrics })); // 3 requests
 *
 * @example
 * eventsOf(cw).use(payloadGuardPlugin({ strategy: 'optimistic', maxBytes: 40_000, maxItems: 20 }));
 *
 * @throws TypeError naming the bad option.
 */
export function payloadGuardPlugin(options?: PayloadGuardOptions): EventsPlugin<EventHooks> {
  const settings = resolveOptions(options);
  const isDefaultBatch = options?.batch === undefined || options.batch === putMetricDataBatch;
  return {
    name: isDefaultBatch ? 'payload-guard' : `payload-guard:${settings.batch.events.join(',')}`,
    register(events: EventHooks): void {
      new Guard(settings).register(events);
    },
  };
}
