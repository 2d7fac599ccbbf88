import { expect } from 'chai';
import { gzipSync } from 'node:zlib';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { useInspector } from '../helpers/inspector.js';
import { payloadGuardPlugin, payloadGuardReportOf } from '@sdk-events/payload-guard';
import { cloudWatchClient } from '../helpers/clients.js';
import { compressibleMetrics, expectAllVerified, expectDeliveredExactlyOnce, markedGzipHandler, metrics } from './helpers.js';

describe('payload-guard: measuring compressed requests (real CloudWatch client, inspector with 1 MB / 1000 metrics)', () => {
  const inspector = useInspector({ maxBytes: 1_000_000, maxItems: 1000 });

  // ~1.4 KB each: 1000 of them are ~1.4 MB as JSON, a few KB gzipped
  const data = compressibleMetrics(1000, 1400);
  const rawSize = Buffer.byteLength(JSON.stringify({ Namespace: 'pg/gzip', MetricData: data }));

  it('the test data is over 1 MB as serialized and far under it gzipped', () => {
    expect(rawSize).to.be.greaterThan(1_300_000);
    expect(gzipSync(JSON.stringify(data)).byteLength).to.be.lessThan(100_000);
  });

  it('with a gzip handler on before-sign, 1000 large-but-compressible metrics go in one request', async () => {
    const client = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    const events = eventsOf(client);
    events.register('before-sign.cloudwatch.PutMetricData', markedGzipHandler({ minBytes: 1024, level: 6 }));
    events.use(payloadGuardPlugin());
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/gzip', MetricData: data }));
    expect(inspector.records).to.have.length(1);
    const [record] = inspector.records;
    expect(record!.status).to.equal(200);
    expect(record!.gzipLayers).to.equal(1);
    expect(record!.wireBody.length).to.be.lessThan(1_000_000);
    expect(record!.decodedBody.length).to.be.greaterThan(1_000_000);
    expectDeliveredExactlyOnce(inspector, data, 'pg/gzip');
    expectAllVerified(inspector);
    expect(payloadGuardReportOf(output), 'sent as it was').to.equal(undefined);
  });

  it('without any compression the same metrics need more requests, each under 1 MB, none rejected', async () => {
    const client = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    eventsOf(client).use(payloadGuardPlugin());
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/gzip', MetricData: data }));
    expect(inspector.records.length).to.equal(2);
    for (const record of inspector.records) {
      expect(record.status).to.equal(200);
      expect(record.gzipLayers).to.equal(0);
      expect(record.wireBody.length).to.be.at.most(1_000_000);
    }
    expectDeliveredExactlyOnce(inspector, data, 'pg/gzip');
    expect(payloadGuardReportOf(output)!.requests.map((r) => r.bytes)).to.deep.equal(inspector.records.map((r) => r.wireBody.length));
  });

  it('the SDK\'s own compression (bodies >= 10 KiB) is accounted for: one request, no split', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/gzip', MetricData: data }));
    expect(inspector.records).to.have.length(1);
    expect(inspector.records[0]!.contentEncoding).to.deep.equal(['gzip']);
    expectDeliveredExactlyOnce(inspector, data, 'pg/gzip');
    expect(payloadGuardReportOf(output)).to.equal(undefined);
  });

  it('with the SDK\'s compression, chunk sizes are measured compressed and match the wire exactly', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin({ maxBytes: 4000 }));
    const many = metrics(3000, 'sdk-gzip');
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/sdk-gzip', MetricData: many }));
    const sizes = inspector.records.map((r) => r.wireBody.length);
    // uncompressed, 3000 small metrics are ~150 KB: 4000-byte requests would take ~38 of them
    expect(sizes.length).to.be.lessThan(15);
    expect(Math.max(...sizes)).to.be.at.most(4000);
    expect(inspector.records.every((r) => r.contentEncoding.join() === 'gzip')).to.equal(true);
    expect(payloadGuardReportOf(output)!.requests.map((r) => r.bytes)).to.deep.equal(sizes);
    expectDeliveredExactlyOnce(inspector, many, 'pg/sdk-gzip');
  });

  it('a gzip handler at level 1 is measured at level 1: reported sizes match the wire', async () => {
    const client = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    const events = eventsOf(client);
    events.register('before-sign.cloudwatch.PutMetricData', markedGzipHandler({ minBytes: 1, level: 1 }));
    events.use(payloadGuardPlugin({ maxBytes: 5000 }));
    const many = metrics(3000, 'level-1');
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/level-1', MetricData: many }));
    const sizes = inspector.records.map((r) => r.wireBody.length);
    expect(Math.max(...sizes)).to.be.at.most(5000);
    expect(payloadGuardReportOf(output)!.requests.map((r) => r.bytes)).to.deep.equal(sizes);
    expect(inspector.records.every((r) => r.gzipLayers === 1)).to.equal(true);
    expectDeliveredExactlyOnce(inspector, many, 'pg/level-1');
  });
});
