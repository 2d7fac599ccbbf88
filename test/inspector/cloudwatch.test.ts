import { ListMetricsCommand, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { startInspector, type Inspector } from '@sdk-events/inspector';
import { expect } from 'chai';
import { gunzipSync } from 'node:zlib';
import { cloudWatchClient } from '../helpers/clients.js';
import { sdkProtocol } from './sdk-protocols.js';

const metrics = (count: number, prefix = 'metric'): MetricDatum[] =>
  Array.from({ length: count }, (_, i) => ({ MetricName: `${prefix}-${i}`, Value: i, Unit: 'Count', Dimensions: [{ Name: 'host', Value: `host-${i}` }] }));

describe('inspector: CloudWatch', () => {
  let inspector: Inspector;
  beforeEach(async () => {
    inspector = await startInspector();
  });
  afterEach(async () => {
    await inspector.close();
  });

  it('records and verifies a small PutMetricData (AWS JSON 1.0, no compression)', async () => {
    const client = cloudWatchClient(inspector.url);
    await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(3) }));
    expect(inspector.records).to.have.length(1);
    const [record] = inspector.records;
    expect(record!.service).to.equal('cloudwatch');
    expect(record!.operation).to.equal('PutMetricData');
    expect(record!.protocol).to.equal('awsJson1_0');
    expect(record!.headers['x-amz-target']).to.equal('GraniteServiceVersion20100801.PutMetricData');
    expect(record!.metricCount).to.equal(3);
    expect(record!.gzipLayers).to.equal(0);
    expect(record!.contentEncoding).to.deep.equal([]);
    expect(record!.signature).to.include({ present: true, valid: true, accessKeyId: 'AKIDTESTEXAMPLE', signingService: 'monitoring', region: 'us-east-1' });
    expect(record!.signature.signedHeaders).to.include.members(['host', 'x-amz-date', 'x-amz-target', 'content-type']);
    expect(record!.payloadHash).to.include({ kind: 'sha256', valid: true });
    expect(record!.contentLength).to.deep.equal({ header: record!.wireBody.length, valid: true });
    expect(JSON.parse(record!.decodedBody.toString('utf8')).MetricData).to.have.length(3);
    expect(record!.status).to.equal(200);
    expect(record!.problems).to.deep.equal([]);
  });

  it('sees the one gzip layer of the SDK’s own compression (bodies of 10 KiB and more), signed over the compressed bytes', async () => {
    const client = cloudWatchClient(inspector.url);
    await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(400) }));
    const [record] = inspector.records;
    expect(record!.contentEncoding).to.deep.equal(['gzip']);
    expect(record!.gzipLayers).to.equal(1);
    expect(record!.decodedBody.length).to.be.at.least(10 * 1024);
    expect(record!.wireBody.length).to.be.below(record!.decodedBody.length);
    expect(gunzipSync(record!.wireBody).equals(record!.decodedBody)).to.equal(true);
    expect(record!.metricCount).to.equal(400);
    expect(record!.signature.signedHeaders).to.include('content-encoding');
    expect(record!.signature.valid).to.equal(true);
    expect(record!.payloadHash.valid).to.equal(true);
    expect(record!.problems).to.deep.equal([]);
  });

  it('answers other operations with an empty success in the protocol in use', async () => {
    const client = cloudWatchClient(inspector.url);
    const output = await client.send(new ListMetricsCommand({}));
    expect(output.$metadata.httpStatusCode).to.equal(200);
    expect(output.$metadata.requestId).to.equal(inspector.records[0]!.requestId);
    expect(inspector.records[0]!.operation).to.equal('ListMetrics');
    expect(inspector.records[0]!.metricCount).to.equal(undefined);
  });

  for (const [name, protocol, wire] of [
    ['query', 'AwsQueryProtocol', 'awsQuery'],
    ['rpcv2Cbor', 'AwsSmithyRpcV2CborProtocol', 'rpcv2Cbor'],
  ] as const) {
    it(`speaks CloudWatch's ${name} protocol too: detection, metric count, success and error shapes`, async () => {
      const client = cloudWatchClient(inspector.url, { protocol: sdkProtocol(protocol) });
      await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(7) }));
      const listed = await client.send(new ListMetricsCommand({}));
      expect(listed.$metadata.httpStatusCode).to.equal(200);
      const [put, list] = inspector.records;
      expect(put).to.include({ service: 'cloudwatch', operation: 'PutMetricData', protocol: wire, metricCount: 7, status: 200 });
      expect(list).to.include({ service: 'cloudwatch', operation: 'ListMetrics', protocol: wire });
      expect(put!.signature.valid).to.equal(true);
      expect(put!.problems).to.deep.equal([]);

      inspector.failNext(1, { status: 400, code: 'InvalidParameterCombination', message: 'no such combination' });
      const error = await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(1) })).then(
        () => undefined,
        (e: unknown) => e as Error & { $metadata: { httpStatusCode?: number } },
      );
      expect(error, 'the call should fail').to.not.equal(undefined);
      expect(error!.name).to.match(/^InvalidParameterCombination/);
      expect(error!.message).to.equal('no such combination');
      expect(error!.$metadata.httpStatusCode).to.equal(400);
    });
  }

  it('counts metrics the same in every protocol', async () => {
    for (const protocol of ['AwsJson1_0Protocol', 'AwsQueryProtocol', 'AwsSmithyRpcV2CborProtocol'] as const) {
      const client = cloudWatchClient(inspector.url, { protocol: sdkProtocol(protocol) });
      await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(25) }));
    }
    expect(inspector.records.map((record) => record.metricCount)).to.deep.equal([25, 25, 25]);
  });
});

describe('inspector: CloudWatch PutMetricData limits', () => {
  let inspector: Inspector | undefined;
  afterEach(async () => {
    await inspector?.close();
  });

  it('answers 413 RequestEntityTooLarge above maxItems, and success at the limit', async () => {
    inspector = await startInspector({ maxItems: 10 });
    const client = cloudWatchClient(inspector.url);
    await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(10) }));
    const error = await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(11) })).then(
      () => undefined,
      (e: unknown) => e as Error & { $metadata: { httpStatusCode?: number } },
    );
    expect(error?.name).to.equal('RequestEntityTooLarge');
    expect(error?.$metadata.httpStatusCode).to.equal(413);
    expect(inspector.records.map((record) => [record.metricCount, record.status, record.errorCode])).to.deep.equal([
      [10, 200, undefined],
      [11, 413, 'RequestEntityTooLarge'],
    ]);
    // A rejection is not a verification problem: the request itself was fine.
    expect(inspector.records[1]!.problems).to.deep.equal([]);
  });

  it('answers 413 when the body on the wire (compressed) is larger than maxBytes', async () => {
    inspector = await startInspector({ maxBytes: 2000 });
    const client = cloudWatchClient(inspector.url);
    // Varied names keep 300 metrics above 2000 bytes even after the SDK's gzip; both sides are checked below.
    await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(5) }));
    const big = metrics(300).map((datum, i) => ({ ...datum, MetricName: `${datum.MetricName}-${(i * 7919).toString(36)}-${Math.sin(i)}` }));
    const error = await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: big })).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    const [small, large] = inspector.records;
    expect(small!.status).to.equal(200);
    expect(small!.wireBody.length).to.be.at.most(2000);
    expect(large!.gzipLayers).to.equal(1);
    expect(large!.wireBody.length).to.be.above(2000);
    expect(large!.status).to.equal(413);
    expect(error?.name).to.equal('RequestEntityTooLarge');
  });

  it('measures the limit on the wire: a body larger than maxBytes uncompressed but smaller compressed passes', async () => {
    inspector = await startInspector({ maxBytes: 8 * 1024 });
    const client = cloudWatchClient(inspector.url);
    await client.send(new PutMetricDataCommand({ Namespace: 'inspector-test', MetricData: metrics(300) }));
    const [record] = inspector.records;
    expect(record!.decodedBody.length).to.be.above(8 * 1024);
    expect(record!.wireBody.length).to.be.at.most(8 * 1024);
    expect(record!.status).to.equal(200);
  });

  it('does not apply the limits to other operations or services', async () => {
    inspector = await startInspector({ maxItems: 1, maxBytes: 1 });
    const client = cloudWatchClient(inspector.url);
    await client.send(new ListMetricsCommand({}));
    expect(inspector.records[0]!.status).to.equal(200);
  });
});
