import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { useInspector } from '../helpers/inspector.js';
import { ItemTooLargeError, payloadGuardPlugin, payloadGuardReportOf } from '@sdk-events/payload-guard';
import { cloudWatchClient } from '../helpers/clients.js';
import { compressibleMetrics, expectAllVerified, expectDeliveredExactlyOnce, incompressibleMetric, metrics } from './helpers.js';

describe('payload-guard: optimistic strategy (real CloudWatch client, inspector with 1 MB / 1000 metrics)', () => {
  const inspector = useInspector({ maxBytes: 1_000_000, maxItems: 1000 });

  it('recovers from a rejection of the first full request: halves, nothing lost or doubled', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin({ strategy: 'optimistic' }));
    inspector.failNext(1, { status: 413, code: 'RequestEntityTooLarge', operation: 'PutMetricData' });
    const data = metrics(2500);
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/opt', MetricData: data }));
    expect(inspector.records.map((r) => [r.status, r.metricCount])).to.deep.equal([
      [413, 1000],
      [200, 500],
      [200, 500],
      [200, 1000],
      [200, 500],
    ]);
    expectDeliveredExactlyOnce(inspector, data, 'pg/opt');
    expectAllVerified(inspector);
    const report = payloadGuardReportOf(output)!;
    expect(report).to.include({ strategy: 'optimistic', items: 2500, deliveredItems: 2500, dryRuns: 0 });
    expect(report.requests.map((r) => [r.start, r.count, r.rejected ?? false])).to.deep.equal([
      [0, 1000, true],
      [0, 500, false],
      [500, 500, false],
      [1000, 1000, false],
      [2000, 500, false],
    ]);
  });

  it('splits on the service\'s byte limit recursively until every request is accepted', async () => {
    // no compression: 1000 metrics of ~2.5 KB are ~2.5 MB on the wire, halves ~1.25 MB, quarters ~625 KB
    const client = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    eventsOf(client).use(payloadGuardPlugin({ strategy: 'optimistic' }));
    const data = compressibleMetrics(1000, 2500);
    await client.send(new PutMetricDataCommand({ Namespace: 'pg/opt-bytes', MetricData: data }));
    const statuses = inspector.records.map((r) => `${r.status}:${r.metricCount}`);
    expect(statuses).to.deep.equal(['413:1000', '413:500', '200:250', '200:250', '413:500', '200:250', '200:250']);
    for (const record of inspector.records) expect(record.wireBody.length > 1_000_000).to.equal(record.status === 413);
    expectDeliveredExactlyOnce(inspector, data, 'pg/opt-bytes');
    expectAllVerified(inspector);
  });

  it('a metric the service rejects alone is an error naming it (with its size, measured by a dry run)', async () => {
    const client = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    eventsOf(client).use(payloadGuardPlugin({ strategy: 'optimistic' }));
    const data = metrics(8, 'opt-never');
    data[5] = incompressibleMetric(1_200_000);
    let caught: unknown;
    try {
      await client.send(new PutMetricDataCommand({ Namespace: 'pg/opt-never', MetricData: data }));
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ItemTooLargeError);
    const error = caught as ItemTooLargeError;
    expect(error).to.include({ itemIndex: 5, itemLabel: 'MetricData[5]', detectedBy: 'rejected' });
    expect(error.bytes).to.be.greaterThan(1_000_000);
    expect((error.cause as { name?: string }).name).to.equal('RequestEntityTooLarge');
    expect(error.message).to.match(/item 5 \(MetricData\[5\]\) can never fit in one request: the service rejected it alone as too large/);
    // 8 -> 4+4 -> (4 ok) 2+2 -> (2: [4,5]) 1+1: [4] ok, [5] rejected
    expect(inspector.records.map((r) => `${r.status}:${r.metricCount}`)).to.deep.equal(['413:8', '200:4', '413:4', '413:2', '200:1', '413:1']);
    expect(payloadGuardReportOf(error)?.deliveredItems).to.equal(5);
    expectDeliveredExactlyOnce(inspector, data.slice(0, 5), 'pg/opt-never');
  });
});
