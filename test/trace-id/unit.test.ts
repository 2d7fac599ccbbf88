import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { HttpRequest } from '@smithy/protocol-http';
import { AliasedEventEmitter, type CallContext } from '@sdk-events/core';
import {
  createTraceIdHandler,
  currentTraceId,
  isTraceparent,
  toW3cTraceId,
  traceIdPlugin,
  withTraceId,
  type TraceIdPayload,
} from '@sdk-events/trace-id';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A before-sign payload for one attempt of a call whose context is `context`. */
function attempt(context: CallContext, headers: Record<string, string> = {}): TraceIdPayload {
  return {
    eventName: 'before-sign.lambda.Invoke',
    operationName: 'Invoke',
    context,
    request: new HttpRequest({ method: 'POST', hostname: '127.0.0.1', path: '/', headers: { 'content-type': 'application/json', ...headers } }),
  };
}

const newCall = (): CallContext => ({}) as CallContext;

describe('trace-id: handler (unit)', () => {
  it('writes a fixed value under the given header', async () => {
    const payload = attempt(newCall());
    await createTraceIdHandler({ header: 'x-trace-id', value: 'trace-trace' })(payload);
    expect(payload.request.headers['x-trace-id']).to.equal('trace-trace');
  });

  it('defaults to x-trace-id with a random 32-hex id, the same on every attempt of a call and different between calls', async () => {
    const handler = createTraceIdHandler();
    const call = newCall();
    const first = attempt(call);
    const retry = attempt(call);
    const other = attempt(newCall());
    for (const payload of [first, retry, other]) await handler(payload);
    const id = first.request.headers['x-trace-id'];
    expect(id).to.match(/^[0-9a-f]{32}$/);
    expect(retry.request.headers['x-trace-id']).to.equal(id);
    expect(other.request.headers['x-trace-id']).to.match(/^[0-9a-f]{32}$/).and.not.equal(id);
  });

  it('two default handlers on one call share the trace id', async () => {
    const call = newCall();
    const payload = attempt(call);
    await createTraceIdHandler()(payload);
    await createTraceIdHandler({ format: 'w3c' })(payload);
    const id = payload.request.headers['x-trace-id'];
    expect(payload.request.headers['traceparent']).to.match(new RegExp(`^00-${id}-[0-9a-f]{16}-01$`));
  });

  it('takes the id of the enclosing withTraceId, also across awaits and timers', async () => {
    const handler = createTraceIdHandler();
    const payload = attempt(newCall());
    await withTraceId('request-42', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await handler(payload);
    });
    expect(payload.request.headers['x-trace-id']).to.equal('request-42');
  });

  it('withTraceId scopes nest and end', () => {
    expect(currentTraceId()).to.equal(undefined);
    const seen = withTraceId('outer', () => [currentTraceId(), withTraceId('inner', () => currentTraceId()), currentTraceId()]);
    expect(seen).to.deep.equal(['outer', 'inner', 'outer']);
    expect(currentTraceId()).to.equal(undefined);
  });

  it('an explicit value wins over withTraceId', async () => {
    const payload = attempt(newCall());
    await withTraceId('scoped', () => createTraceIdHandler({ value: 'fixed' })(payload));
    expect(payload.request.headers['x-trace-id']).to.equal('fixed');
  });

  it('calls a value function once per call with operation, service, request and context; may be async', async () => {
    const calls: unknown[] = [];
    const handler = createTraceIdHandler({
      value: async ({ operationName, service, request, context }) => {
        calls.push({ operationName, service, method: request.method, context });
        return `${service}-${operationName}-${calls.length}`;
      },
    });
    const call = newCall();
    const first = attempt(call);
    const retry = attempt(call);
    await handler(first);
    await handler(retry);
    expect(calls).to.deep.equal([{ operationName: 'Invoke', service: 'lambda', method: 'POST', context: call }]);
    expect(first.request.headers['x-trace-id']).to.equal('lambda-Invoke-1');
    expect(retry.request.headers['x-trace-id']).to.equal('lambda-Invoke-1');
  });

  it('a value function returning undefined sends no header', async () => {
    const payload = attempt(newCall());
    await createTraceIdHandler({ value: () => undefined })(payload);
    expect(Object.keys(payload.request.headers)).to.deep.equal(['content-type']);
  });

  it('a value function returning something unusable fails with a TypeError naming the value function', async () => {
    for (const bad of [42, '', 'line\r\nx-injected: 1']) {
      const handler = createTraceIdHandler({ value: () => bad as unknown as string });
      let error: unknown;
      try {
        await handler(attempt(newCall()));
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(TypeError);
      expect((error as Error).message).to.contain('value function');
    }
  });

  it('never overwrites an existing header (any case) unless overwrite: true', async () => {
    const kept = attempt(newCall(), { 'X-Trace-ID': 'caller-set' });
    await createTraceIdHandler({ value: 'ours' })(kept);
    expect(kept.request.headers).to.include({ 'X-Trace-ID': 'caller-set' });
    expect(kept.request.headers).not.to.have.property('x-trace-id');

    const replaced = attempt(newCall(), { 'X-Trace-ID': 'caller-set' });
    await createTraceIdHandler({ value: 'ours', overwrite: true })(replaced);
    expect(replaced.request.headers).to.include({ 'x-trace-id': 'ours' });
    expect(replaced.request.headers).not.to.have.property('X-Trace-ID');
  });

  it('format w3c writes a valid traceparent: same trace id, fresh parent id per attempt', async () => {
    const handler = createTraceIdHandler({ format: 'w3c' });
    const call = newCall();
    const first = attempt(call);
    const retry = attempt(call);
    await handler(first);
    await handler(retry);
    const [a, b] = [first, retry].map((p) => TRACEPARENT.exec(p.request.headers['traceparent']!));
    expect(a, 'traceparent of attempt 1').to.not.equal(null);
    expect(b, 'traceparent of attempt 2').to.not.equal(null);
    expect(a![1]).to.equal(b![1]);
    expect(a![1]).to.not.match(/^0+$/);
    expect(a![2]).to.not.match(/^0+$/);
    expect(a![2]).to.not.equal(b![2]);
    expect(a![3]).to.equal('01');
    expect(isTraceparent(first.request.headers['traceparent']!)).to.equal(true);
  });

  it('format w3c maps other ids onto trace ids and keeps a full traceparent', async () => {
    const uuid = '4BF92F35-77B3-4DA6-A3CE-929D0E0E4736';
    expect(await toW3cTraceId(uuid)).to.equal('4bf92f3577b34da6a3ce929d0e0e4736');
    const mapped = await toW3cTraceId('req-123');
    // the first 32 hex digits of SHA-256('req-123'), as any SHA-256 gives them
    expect(mapped).to.equal(createHash('sha256').update('req-123').digest('hex').slice(0, 32));
    expect(mapped).to.equal(await toW3cTraceId('req-123'));
    expect(mapped).to.not.equal(await toW3cTraceId('req-124'));
    expect(await toW3cTraceId('0'.repeat(32))).to.not.match(/^0+$/);

    const given = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const payload = attempt(newCall());
    await createTraceIdHandler({ format: 'w3c', value: given })(payload);
    expect(payload.request.headers['traceparent']).to.equal(given);

    const scoped = attempt(newCall());
    await withTraceId('req-123', () => createTraceIdHandler({ format: 'w3c', header: 'X-Traceparent' })(scoped));
    expect(scoped.request.headers['X-Traceparent']).to.match(new RegExp(`^00-${mapped}-[0-9a-f]{16}-01$`));
  });

  it('isTraceparent rejects all-zero ids and other versions', () => {
    expect(isTraceparent('00-00000000000000000000000000000000-b7ad6b7169203331-01')).to.equal(false);
    expect(isTraceparent('00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01')).to.equal(false);
    expect(isTraceparent('01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).to.equal(false);
    expect(isTraceparent('00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01')).to.equal(false);
  });

  it('a payload without a request is a TypeError naming the event', async () => {
    let error: unknown;
    try {
      await createTraceIdHandler()({ eventName: 'after-call.lambda.Invoke' } as unknown as TraceIdPayload);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.contain('after-call.lambda.Invoke');
  });
});

describe('trace-id: options (unit)', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['header', { header: 'bad header' }, /header/],
    ['header', { header: '' }, /header/],
    ['header', { header: 5 }, /header/],
    ['value', { value: '' }, /value/],
    ['value', { value: 'a\nb' }, /value/],
    ['value', { value: 7 }, /value/],
    ['format', { format: 'b3' }, /format/],
    ['overwrite', { overwrite: 'yes' }, /overwrite/],
    ['unknown', { headers: 'x-trace-id' }, /unknown option "headers"/],
    ['options', 'x-trace-id', /options must be an object/],
    ['options', null, /options must be an object/],
  ];
  for (const [name, options, message] of cases) {
    it(`createTraceIdHandler rejects a bad ${name}: ${JSON.stringify(options)}`, () => {
      expect(() => createTraceIdHandler(options as never)).to.throw(TypeError, message);
      expect(() => traceIdPlugin(options as never)).to.throw(TypeError, message);
    });
  }

  it('traceIdPlugin rejects bad events', () => {
    for (const events of [[], [''], 'before-sign', [3]]) {
      expect(() => traceIdPlugin({ events: events as never })).to.throw(TypeError, /events/);
    }
  });

  it('withTraceId rejects a bad id or fn', () => {
    expect(() => withTraceId('', () => 1)).to.throw(TypeError, /id/);
    expect(() => withTraceId('a\r\nb', () => 1)).to.throw(TypeError, /id/);
    expect(() => withTraceId(12 as never, () => 1)).to.throw(TypeError, /id/);
    expect(() => withTraceId('ok', 'fn' as never)).to.throw(TypeError, /fn must be a function/);
  });
});

describe('trace-id: plugin (unit)', () => {
  it('registers one handler on before-sign by default, named after its header', () => {
    const events = new AliasedEventEmitter();
    const plugin = traceIdPlugin();
    events.use(plugin);
    expect(plugin.name).to.equal('trace-id:x-trace-id');
    expect(events.handlersFor('before-sign.lambda.Invoke')).to.have.length(1);
    expect(events.handlersFor('before-sign.s3.PutObject')).to.have.length(1);
    expect(events.handlersFor('before-send.s3.PutObject')).to.have.length(0);
    expect(traceIdPlugin({ format: 'w3c' }).name).to.equal('trace-id:traceparent');
  });

  it('registers one shared handler on the given events', async () => {
    const events = new AliasedEventEmitter();
    events.use(traceIdPlugin({ events: ['before-sign.lambda', 'request-created.s3.PutObject'], value: 'v' }));
    const [lambdaHandler] = events.handlersFor('before-sign.lambda.Invoke');
    expect(events.handlersFor('request-created.s3.PutObject')).to.deep.equal([lambdaHandler]);
    expect(events.handlersFor('before-sign.s3.PutObject')).to.have.length(0);
    const payload = attempt(newCall());
    await events.emit('before-sign.lambda.Invoke', payload);
    expect(payload.request.headers['x-trace-id']).to.equal('v');
  });
});
