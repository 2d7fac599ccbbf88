// The seed's first snippet, in TypeScript:
//   cw_client.meta.events.register('before-sign.cloudwatch.PutMetricData', gzip_request_body)
// Run: npx -y pnpm@10.34.8 exec tsx examples/gzip-put-metric-data.ts
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { gzipRequestBody } from '@sdk-events/gzip';
import { NAMESPACE, seedMetricData } from './payloads.js';
import { runIfMain, type Target } from './target.js';
import { meterWire } from './wire-meter.js';

/** What the example observed. */
export interface GzipExampleResult {
  wireBytes: number;
  contentEncoding: string | undefined;
  /** From the inspector, when the call went there. */
  verified?: { gzipLayers: number; decodedBytes: number; signatureValid: boolean; problems: string[] };
}

/** Sends the seed's payload with `gzipRequestBody` registered on `before-sign.cloudwatch.PutMetricData`. */
export async function run(target: Target): Promise<GzipExampleResult> {
  const cw = new CloudWatchClient(target.clientConfig);
  const events = eventsOf(cw);
  events.register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
  const wire = meterWire(events, 'before-send.cloudwatch.PutMetricData');

  const before = target.inspector?.records.length ?? 0;
  await cw.send(new PutMetricDataCommand({ Namespace: NAMESPACE, MetricData: seedMetricData() }));

  const sent = wire[0];
  const record = target.inspector?.records[before];
  const result: GzipExampleResult = { wireBytes: sent?.bytes ?? 0, contentEncoding: sent?.contentEncoding };
  if (record) {
    result.verified = {
      gzipLayers: record.gzipLayers,
      decodedBytes: record.decodedBody.byteLength,
      signatureValid: record.signature.valid,
      problems: record.problems,
    };
  }
  return result;
}

runIfMain(import.meta.url, async (target) => {
  const result = await run(target);
  console.log(result);
});
