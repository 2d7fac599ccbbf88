import { expect } from 'chai';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { PutObjectCommand, GetObjectCommand, CreateBucketCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { AliasedEventEmitter, HierarchicalEmitter, attachEvents, eventsOf } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { cloudWatchClient, lambdaClient, s3Client } from '../../helpers/clients.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const invoke = (name = 'probe') => new InvokeCommand({ FunctionName: name, Payload: utf8('{}') });

describe('bridge: attaching to clients', () => {
  const inspector = useInspector();

  it('eventsOf returns the same AliasedEventEmitter every time', () => {
    const lambda = lambdaClient(inspector.url);
    const events = eventsOf(lambda);
    expect(events).to.be.instanceOf(AliasedEventEmitter);
    expect(eventsOf(lambda)).to.equal(events);
  });

  it('rejects what is not a Smithy client, naming the problem', () => {
    expect(() => eventsOf({} as never)).to.throw(TypeError, /no send\(\) method/);
    expect(() => attachEvents(lambdaClient(inspector.url), {} as never)).to.throw(TypeError, /emitter/);
  });

  it('leaves the stack as the SDK built it while no handler can match this client', async () => {
    const plain = lambdaClient(inspector.url).middlewareStack.identify();
    const lambda = lambdaClient(inspector.url);
    const events = eventsOf(lambda);
    events.register('before-sign.cloudwatch', () => {});
    events.register('after-call.s3.PutObject', () => {});
    await lambda.send(invoke());
    expect(lambda.middlewareStack.identify()).to.deep.equal(plain);
    events.register('before-sign.lambda', () => {});
    await lambda.send(invoke());
    expect(lambda.middlewareStack.identify()).to.include.members(['sdkEventsCallMiddleware - initialize']);
    events.unregister('before-sign.lambda', undefined);
  });

  for (const cacheMiddleware of [false, true]) {
    it(`registering and unregistering take effect from the next send (cacheMiddleware: ${cacheMiddleware})`, async () => {
      const plain = lambdaClient(inspector.url, { cacheMiddleware }).middlewareStack.identify();
      const lambda = lambdaClient(inspector.url, { cacheMiddleware });
      const events = eventsOf(lambda);
      const seen: string[] = [];
      const handler = ({ request }: { request: { headers: Record<string, string> } }) => {
        request.headers['x-mark'] = 'on';
        seen.push('before-sign');
      };
      await lambda.send(invoke());
      events.register('before-sign.lambda.Invoke', handler);
      await lambda.send(invoke());
      events.unregister('before-sign.lambda.Invoke', handler);
      await lambda.send(invoke());
      events.register('before-sign.lambda.*', handler);
      await lambda.send(invoke());
      expect(seen).to.deep.equal(['before-sign', 'before-sign']);
      expect(inspector.records.map((r) => r.headers['x-mark'])).to.deep.equal([undefined, 'on', undefined, 'on']);
      for (const record of inspector.records) expect(record.problems).to.deep.equal([]);
      events.unregister('before-sign.lambda.*', handler);
      await lambda.send(invoke());
      expect(lambda.middlewareStack.identify()).to.deep.equal(plain);
    });
  }

  it('one emitter serves several clients; attaching twice never doubles an event', async () => {
    const events = new HierarchicalEmitter();
    const lambda = lambdaClient(inspector.url);
    const cloudWatch = cloudWatchClient(inspector.url);
    attachEvents(lambda, events);
    attachEvents(lambda, events);
    expect(attachEvents(cloudWatch, events)).to.equal(events);
    const calls: string[] = [];
    events.register('after-call', ({ eventName }) => {
      calls.push(eventName);
    });
    await lambda.send(invoke());
    await cloudWatch.send(new PutMetricDataCommand({ Namespace: 'ns', MetricData: [{ MetricName: 'm', Value: 1 }] }));
    expect(calls).to.deep.equal(['after-call.lambda.Invoke', 'after-call.cloudwatch.PutMetricData']);
  });

  it('attaching another emitter replaces the first', async () => {
    const lambda = lambdaClient(inspector.url);
    const first = eventsOf(lambda);
    const calls: string[] = [];
    first.register('after-call', () => {
      calls.push('first');
    });
    const second = attachEvents(lambda, new AliasedEventEmitter());
    second.register('after-call', () => {
      calls.push('second');
    });
    await lambda.send(invoke());
    expect(calls).to.deep.equal(['second']);
    expect(eventsOf(lambda)).to.equal(second);
  });

  it('keeps per-call state apart across 60 concurrent calls with async handlers', async () => {
    const lambda = lambdaClient(inspector.url, { cacheMiddleware: true });
    const events = eventsOf(lambda);
    const mismatches: string[] = [];
    const seen = new Set<string>();
    events.register('provide-client-params.lambda', async ({ params, context }) => {
      await sleep(Math.random() * 5);
      context.mine = params.FunctionName;
    });
    events.register('before-sign.lambda', async ({ request, context }) => {
      await sleep(Math.random() * 5);
      request.headers['x-mine'] = context.mine;
    });
    events.register('before-parse.lambda', ({ response, context }) => {
      response.headers['x-amz-executed-version'] = context.mine;
    });
    events.register('after-call.lambda', async ({ context, parsed }) => {
      await sleep(Math.random() * 5);
      if (context.mine !== parsed.ExecutedVersion) mismatches.push(`${context.mine} != ${parsed.ExecutedVersion}`);
      seen.add(context.mine);
    });
    const names = Array.from({ length: 60 }, (_, i) => `fn-${i}`);
    await Promise.all(names.map((name) => lambda.send(invoke(name))));
    expect(mismatches).to.deep.equal([]);
    expect(seen.size).to.equal(60);
    expect(inspector.records).to.have.length(60);
    for (const record of inspector.records) {
      expect(record.problems).to.deep.equal([]);
      expect(record.path).to.equal(`/2015-03-31/functions/${record.headers['x-mine']}/invocations`);
    }
  });

  it('CloudWatch (AWS JSON), compressed by the SDK itself: events see it, the request stays valid', async () => {
    const cloudWatch = cloudWatchClient(inspector.url);
    const encodings: (string | undefined)[] = [];
    eventsOf(cloudWatch).register('before-sign.cloudwatch.PutMetricData', ({ request }) => {
      encodings.push(request.headers['content-encoding']);
      request.headers['x-seen'] = '1';
    });
    const many = Array.from({ length: 400 }, (_, i) => ({ MetricName: `metric-${i}`, Value: i, Unit: 'Count' as const }));
    await cloudWatch.send(new PutMetricDataCommand({ Namespace: 'ns', MetricData: many }));
    expect(encodings).to.deep.equal(['gzip']);
    const [record] = inspector.records;
    expect(record!.problems).to.deep.equal([]);
    expect(record!.gzipLayers).to.equal(1);
    expect(record!.metricCount).to.equal(400);
    expect(record!.signature.signedHeaders).to.include('x-seen');
  });

  it('S3 (REST-XML, flexible checksums, streaming bodies): requests stay valid with handlers attached', async () => {
    const s3 = s3Client(inspector.url);
    const events = eventsOf(s3);
    events.register('before-sign.s3', ({ request }) => {
      request.headers['x-amz-meta-seen'] = 'yes';
    });
    const sent: string[] = [];
    events.register('before-send.s3.PutObject', ({ request }) => {
      sent.push(request.headers['authorization'] ? 'signed' : 'unsigned');
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'a.txt', Body: 'hello events' }));
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'b.txt', Body: Readable.from([Buffer.from('streamed '), Buffer.from('body')]), ContentLength: 13 }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'b.txt' }));
    expect(await got.Body!.transformToString()).to.equal('streamed body');
    expect(sent).to.deep.equal(['signed', 'signed']);
    for (const record of inspector.records) {
      expect(record.problems, `${record.method} ${record.path}`).to.deep.equal([]);
      expect(record.signature.valid).to.equal(true);
      expect(record.headers['x-amz-meta-seen']).to.equal('yes');
    }
    const puts = inspector.records.filter((r) => r.operation === 'PutObject');
    expect(puts).to.have.length(2);
    for (const put of puts) expect(put.checksums.length).to.be.greaterThan(0);
  });
});

describe('bridge: aliased names', () => {
  const inspector = useInspector();

  it("an AliasedEventEmitter's table applies to the bridge's events: handlers see the aliased name", async () => {
    const lambda = lambdaClient(inspector.url);
    const events = attachEvents(lambda, new AliasedEventEmitter(new HierarchicalEmitter(), { lambda: 'aws-lambda' }));
    const seen: string[] = [];
    events.register('before-sign.aws-lambda', ({ eventName }) => {
      seen.push(eventName);
    });
    events.register('after-call.lambda', ({ eventName }) => {
      seen.push(eventName);
    });
    await lambda.send(invoke());
    expect(seen).to.deep.equal(['before-sign.aws-lambda.Invoke', 'after-call.aws-lambda.Invoke']);
  });
});
