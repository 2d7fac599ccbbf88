import { expect } from 'chai';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { PutObjectCommand, GetObjectCommand, CreateBucketCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AliasedEventEmitter, HierarchicalEmitter, attachEvents, eventsOf } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { cloudWatchClient, lambdaClient, s3Client } from '../../helpers/clients.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const invoke = (name = 'probe') => new InvokeCommand({ FunctionName: name, Payload: utf8('{}') });

/** A promise and the function that resolves it (node 20 has no Promise.withResolvers). */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

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

  it("changes the stack at each registration change, before any send, and never the client's send", () => {
    const plain = lambdaClient(inspector.url).middlewareStack.identify();
    const lambda = lambdaClient(inspector.url);
    const events = eventsOf(lambda);
    const handler = () => {};
    events.register('before-sign.lambda', handler);
    expect(lambda.middlewareStack.identify()).to.include.members(['sdkEventsCallMiddleware - initialize', 'sdkEventsAttemptMiddleware - before httpSigningMiddleware']);
    events.unregister('before-sign.lambda', handler);
    expect(lambda.middlewareStack.identify()).to.deep.equal(plain);
    expect(Object.hasOwn(lambda, 'send')).to.equal(false);
  });

  it('a long-lived emitter does not keep the clients attached to it alive', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const events = new HierarchicalEmitter();
    let collected = false;
    const registry = new FinalizationRegistry(() => (collected = true));
    (() => {
      const lambda = lambdaClient(inspector.url);
      attachEvents(lambda, events);
      events.register('before-sign.lambda', () => {});
      registry.register(lambda, 'lambda');
    })();
    for (let i = 0; i < 50 && !collected; i++) {
      gc();
      await sleep(5);
    }
    expect(collected, 'the client was collected').to.equal(true);
    events.register('after-call', () => {}); // a change after the client is gone: nothing to tell
  });

  for (const cacheMiddleware of [false, true]) {
    it(`registering and unregistering take effect from the next send on (cacheMiddleware: ${cacheMiddleware})`, async () => {
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
    first.register('before-sign.lambda', () => {
      calls.push('first, registered after the replacement');
    });
    expect(lambda.middlewareStack.identify()).not.to.include('sdkEventsAttemptMiddleware - before httpSigningMiddleware');
    await lambda.send(invoke());
    expect(calls).to.deep.equal(['second']);
    expect(eventsOf(lambda)).to.equal(second);
  });

  for (const cacheMiddleware of [true, false]) {
    it(`keeps per-call state apart across 60 concurrent calls with async handlers (cacheMiddleware: ${cacheMiddleware})`, async () => {
      const lambda = lambdaClient(inspector.url, { cacheMiddleware });
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
  }

  for (const cacheMiddleware of [true, false]) {
    it(`context reads through to the SDK's context, has the client, and keeps handler writes per call (cacheMiddleware: ${cacheMiddleware})`, async () => {
      const lambda = lambdaClient(inspector.url, { cacheMiddleware });
      const sdkContexts: Record<string, unknown>[] = [];
      lambda.middlewareStack.add((next, sdkContext) => (args) => (sdkContexts.push(sdkContext as Record<string, unknown>), next(args)), {
        step: 'initialize',
        name: 'captureSdkContext',
      });
      const events = eventsOf(lambda);
      const seen: Record<string, unknown>[] = [];
      events.register('before-sign.lambda', ({ context }) => {
        seen.push({ before: context.mine, commandName: context.commandName, client: context.client, keys: Object.keys(context), has: 'logger' in context });
        context.mine = 'written';
      });
      events.register('after-call.lambda', ({ context }) => void seen.push({ after: context.mine }));
      await lambda.send(invoke());
      await lambda.send(invoke());
      expect(seen).to.have.length(4);
      for (const [first, second] of [seen.slice(0, 2), seen.slice(2)]) {
        expect(first).to.include({ before: undefined, commandName: 'InvokeCommand', client: lambda, has: true });
        expect(first!['keys']).to.include.members(['commandName', 'logger']);
        expect(second).to.deep.equal({ after: 'written' });
      }
      expect(sdkContexts).to.have.length(2);
      for (const sdkContext of sdkContexts) expect(sdkContext).to.not.have.any.keys('mine', 'client');
    });
  }

  it('cached stack: a call that overlaps others of its class keeps its own state when they end and new ones start', async () => {
    // With cacheMiddleware, calls of one command class share the SDK's context. Here call b starts
    // while a runs, outlives a, and is still running when c starts: each must keep its own events.
    const lambda = lambdaClient(inspector.url, { cacheMiddleware: true });
    const events = eventsOf(lambda);
    const release = { b: gate(), c: gate() };
    const entered = { b: gate(), c: gate() };
    const seen: string[] = [];
    events.register('provide-client-params.lambda', ({ params, context }) => {
      context.mine = params.FunctionName;
    });
    events.register('before-call.lambda', async ({ context }) => {
      const name = context.mine as 'a' | 'b' | 'c';
      if (name === 'a') return;
      entered[name].open();
      await release[name].promise;
    });
    for (const type of ['before-sign', 'before-send', 'after-call'] as const) {
      events.register(`${type}.lambda`, ({ context, request }: { context: Record<string, unknown>; request?: { headers: Record<string, string> } }) => {
        seen.push(`${String(context.mine)}:${type}`);
        if (type === 'before-sign') request!.headers['x-mine'] = String(context.mine);
      });
    }
    const a = lambda.send(invoke('a'));
    const b = lambda.send(invoke('b'));
    await entered.b.promise;
    await a;
    const c = lambda.send(invoke('c'));
    await entered.c.promise;
    release.b.open();
    await b;
    release.c.open();
    await c;
    expect(seen).to.deep.equal(['a:before-sign', 'a:before-send', 'a:after-call', 'b:before-sign', 'b:before-send', 'b:after-call', 'c:before-sign', 'c:before-send', 'c:after-call']);
    expect(inspector.records.map((r) => [r.path, r.headers['x-mine']])).to.deep.equal(
      ['a', 'b', 'c'].map((name) => [`/2015-03-31/functions/${name}/invocations`, name]),
    );
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
