import { expect } from 'chai';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { AliasedEventEmitter, attachEvents, eventsOf } from '@sdk-events/core';
import type { InspectedRequest } from '@sdk-events/inspector';
import { useInspector } from '../helpers/inspector.js';
import { createTraceIdHandler, toW3cTraceId, traceIdPlugin, withTraceId } from '@sdk-events/trace-id';
import { cloudWatchClient, lambdaClient, s3Client } from '../helpers/clients.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const invoke = (marker = 'x') => new InvokeCommand({ FunctionName: 'f', Payload: new TextEncoder().encode(JSON.stringify({ marker })) });

/** The header arrived, is covered by a valid signature, and nothing else was wrong with the request. */
function expectSigned(record: InspectedRequest, header: string) {
  expect(record.signature.valid, `signature of ${record.path}: ${record.signature.reason}`).to.equal(true);
  expect(record.signature.signedHeaders).to.include(header);
  expect(record.problems, record.path).to.deep.equal([]);
}

/** Records grouped per call by the SDK's own per-call invocation id (the same on every attempt of a call). */
function byCall(records: InspectedRequest[]): InspectedRequest[][] {
  const groups = new Map<string, InspectedRequest[]>();
  for (const record of records) {
    const id = record.headers['amz-sdk-invocation-id']!;
    expect(id, 'amz-sdk-invocation-id').to.be.a('string');
    groups.set(id, [...(groups.get(id) ?? []), record]);
  }
  return [...groups.values()];
}

describe('trace-id: end to end (real clients, local inspector)', () => {
  const inspector = useInspector();

  it("the seed's Lambda example: the header arrives and is signed", async () => {
    const lambda = lambdaClient(inspector.url);
    eventsOf(lambda).register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id', value: 'trace-trace' }));
    await lambda.send(invoke());
    expect(inspector.records).to.have.length(1);
    expect(inspector.records[0]!.headers['x-trace-id']).to.equal('trace-trace');
    expectSigned(inspector.records[0]!, 'x-trace-id');
  });

  it('ids are unique across 30 concurrent calls and equal across the attempts of each call', async () => {
    // Which calls the 6 failures hit depends on arrival order; enough attempts that none fails for good.
    const lambda = lambdaClient(inspector.url, { maxAttempts: 8 });
    eventsOf(lambda).use(traceIdPlugin());
    inspector.failNext(6, { status: 500, code: 'ServiceUnavailable' });
    await Promise.all(Array.from({ length: 30 }, (_, i) => lambda.send(invoke(`call-${i}`))));

    expect(inspector.records).to.have.length(36);
    const calls = byCall(inspector.records);
    expect(calls).to.have.length(30);
    expect(calls.filter((attempts) => attempts.length > 1)).to.have.length.greaterThan(0);
    const ids = calls.map((attempts) => {
      const [first, ...retries] = attempts.map((r) => r.headers['x-trace-id']);
      expect(first).to.match(/^[0-9a-f]{32}$/);
      for (const retry of retries) expect(retry, 'the id of a retry').to.equal(first);
      return first;
    });
    expect(new Set(ids).size).to.equal(30);
    for (const record of inspector.records) expectSigned(record, 'x-trace-id');
  });

  it('every attempt of one call carries the same id (two retries)', async () => {
    const lambda = lambdaClient(inspector.url);
    eventsOf(lambda).use(traceIdPlugin());
    inspector.failNext(2, { status: 500, code: 'ServiceUnavailable' });
    await lambda.send(invoke());
    expect(inspector.records.map((r) => r.status)).to.deep.equal([500, 500, 200]);
    expect(inspector.records.map((r) => r.headers['amz-sdk-request'])).to.deep.equal(['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3']);
    const ids = new Set(inspector.records.map((r) => r.headers['x-trace-id']));
    expect(ids.size).to.equal(1);
    for (const record of inspector.records) expectSigned(record, 'x-trace-id');
  });

  it('withTraceId: calls inside carry its id, concurrent scopes stay apart', async () => {
    const lambda = lambdaClient(inspector.url);
    eventsOf(lambda).use(traceIdPlugin());
    await Promise.all(
      ['alpha', 'beta', 'gamma'].map((scope) =>
        withTraceId(`scope-${scope}`, async () => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          await lambda.send(invoke(scope));
          await lambda.send(invoke(scope));
        }),
      ),
    );
    await lambda.send(invoke('outside'));
    expect(inspector.records).to.have.length(7);
    for (const record of inspector.records) {
      const { marker } = JSON.parse(record.decodedBody.toString('utf8')) as { marker: string };
      if (marker === 'outside') expect(record.headers['x-trace-id']).to.match(/^[0-9a-f]{32}$/);
      else expect(record.headers['x-trace-id']).to.equal(`scope-${marker}`);
      expectSigned(record, 'x-trace-id');
    }
  });

  it("format w3c: a valid, signed traceparent; the trace id kept across retries, a new parent id per attempt", async () => {
    const lambda = lambdaClient(inspector.url);
    eventsOf(lambda).use(traceIdPlugin({ format: 'w3c' }));
    inspector.failNext(1, { status: 500, code: 'ServiceUnavailable' });
    await lambda.send(invoke());
    await withTraceId('order-77', () => lambda.send(invoke()));
    expect(inspector.records).to.have.length(3);
    const parts = inspector.records.map((record) => {
      expectSigned(record, 'traceparent');
      expect(record.headers).to.not.have.property('x-trace-id');
      const match = TRACEPARENT.exec(record.headers['traceparent'] ?? '');
      expect(match, record.headers['traceparent']).to.not.equal(null);
      expect(match![1]).to.not.match(/^0+$/);
      expect(match![2]).to.not.match(/^0+$/);
      return { traceId: match![1], parentId: match![2], flags: match![3] };
    });
    expect(parts[1]!.traceId).to.equal(parts[0]!.traceId);
    expect(parts[1]!.parentId).to.not.equal(parts[0]!.parentId);
    expect(parts[2]!.traceId).to.equal(await toW3cTraceId('order-77')).and.not.equal(parts[0]!.traceId);
    expect(parts.map((p) => p.flags)).to.deep.equal(['01', '01', '01']);
  });

  it('an id already on the request is kept; overwrite: true replaces it', async () => {
    const setByCaller = (payload: { request: { headers: Record<string, string> } }) => {
      payload.request.headers['X-Trace-Id'] = 'from-the-caller';
    };
    const keeping = lambdaClient(inspector.url);
    eventsOf(keeping).register('before-sign.lambda.Invoke', setByCaller);
    eventsOf(keeping).use(traceIdPlugin());
    await keeping.send(invoke());

    const replacing = lambdaClient(inspector.url);
    eventsOf(replacing).register('before-sign.lambda.Invoke', setByCaller);
    eventsOf(replacing).use(traceIdPlugin({ value: 'ours', overwrite: true }));
    await replacing.send(invoke());

    expect(inspector.records.map((r) => r.headers['x-trace-id'])).to.deep.equal(['from-the-caller', 'ours']);
    for (const record of inspector.records) expectSigned(record, 'x-trace-id');
  });

  it('one plugin on an emitter shared by CloudWatch, Lambda and S3; value as a function of the call', async () => {
    const events = new AliasedEventEmitter();
    const cw = cloudWatchClient(inspector.url);
    const lambda = lambdaClient(inspector.url);
    const s3 = s3Client(inspector.url);
    for (const client of [cw, lambda, s3]) attachEvents(client, events);
    events.use(traceIdPlugin({ header: 'X-Request-Trace', value: ({ service, operationName }) => `${service}/${operationName}` }));
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 1 }] }));
    await lambda.send(invoke());
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'key', Body: 'hello' }));
    expect(inspector.records.map((r) => [r.service, r.headers['x-request-trace']])).to.deep.equal([
      ['cloudwatch', 'cloudwatch/PutMetricData'],
      ['lambda', 'lambda/Invoke'],
      ['s3', 's3/PutObject'],
    ]);
    for (const record of inspector.records) expectSigned(record, 'x-request-trace');
  });

  it('a presigned URL gets no header unless presigned: true (it would be signed into the URL)', async () => {
    const signedHeadersOf = (url: string) => new URL(url).searchParams.get('X-Amz-SignedHeaders')?.split(';');
    const plain = s3Client(inspector.url);
    const seen: string[] = [];
    eventsOf(plain).register('before-sign.s3.GetObject', ({ signatureVersion }) => void seen.push(String(signatureVersion)));
    eventsOf(plain).use(traceIdPlugin({ value: 'in-a-url' }));
    const url = await getSignedUrl(plain, new GetObjectCommand({ Bucket: 'bucket', Key: 'key' }), { expiresIn: 60 });
    expect(seen).to.deep.equal(['s3v4-query']);
    expect(signedHeadersOf(url)).to.deep.equal(['host']);

    const optedIn = s3Client(inspector.url);
    eventsOf(optedIn).use(traceIdPlugin({ value: 'in-a-url', presigned: true }));
    const withHeader = await getSignedUrl(optedIn, new GetObjectCommand({ Bucket: 'bucket', Key: 'key' }), { expiresIn: 60 });
    expect(signedHeadersOf(withHeader)).to.include('x-trace-id');

    // A call (not a presign) still gets its header.
    await plain.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'key', Body: 'hello' }));
    expect(inspector.records.map((r) => r.headers['x-trace-id'])).to.deep.equal(['in-a-url']);
    expectSigned(inspector.records[0]!, 'x-trace-id');
  });
});
