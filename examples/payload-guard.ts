// "What if the payload is still too large?": 2500 metrics in one call,
// delivered within PutMetricData's limits (1 MB, 1000 metrics per request).
// Run: npx -y pnpm@10.34.8 exec tsx examples/payload-guard.ts
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { gzipPlugin } from '@sdk-events/gzip';
import { payloadGuardPlugin, payloadGuardReportOf, type PayloadGuardStrategy } from '@sdk-events/payload-guard';
import { manyMetrics, NAMESPACE } from './payloads.js';
import { runIfMain, type Target } from './target.js';

/** What the example observed. */
export interface PayloadGuardExampleResult {
  strategy: PayloadGuardStrategy;
  metrics: number;
  /** Requests the guard sent, with the metrics in each. */
  requests: number[];
  /** From the inspector: metrics that arrived, and whether each arrived exactly once and in order. */
  arrived?: { metrics: number; exactlyOnceInOrder: boolean; rejected: number };
}

/** Sends `count` metrics in one PutMetricData call through the guard. */
export async function run(target: Target, strategy: PayloadGuardStrategy = 'pessimistic', count = 2500): Promise<PayloadGuardExampleResult> {
  const cw = new CloudWatchClient(target.clientConfig);
  eventsOf(cw).use(gzipPlugin()).use(payloadGuardPlugin({ strategy }));

  const before = target.inspector?.records.length ?? 0;
  const output = await cw.send(new PutMetricDataCommand({ Namespace: NAMESPACE, MetricData: manyMetrics(count) }));
  const report = payloadGuardReportOf(output);
  const result: PayloadGuardExampleResult = {
    strategy,
    metrics: count,
    requests: (report?.requests ?? []).filter((r) => !r.rejected).map((r) => r.count),
  };
  if (target.inspector) {
    const records = target.inspector.records.slice(before).filter((r) => r.operation === 'PutMetricData');
    const accepted = records.filter((r) => r.status === 200);
    const names = accepted.flatMap((r) => (JSON.parse(r.decodedBody.toString('utf8')).MetricData as { MetricName: string }[]).map((m) => m.MetricName));
    result.arrived = {
      metrics: names.length,
      exactlyOnceInOrder: names.length === count && names.every((name, i) => name === `batch-metric-${i}`),
      rejected: records.length - accepted.length,
    };
  }
  return result;
}

runIfMain(import.meta.url, async (target) => {
  console.log(await run(target, 'pessimistic'));
  console.log(await run(target, 'optimistic'));
});
