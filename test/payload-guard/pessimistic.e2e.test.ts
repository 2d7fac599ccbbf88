import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { startInspector } from '@sdk-events/inspector';
import { useInspector } from '../helpers/inspector.js';
import { ItemTooLargeError, payloadGuardPlugin, payloadGuardReportOf } from '@sdk-events/payload-guard';
import { cloudWatchClient } from '../helpers/clients.js';
import { deliveredRequests, expectAllVerified, expectDeliveredExactlyOnce, failureOf, incompressibleMetric, metrics } from './helpers.js';

describe('payload-guard: pessimistic strategy (real CloudWatch client, inspector with 1 MB / 1000 metrics)', () => {
  const inspector = useInspector({ maxBytes: 1_000_000, maxItems: 1000 });

  it('2500 metrics arrive exactly once, in order, in 3 requests, and the caller gets one output', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const data = metrics(2500);
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/2500', MetricData: data }));

    expect(inspector.records.map((r) => [r.status, r.metricCount])).to.deep.equal([
      [200, 1000],
      [200, 1000],
      [200, 500],
    ]);
    expectDeliveredExactlyOnce(inspector, data, 'pg/2500');
    expectAllVerified(inspector);
    expect(output.$metadata.httpStatusCode).to.equal(200);
    const report = payloadGuardReportOf(output)!;
    // over the item limit: never serialized whole, each chunk of 1000 measured once, on its way, no dry run
    expect(report).to.include({ strategy: 'pessimistic', operation: 'PutMetricData', items: 2500, deliveredItems: 2500, dryRuns: 0, maybeDuplicatedItems: 0 });
    const wire = inspector.records.map((r) => r.wireBody.length);
    expect(report.requests).to.deep.equal([
      { start: 0, count: 1000, bytes: wire[0], attempts: 1 },
      { start: 1000, count: 1000, bytes: wire[1], attempts: 1 },
      { start: 2000, count: 500, bytes: wire[2], attempts: 1 },
    ]);
    expect(inspector.records.every((r) => r.gzipLayers === 1)).to.equal(true);
  });

  it('leaves a call within the limits alone: one request, no dry run, no report', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const data = metrics(1000);
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/fits', MetricData: data }));
    expect(inspector.records).to.have.length(1);
    expectDeliveredExactlyOnce(inspector, data, 'pg/fits');
    expect(payloadGuardReportOf(output)).to.equal(undefined);
  });

  it('10,000 metrics: 10 requests, no dry run', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const data = metrics(10_000);
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/10k', MetricData: data }));
    expect(deliveredRequests(inspector)).to.have.length(10);
    expect(inspector.records).to.have.length(10);
    expectDeliveredExactlyOnce(inspector, data, 'pg/10k');
    expect(payloadGuardReportOf(output)?.dryRuns).to.equal(0);
  });

  it('a metric that can never fit is an error naming it, thrown at its turn: what came before it was delivered', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const data = metrics(2000);
    // random base64: the SDK's own gzip leaves it at about 1.15 MB
    data[1234] = incompressibleMetric(1_600_000);
    const caught = await failureOf(() => client.send(new PutMetricDataCommand({ Namespace: 'pg/never', MetricData: data })));
    expect(caught).to.be.instanceOf(ItemTooLargeError);
    const error = caught as ItemTooLargeError;
    expect(error).to.include({ itemIndex: 1234, itemLabel: 'MetricData[1234]', maxBytes: 1_000_000, detectedBy: 'measured' });
    expect(error.bytes).to.be.greaterThan(1_000_000).and.lessThan(1_600_000);
    expect(error.message).to.match(/PutMetricData: item 1234 \(MetricData\[1234\]\) can never fit in one request: alone it is [\d,]+ bytes on the wire, over maxBytes 1,000,000/);
    // 0-999 went; 1000-1999 was stopped on its way (nothing sent), 1000-1233 went; 1234 alone is over 1 MB
    expect(inspector.records.map((r) => [r.status, r.metricCount])).to.deep.equal([
      [200, 1000],
      [200, 234],
    ]);
    expect(inspector.records.every((r) => r.wireBody.length <= 1_000_000)).to.equal(true);
    const report = payloadGuardReportOf(error)!;
    expect(report.deliveredItems).to.equal(1234);
    // guessed from the chunk before and stopped on their way: 1000-1999, then 1234-1999
    expect(report.stoppedChunks).to.equal(2);
    expect(report.requests.map((r) => [r.start, r.count])).to.deep.equal([
      [0, 1000],
      [1000, 234],
    ]);
    expectDeliveredExactlyOnce(inspector, data.slice(0, 1234), 'pg/never');
  });

  it('a metric that can never fit, first in its chunk, fails the call before anything is sent', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const data = metrics(900);
    data[0] = incompressibleMetric(1_600_000);
    const caught = await failureOf(() => client.send(new PutMetricDataCommand({ Namespace: 'pg/never-900', MetricData: data })));
    expect(caught).to.be.instanceOf(ItemTooLargeError);
    expect(caught).to.include({ itemIndex: 0, detectedBy: 'measured' });
    expect(inspector.records, 'nothing was sent').to.have.length(0);
    expect(payloadGuardReportOf(caught)?.deliveredItems).to.equal(0);
  });

  it('custom limits (the old 40 KB / 20 metrics): every request within both, each as full as the bytes allow', async () => {
    const old = await startInspector({ maxBytes: 40_000, maxItems: 20 });
    try {
      const client = cloudWatchClient(old.url, { disableRequestCompression: true });
      eventsOf(client).use(payloadGuardPlugin({ maxBytes: 40_000, maxItems: 20 }));
      // count-bound: 20 per request
      const small = metrics(500, 'small');
      await client.send(new PutMetricDataCommand({ Namespace: 'pg/old', MetricData: small }));
      expect(old.records.map((r) => r.metricCount)).to.deep.equal(new Array(25).fill(20));
      expectDeliveredExactlyOnce(old, small, 'pg/old');

      // byte-bound: metrics of ~3 KB, so about 13 per request
      old.clear();
      const big = Array.from({ length: 100 }, (_, i) => ({ MetricName: `big-${i}`, Value: i, Dimensions: [{ Name: 'pad', Value: 'x'.repeat(2900 + ((i * 37) % 200)) }] }));
      const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/old', MetricData: big }));
      expect(old.records.every((r) => r.status === 200)).to.equal(true);
      expectDeliveredExactlyOnce(old, big, 'pg/old');
      const sizes = old.records.map((r) => r.wireBody.length);
      expect(Math.max(...sizes)).to.be.at.most(40_000);
      const report = payloadGuardReportOf(output)!;
      expect(report.requests.map((r) => r.bytes)).to.deep.equal(sizes);
      // sizes add up (uncompressed): each chunk is serialized by its own send; the dry runs are tiny
      // ones (two to calibrate, two per chunk for the next metric's share), none of a whole chunk
      expect(report.dryRuns).to.be.at.most(2 + 2 * report.requests.length);
      expect(report.stoppedChunks).to.be.below(report.requests.length);
      // fewest requests: each request but the last could not have taken the next metric too
      let next = 0;
      for (const [i, record] of old.records.entries()) {
        next += record.metricCount!;
        const body = record.decodedBody.toString('utf8');
        expect(JSON.stringify(JSON.parse(body)), 'the SDK writes compact JSON').to.equal(body);
        if (i < old.records.length - 1) expect(record.wireBody.length + 1 + JSON.stringify(big[next]).length).to.be.greaterThan(40_000);
      }
      expectAllVerified(old);
    } finally {
      await old.close();
    }
  });

  it('counts EntityMetricData metrics too: entries split across requests keep their entity', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const plain = metrics(700, 'plain');
    const entity = { KeyAttributes: { Type: 'Service', Name: 'checkout', Environment: 'prod' } };
    const entityData = metrics(800, 'entity');
    await client.send(
      new PutMetricDataCommand({ Namespace: 'pg/entity', MetricData: plain, EntityMetricData: [{ Entity: entity, MetricData: entityData }] }),
    );
    expect(inspector.records.map((r) => [r.status, r.metricCount])).to.deep.equal([
      [200, 1000],
      [200, 500],
    ]);
    const bodies = inspector.records.map((r) => JSON.parse(r.decodedBody.toString('utf8')));
    expect(bodies[0].MetricData).to.have.length(700);
    expect(bodies[0].EntityMetricData.map((e: any) => [e.Entity.KeyAttributes.Name, e.MetricData.length])).to.deep.equal([['checkout', 300]]);
    expect(bodies[1].MetricData).to.equal(undefined);
    expect(bodies[1].EntityMetricData.map((e: any) => [e.Entity.KeyAttributes.Name, e.MetricData.length])).to.deep.equal([['checkout', 500]]);
    const sentEntityMetrics = bodies.flatMap((b) => b.EntityMetricData.flatMap((e: any) => e.MetricData.map((m: any) => m.MetricName)));
    expect(sentEntityMetrics).to.deep.equal(entityData.map((m) => m.MetricName));
  });

  it('works on a cacheMiddleware client, call after call', async () => {
    const client = cloudWatchClient(inspector.url, { cacheMiddleware: true });
    eventsOf(client).use(payloadGuardPlugin());
    const first = metrics(2500, 'first');
    const second = metrics(1500, 'second');
    const small = metrics(10, 'small');
    await client.send(new PutMetricDataCommand({ Namespace: 'pg/cache', MetricData: first }));
    await client.send(new PutMetricDataCommand({ Namespace: 'pg/cache', MetricData: small }));
    await client.send(new PutMetricDataCommand({ Namespace: 'pg/cache', MetricData: second }));
    expect(inspector.records.map((r) => r.metricCount)).to.deep.equal([1000, 1000, 500, 10, 1000, 500]);
    expectDeliveredExactlyOnce(inspector, [...first, ...small, ...second], 'pg/cache');
    expectAllVerified(inspector);
  });

  it('concurrent calls on one client are split independently', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const batches = Array.from({ length: 5 }, (_, i) => metrics(1500 + i * 100, `c${i}`));
    await Promise.all(batches.map((data, i) => client.send(new PutMetricDataCommand({ Namespace: `pg/concurrent-${i}`, MetricData: data }))));
    expect(inspector.records).to.have.length(10);
    batches.forEach((data, i) => expectDeliveredExactlyOnce(inspector, data, `pg/concurrent-${i}`));
  });

  it('a request failing midway fails the call; the error tells what was delivered', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    // the first chunk succeeds; the second is refused (queued as it is about to go on the network)
    let sends = 0;
    eventsOf(client).register('before-send.cloudwatch.PutMetricData', () => {
      sends += 1;
      if (sends === 2) inspector.failNext(1, { status: 400, code: 'InvalidParameterValue', message: 'nope', operation: 'PutMetricData' });
    });
    const caught = await failureOf(() => client.send(new PutMetricDataCommand({ Namespace: 'pg/midway', MetricData: metrics(2500) })));
    expect(caught?.name).to.match(/InvalidParameterValue/);
    expect(inspector.records.map((r) => r.status)).to.deep.equal([200, 400]);
    const report = payloadGuardReportOf(caught)!;
    expect(report.deliveredItems).to.equal(1000);
    // a 400 is a definite answer: the failed request was not acted on
    expect(report.requests).to.deep.equal([
      { start: 0, count: 1000, bytes: inspector.records[0]!.wireBody.length, attempts: 1 },
      { start: 1000, count: 1000, bytes: inspector.records[1]!.wireBody.length, attempts: 1, failed: true },
    ]);
  });
});
