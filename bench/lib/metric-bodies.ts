import { manyMetricInput } from './cloudwatch.js';

/**
 * A PutMetricData JSON body (what the SDK sends to CloudWatch in AWS JSON
 * 1.0) of about `bytes` bytes: whole metric data, realistic names, dimensions
 * and values, so it compresses as real payloads do.
 */
export function metricJsonBody(bytes: number): Uint8Array {
  const datumBytes = 190;
  let count = Math.max(1, Math.round(bytes / datumBytes));
  for (;;) {
    const input = manyMetricInput(count);
    const json = JSON.stringify({
      ...input,
      MetricData: input.MetricData!.map((datum) => ({ ...datum, Timestamp: Math.floor(datum.Timestamp!.getTime() / 1000) })),
    });
    const body = new TextEncoder().encode(json);
    if (body.byteLength >= bytes || count > 1e6) return body;
    count = Math.ceil(count * (bytes / body.byteLength)) + 1;
  }
}
