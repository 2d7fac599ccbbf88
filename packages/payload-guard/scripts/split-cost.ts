/**
 * What a pessimistic split of 10,000 metrics costs: dry runs and wall time,
 * against the inspector on 127.0.0.1, next to sending the same chunks
 * without the guard. Run: `npx tsx --conditions=source packages/payload-guard/scripts/split-cost.ts`
 */
import { performance } from 'node:perf_hooks';
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { createGzipHandler } from '@sdk-events/gzip';
import { startInspector } from '@sdk-events/inspector';
import { payloadGuardPlugin, payloadGuardReportOf } from '@sdk-events/payload-guard';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const credentials = { accessKeyId: 'AKIDTESTEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const inspector = await startInspector({ maxBytes: 1_000_000, maxItems: 1000 });

const small = (n: number): MetricDatum[] => Array.from({ length: n }, (_, i) => ({ MetricName: `metric-${i}`, Value: i, Unit: 'Count' }));
const padded = (n: number): MetricDatum[] =>
  Array.from({ length: n }, (_, i) => ({ MetricName: `metric-${i}`, Value: i, Dimensions: [{ Name: 'pad', Value: `host-${i % 97};`.repeat(150) }] }));

const scenarios = [
  { name: 'small metrics, SDK gzip (item limit binds)', data: small(10_000), config: {}, gzipHandler: false },
  { name: '~1.3 KB metrics, no compression (byte limit binds)', data: padded(10_000), config: { disableRequestCompression: true }, gzipHandler: false },
  { name: '~1.3 KB metrics, gzip handler (item limit binds)', data: padded(10_000), config: { disableRequestCompression: true }, gzipHandler: true },
];

for (const scenario of scenarios) {
  const make = () => {
    const client = new CloudWatchClient({ region: 'us-east-1', endpoint: inspector.url, credentials, ...scenario.config });
    if (scenario.gzipHandler) {
      // @sdk-events/gzip's handler: it carries the GZIP_HANDLER_MARKER the guard looks for
      const handler = createGzipHandler({ minBytes: 1024 });
      eventsOf(client).register('before-sign.cloudwatch.PutMetricData', handler);
    }
    return client;
  };
  // warm-up, then guarded, then the same chunks sent directly
  const guarded = make();
  eventsOf(guarded).use(payloadGuardPlugin());
  await guarded.send(new PutMetricDataCommand({ Namespace: 'warm', MetricData: scenario.data.slice(0, 2000) }));
  inspector.clear();
  let start = performance.now();
  const output = await guarded.send(new PutMetricDataCommand({ Namespace: 'split', MetricData: scenario.data }));
  const guardedMs = performance.now() - start;
  const report = payloadGuardReportOf(output)!;
  const wire = inspector.records.map((r) => r.wireBody.length);

  const direct = make();
  start = performance.now();
  for (const chunk of report.requests) {
    await direct.send(new PutMetricDataCommand({ Namespace: 'direct', MetricData: scenario.data.slice(chunk.start, chunk.start + chunk.count) }));
  }
  const directMs = performance.now() - start;
  console.log(
    `${scenario.name}: ${report.requests.length} requests (largest ${Math.max(...wire)} B on the wire), ${report.dryRuns} dry runs, ` +
      `${guardedMs.toFixed(0)} ms guarded vs ${directMs.toFixed(0)} ms sending the same chunks directly`,
  );
}
await inspector.close();
