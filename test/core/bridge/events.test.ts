import { expect } from 'chai';
import { InvokeCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { HttpResponse } from '@smithy/protocol-http';
import { eventsOf, UNSIGNED } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { lambdaClient } from '../../helpers/clients.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const invoke = (payload = '{"n":1}', extra = {}) => new InvokeCommand({ FunctionName: 'probe', Payload: utf8(payload), ...extra });

describe('bridge: what each event does', () => {
  const inspector = useInspector();

  const client = () => lambdaClient(inspector.url);
  const onlyRecord = () => {
    expect(inspector.records).to.have.length(1);
    const [record] = inspector.records;
    expect(record!.problems).to.deep.equal([]);
    return record!;
  };

  it('provide-client-params: a response replaces the input; the caller\'s input is left as it was', async () => {
    const lambda = client();
    eventsOf(lambda).register('provide-client-params.lambda.Invoke', ({ params }) => ({ ...params, Payload: utf8('{"n":2}') }));
    const command = invoke('{"n":1}');
    const output = await lambda.send(command);
    expect(text(onlyRecord().decodedBody)).to.equal('{"n":2}');
    expect(text(output.Payload)).to.equal('{"n":2}');
    expect(text(command.input.Payload as Uint8Array)).to.equal('{"n":1}');
  });

  it('before-parameter-build: params can be mutated; payload carries model and context', async () => {
    const lambda = client();
    let seen: any;
    eventsOf(lambda).register('before-parameter-build.lambda', (payload) => {
      seen = payload;
      payload.params.Qualifier = 'v7';
    });
    await lambda.send(invoke());
    expect(onlyRecord().query.Qualifier).to.equal('v7');
    expect(seen.eventName).to.equal('before-parameter-build.lambda.Invoke');
    expect(seen.model).to.include({ name: 'Invoke', serviceId: 'Lambda', serviceIdHyphenized: 'lambda' });
    expect(seen.context.commandName).to.equal('InvokeCommand');
  });

  it('before-call: sees params and the serialized request; a response is the output and nothing is sent', async () => {
    const lambda = client();
    let seen: any;
    eventsOf(lambda).register('before-call.lambda.Invoke', (payload) => {
      seen = payload;
      return { StatusCode: 299, $metadata: {} };
    });
    const output = await lambda.send(invoke());
    expect(output.StatusCode).to.equal(299);
    expect(inspector.records).to.have.length(0);
    expect(seen.params.FunctionName).to.equal('probe');
    expect(seen.request.path).to.equal('/2015-03-31/functions/probe/invocations');
  });

  it('request-created and before-sign: changes to the request are sent and signed', async () => {
    const lambda = client();
    const events = eventsOf(lambda);
    let signing: any;
    events.register('request-created.lambda.Invoke', ({ request, operationName }) => {
      request.headers['x-created'] = operationName;
    });
    events.register('before-sign.lambda.Invoke', (payload) => {
      signing = payload;
      payload.request.headers['x-signed'] = 'yes';
    });
    await lambda.send(invoke());
    const record = onlyRecord();
    expect(record.headers).to.include({ 'x-created': 'Invoke', 'x-signed': 'yes' });
    expect(record.signature.valid).to.equal(true);
    expect(record.signature.signedHeaders).to.include.members(['x-created', 'x-signed']);
    expect(signing).to.include({ signingName: 'lambda', regionName: 'us-east-1', signatureVersion: 'v4', operationName: 'Invoke' });
  });

  it('choose-signer: UNSIGNED sends the attempt unsigned, and before-sign sees it', async () => {
    const lambda = client();
    const events = eventsOf(lambda);
    let version: unknown;
    events.register('choose-signer.lambda.Invoke', ({ signatureVersion }) => (signatureVersion === 'v4' ? UNSIGNED : undefined));
    events.register('before-sign.lambda.Invoke', ({ signatureVersion }) => {
      version = signatureVersion;
    });
    await lambda.send(invoke());
    const record = onlyRecord();
    expect(record.signature.present).to.equal(false);
    expect(record.headers).not.to.have.property('authorization');
    expect(record.headers).not.to.have.property('x-amz-date');
    expect(version).to.equal(UNSIGNED);
  });

  it('before-send: sees the signed request; an HttpResponse or a plain object is the response, nothing goes on the network', async () => {
    const lambda = client();
    const events = eventsOf(lambda);
    let authorization: string | undefined;
    const respond = ({ request }: { request: { headers: Record<string, string> } }) => {
      authorization = request.headers['authorization'];
      return new HttpResponse({ statusCode: 200, headers: { 'x-amz-executed-version': '9' }, body: utf8('"from-handler"') });
    };
    events.register('before-send.lambda.Invoke', respond);
    const output = await lambda.send(invoke());
    expect(inspector.records).to.have.length(0);
    expect(authorization).to.match(/^AWS4-HMAC-SHA256 Credential=/);
    expect(output.ExecutedVersion).to.equal('9');
    expect(text(output.Payload)).to.equal('"from-handler"');

    events.unregister('before-send.lambda.Invoke', respond);
    events.register('before-send.lambda', () => ({ statusCode: 200, headers: { 'x-amz-executed-version': '3' }, body: 'plain' }));
    const plain = await lambda.send(invoke());
    expect(plain.ExecutedVersion).to.equal('3');
    expect(text(plain.Payload)).to.equal('plain');
  });

  it('before-send: a response of the wrong shape is a TypeError naming the event', async () => {
    const lambda = client();
    // @ts-expect-error: the types reject this response too; the run-time check is for untyped callers
    eventsOf(lambda).register('before-send', () => ({ status: 200 }));
    const error = await lambda.send(invoke()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.contain('before-send.lambda.Invoke');
    expect(inspector.records).to.have.length(0);
  });

  it('before-call and before-send: the first response stands, after handlers that gave none, sync or async; later ones do not run', async () => {
    const lambda = client();
    const events = eventsOf(lambda);
    const ran: string[] = [];
    const none = (label: string, value: null | undefined) => async () => {
      ran.push(label);
      return value;
    };
    events.register('before-send.lambda.Invoke', none('send: async null', null));
    events.register('before-send.lambda.Invoke', () => void ran.push('send: sync undefined'));
    events.register('before-send.lambda.Invoke', async () => {
      ran.push('send: answers');
      return { statusCode: 200, headers: { 'x-amz-executed-version': '5' }, body: 'answered' };
    });
    events.register('before-send.lambda.Invoke', () => void ran.push('send: after the answer'));
    const sent = await lambda.send(invoke());
    expect(sent.ExecutedVersion).to.equal('5');
    expect(inspector.records).to.have.length(0);
    expect(ran).to.deep.equal(['send: async null', 'send: sync undefined', 'send: answers']);

    ran.length = 0;
    events.register('before-call.lambda.Invoke', () => {
      ran.push('call: sync null');
      return null;
    });
    events.register('before-call.lambda.Invoke', none('call: async undefined', undefined));
    events.register('before-call.lambda.Invoke', () => {
      ran.push('call: answers');
      return { StatusCode: 201, $metadata: {} };
    });
    events.register('before-call.lambda.Invoke', () => void ran.push('call: after the answer'));
    const called = await lambda.send(invoke());
    expect(called.StatusCode).to.equal(201);
    expect(ran).to.deep.equal(['call: sync null', 'call: async undefined', 'call: answers']);
  });

  it('before-parse: the raw response can be changed before the SDK parses it', async () => {
    const lambda = client();
    eventsOf(lambda).register('before-parse.lambda.Invoke', ({ response }) => {
      response.headers['x-amz-executed-version'] = 'patched';
    });
    const output = await lambda.send(invoke());
    expect(output.ExecutedVersion).to.equal('patched');
  });

  it('response-received and needs-retry: a number retries after that many seconds, each from the request as serialized', async () => {
    const lambda = client();
    const events = eventsOf(lambda);
    const received: any[] = [];
    const asked: number[] = [];
    events.register('response-received.lambda.Invoke', ({ response, parsed, exception }) => {
      received.push({ status: response?.statusCode, parsed: parsed?.StatusCode, exception });
    });
    events.register('needs-retry.lambda.Invoke', ({ attempts }) => {
      asked.push(attempts);
      return attempts < 3 ? 0.01 : null;
    });
    events.register('before-sign.lambda.Invoke', ({ request }) => {
      request.headers['x-trail'] = request.headers['x-trail'] ? `${request.headers['x-trail']},a` : 'a';
    });
    await lambda.send(invoke());
    expect(asked).to.deep.equal([1, 2, 3]);
    expect(received.map((r) => r.status)).to.deep.equal([200, 200, 200]);
    expect(received[0].parsed).to.equal(200);
    expect(inspector.records).to.have.length(3);
    for (const record of inspector.records) {
      expect(record.problems).to.deep.equal([]);
      expect(record.headers['x-trail']).to.equal('a');
    }
  });

  it('needs-retry: a response that is not a number is a TypeError naming the event', async () => {
    const lambda = client();
    // @ts-expect-error: the types reject this response too; the run-time check is for untyped callers
    eventsOf(lambda).register('needs-retry', () => 'soon');
    const error = await lambda.send(invoke()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.contain('needs-retry.lambda.Invoke');
  });

  it('SDK retries start each attempt from the request as serialized', async () => {
    const lambda = client();
    eventsOf(lambda).register('before-sign.lambda.Invoke', ({ request }) => {
      request.headers['x-trail'] = request.headers['x-trail'] ? `${request.headers['x-trail']},a` : 'a';
      request.body = utf8(`${text(request.body)}!`);
      request.headers['content-length'] = String(request.body.byteLength);
    });
    inspector.failNext(1, { status: 500, code: 'ServiceException' });
    await lambda.send(invoke('{"n":1}'));
    expect(inspector.records).to.have.length(2);
    for (const record of inspector.records) {
      expect(record.problems).to.deep.equal([]);
      expect(record.headers['x-trail']).to.equal('a');
      expect(text(record.decodedBody)).to.equal('{"n":1}!');
    }
    // The SDK's retry middleware updates its own request between attempts: each attempt carries that update.
    expect(inspector.records.map((r) => r.headers['amz-sdk-request'])).to.deep.equal(['attempt=1; max=3', 'attempt=2; max=3']);
  });

  it('a retry undoes whatever the failed attempt\'s handlers did: replaced headers, query edits, new fields', async () => {
    const lambda = client();
    const seen: unknown[] = [];
    eventsOf(lambda).register('before-sign.lambda.Invoke', ({ request }) => {
      seen.push({ trail: request.headers['x-trail'], query: { ...request.query }, extra: (request as any).extra });
      request.headers = { ...request.headers, 'x-trail': 'replaced' };
      request.query['Qualifier'] = 'edited';
      (request as any).extra = 'added';
    });
    inspector.failNext(1, { status: 500, code: 'ServiceException' });
    await lambda.send(invoke());
    expect(seen).to.deep.equal([
      { trail: undefined, query: {}, extra: undefined },
      { trail: undefined, query: {}, extra: undefined },
    ]);
    expect(inspector.records.map((r) => [r.problems, r.headers['x-trail'], r.url.includes('Qualifier=edited')])).to.deep.equal([
      [[], 'replaced', true],
      [[], 'replaced', true],
    ]);
  });

  it('a retry undoes in-place edits of a multi-value query parameter', async () => {
    const lambda = client();
    const events = eventsOf(lambda);
    const seen: unknown[] = [];
    // before-call runs once, before the attempts: the request each attempt starts from has the array.
    events.register('before-call.lambda.Invoke', ({ request }) => {
      request.query['tag'] = ['a', 'b'];
    });
    events.register('before-sign.lambda.Invoke', ({ request }) => {
      const tags = request.query['tag'] as string[];
      seen.push([...tags]);
      tags.push('added');
    });
    inspector.failNext(1, { status: 500, code: 'ServiceException' });
    await lambda.send(invoke());
    expect(seen).to.deep.equal([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(inspector.records.map((r) => r.problems)).to.deep.equal([[], []]);
  });

  for (const needsRetry of [false, true]) {
    // With a needs-retry handler listening, the attempt middleware loops itself instead of returning one attempt.
    it(`a handler that fails an attempt with a retryable error: the SDK's retry starts from the request as serialized (needs-retry listening: ${needsRetry})`, async () => {
      const lambda = client();
      const events = eventsOf(lambda);
      const trails: unknown[] = [];
      if (needsRetry) events.register('needs-retry.lambda.Invoke', () => null);
      events.register('before-sign.lambda.Invoke', ({ request }) => {
        trails.push(request.headers['x-trail']);
        request.headers['x-trail'] = 'a';
        // The SDK retries an error marked $retryable; the handler throws it synchronously, before anything is sent.
        if (trails.length === 1) throw Object.assign(new Error('try again'), { name: 'Throttled', $retryable: { throttling: false } });
      });
      await lambda.send(invoke());
      expect(trails).to.deep.equal([undefined, undefined]);
      expect(inspector.records).to.have.length(1);
      expect(inspector.records[0]!.headers['x-trail']).to.equal('a');
    });
  }

  it('a handler that replaces the body as boto3 handlers do (no content-length) still sends a valid request', async () => {
    const lambda = client();
    eventsOf(lambda).register('before-sign.lambda.Invoke', ({ request }) => {
      request.body = utf8('{"replaced":"by a longer body than before"}'); // botocore: request.data = …
    });
    await lambda.send(invoke('{"n":1}'));
    const record = onlyRecord();
    expect(text(record.decodedBody)).to.equal('{"replaced":"by a longer body than before"}');
    expect(record.contentLength).to.deep.equal({ header: 43, valid: true });
  });

  it('after-call: the output can be changed; after-call-error: sees the error, the caller still gets it', async () => {
    const lambda = client();
    const events = eventsOf(lambda);
    let failure: unknown;
    events.register('after-call.lambda.Invoke', ({ parsed, response }) => {
      parsed.FunctionError = `seen ${response?.statusCode}`;
    });
    events.register('after-call-error.lambda', ({ exception }) => {
      failure = exception;
    });
    const output = await lambda.send(invoke());
    expect(output.FunctionError).to.equal('seen 200');

    inspector.failNext(1, { status: 400, code: 'InvalidParameterValueException', message: 'nope' });
    const error = await lambda.send(invoke()).catch((e: unknown) => e);
    expect((error as Error).name).to.equal('InvalidParameterValueException');
    expect(failure).to.equal(error);
  });

  it('a handler that throws fails the call with that error, and nothing is sent', async () => {
    const lambda = client();
    const boom = new Error('boom');
    eventsOf(lambda).register('before-sign', async () => {
      throw boom;
    });
    const error = await lambda.send(invoke()).catch((e: unknown) => e);
    expect(error).to.equal(boom);
    expect(inspector.records).to.have.length(0);
  });

  const failing = [
    ['before-parameter-build', 0],
    ['request-created', 0],
    ['before-sign', 0],
    ['before-parse', 1],
    ['after-call', 1],
  ] as const;
  for (const [type, sent] of failing) {
    for (const how of ['throws', 'rejects'] as const) {
      it(`${type}: a handler that ${how} fails the call with its error; later handlers do not run`, async () => {
        const lambda = client();
        const boom = new Error(`boom in ${type}`);
        const events = eventsOf(lambda);
        const later: string[] = [];
        events.register(type, how === 'throws' ? () => { throw boom; } : async () => { throw boom; });
        events.register(type, () => void later.push(type));
        const error = await lambda.send(invoke()).catch((e: unknown) => e);
        expect(error).to.equal(boom);
        expect(later).to.deep.equal([]);
        expect(inspector.records).to.have.length(sent);
      });
    }
  }

  it('events carry the operation of the call: one registration per operation', async () => {
    const lambda = client();
    const names: string[] = [];
    eventsOf(lambda).register('before-send.lambda', ({ eventName }) => {
      names.push(eventName);
    });
    await lambda.send(invoke());
    await lambda.send(new GetFunctionCommand({ FunctionName: 'probe' })).catch(() => {});
    expect(names).to.deep.equal(['before-send.lambda.Invoke', 'before-send.lambda.GetFunction']);
  });
});
