// The metric payloads the examples send.
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';

/** The namespace every example writes to. */
export const NAMESPACE = 'SdkEvents/Examples';

/**
 * The seed's payload: one PutMetricData batch of 20 metrics (the old
 * per-request maximum the article worked with), each with the dimensions a
 * real service reports.
 */
export function seedMetricData(): MetricDatum[] {
  return Array.from({ length: 20 }, (_, i) => ({
    MetricName: i % 2 ? 'RequestLatency' : 'RequestCount',
    Dimensions: [
      { Name: 'Service', Value: 'checkout-api' },
      { Name: 'Host', Value: `ip-10-0-${i}-17.eu-west-1.compute.internal` },
      { Name: 'Endpoint', Value: `/v1/orders/${i}/payments` },
    ],
    Timestamp: new Date(Date.UTC(2026, 10, 21, 12, 0, i)),
    Unit: i % 2 ? 'Milliseconds' : 'Count',
    Value: i % 2 ? 12.5 + i : 1,
  }));
}

/** `count` metrics with distinct names, in order: the payload-guard example checks each arrives once. */
export function manyMetrics(count: number): MetricDatum[] {
  return Array.from({ length: count }, (_, i) => ({
    MetricName: `batch-metric-${i}`,
    Dimensions: [{ Name: 'Shard', Value: `shard-${i % 16}` }],
    Unit: 'Count',
    Value: i,
  }));
}
