import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { useInspector } from '../helpers/inspector.js';
import { ItemTooLargeError, payloadGuardPlugin, payloadGuardReportOf } from '@sdk-events/payload-guard';
import { cloudWatchClient } from '../helpers/clients.js';
import { compressibleMetrics, expectAllVerified, expectDeliveredExactlyOnce, failureOf, incompressibleMetric, metrics } from './helpers.js';

describe('payload-guard: optimistic strategy (real CloudWatch client, inspector with 1 MB / 1000 metrics)', () => {
  const inspector = useInspector({ maxBytes: 1_000_000, maxItems: 1000 });

  it('a rejection of a request within maxBytes: the rest goes in requests under half its size, nothing lost or doubled', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin({ strategy: 'optimistic' }));
    inspector.failNext(1, { status: 413, code: 'RequestEntityTooLarge', operation: 'PutMetricData' });
    const data = metrics(2500);
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/opt', MetricData: data }));
    const [rejected, ...rest] = inspector.records;
    expect([rejected!.status, rejected!.metricCount]).to.deep.equal([413, 1000]);
    for (const record of rest) {
      expect(record.status).to.equal(200);
      expect(record.wireBody.length).to.be.at.most(rejected!.wireBody.length / 2);
    }
    expectDeliveredExactlyOnce(inspector, data, 'pg/opt');
    expectAllVerified(inspector);
    const report = payloadGuardReportOf(output)!;
    expect(report).to.include({ strategy: 'optimistic', items: 2500, deliveredItems: 2500, maybeDuplicatedItems: 0 });
    expect(report.requests[0]).to.deep.include({ start: 0, count: 1000, rejected: true });
    expect(report.requests.slice(1).every((r) => !r.rejected)).to.equal(true);
    expect(report.requests.map((r) => r.bytes)).to.deep.equal(inspector.records.map((r) => r.wireBody.length));
  });

  it('2,500 large metrics: no more requests than the pessimistic strategy plus the rejections it met', async () => {
    // ~1.1 KB each, uncompressed: 1000 of them are over 1 MB, the pessimistic plan is 3 requests
    const data = compressibleMetrics(2500, 1100);
    const pessimistic = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    eventsOf(pessimistic).use(payloadGuardPlugin());
    await pessimistic.send(new PutMetricDataCommand({ Namespace: 'pg/opt-pess', MetricData: data }));
    const planned = inspector.records.length;
    expect(inspector.records.every((r) => r.status === 200)).to.equal(true);
    inspector.clear();

    const optimistic = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    eventsOf(optimistic).use(payloadGuardPlugin({ strategy: 'optimistic' }));
    const output = await optimistic.send(new PutMetricDataCommand({ Namespace: 'pg/opt-bytes', MetricData: data }));
    const rejected = inspector.records.filter((r) => r.status === 413).length;
    expect(rejected).to.equal(1);
    expect(inspector.records.length).to.be.at.most(planned + rejected);
    expect(inspector.records.map((r) => r.status)).to.deep.equal([413, ...new Array(planned).fill(200)]);
    for (const record of inspector.records) expect(record.wireBody.length > 1_000_000).to.equal(record.status === 413);
    expectDeliveredExactlyOnce(inspector, data, 'pg/opt-bytes');
    expectAllVerified(inspector);
    expect(payloadGuardReportOf(output)!.requests).to.have.length(planned + rejected);
  });

  it('a metric that cannot fit even alone is an error naming it, found by measuring after the rejection', async () => {
    const client = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    eventsOf(client).use(payloadGuardPlugin({ strategy: 'optimistic' }));
    const data = metrics(8, 'opt-never');
    data[5] = incompressibleMetric(1_200_000);
    const caught = await failureOf(() => client.send(new PutMetricDataCommand({ Namespace: 'pg/opt-never', MetricData: data })));
    expect(caught).to.be.instanceOf(ItemTooLargeError);
    const error = caught as ItemTooLargeError;
    expect(error).to.include({ itemIndex: 5, itemLabel: 'MetricData[5]', detectedBy: 'measured' });
    expect(error.bytes).to.be.greaterThan(1_000_000);
    expect((error.cause as { name?: string }).name).to.equal('RequestEntityTooLarge');
    expect(error.message).to.match(/item 5 \(MetricData\[5\]\) can never fit in one request: alone it is [\d,]+ bytes on the wire/);
    // the one rejection; measured, the five metrics before it go, then the sixth is found to fit nowhere
    expect(inspector.records.map((r) => `${r.status}:${r.metricCount}`)).to.deep.equal(['413:8', '200:5']);
    expect(payloadGuardReportOf(error)?.deliveredItems).to.equal(5);
    expectDeliveredExactlyOnce(inspector, data.slice(0, 5), 'pg/opt-never');
  });

  it('a request the service rejects though measured within maxBytes halves the limit for the rest of the call', async () => {
    // the guard believes 1 MB; the service takes 300 KB
    const strict = await (await import('@sdk-events/inspector')).startInspector({ maxBytes: 300_000, maxItems: 1000 });
    try {
      const client = cloudWatchClient(strict.url, { disableRequestCompression: true });
      eventsOf(client).use(payloadGuardPlugin({ strategy: 'optimistic' }));
      const data = compressibleMetrics(1000, 1100);
      await client.send(new PutMetricDataCommand({ Namespace: 'pg/opt-lower', MetricData: data }));
      expectDeliveredExactlyOnce(strict, data, 'pg/opt-lower');
      // 1000 metrics (~1.1 MB), then ~1 MB as measured, then ~500 KB: the rest goes under 250 KB
      expect(strict.records.filter((r) => r.status === 413)).to.have.length(3);
      expect(strict.records.filter((r) => r.status === 200).every((r) => r.wireBody.length <= 250_000)).to.equal(true);
      for (const record of strict.records) expect(record.wireBody.length > 300_000).to.equal(record.status === 413);
    } finally {
      await strict.close();
    }
  });
});
