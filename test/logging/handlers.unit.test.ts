import { expect } from 'chai';
import { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { AliasedEventEmitter, type CallContext } from '@sdk-events/core';
import { createLoggingHandlers, loggingPlugin, REDACTED, type LoggingOptions } from '@sdk-events/logging';
import { memoryLogger } from './memory-logger.js';

const model = { name: 'Invoke', serviceId: 'Lambda', serviceIdHyphenized: 'lambda' };

/** Emits one call's lifecycle events as the bridge does, with the given attempt statuses. */
async function simulateCall(events: AliasedEventEmitter, statuses: number[], extra: { params?: Record<string, unknown>; context?: Partial<CallContext> } = {}) {
  const context = { ...extra.context } as CallContext;
  const name = (type: string) => `${type}.lambda.Invoke`;
  const params = extra.params ?? { FunctionName: 'f' };
  await events.emit(name('before-parameter-build'), { params, model, context });
  const request = () =>
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4010,
      path: '/2015-03-31/functions/f/invocations',
      headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=AKIDUNIT/x, Signature=deadbeefcafe' },
      body: '{"a":1}',
    });
  await events.emit(name('before-call'), { params, request: request(), model, context });
  let exception: unknown;
  for (const [index, status] of statuses.entries()) {
    await events.emit(name('before-send'), { request: request(), context });
    const response = new HttpResponse({ statusCode: status, headers: { 'x-amzn-requestid': `req-${index + 1}` } });
    exception = status >= 400 ? Object.assign(new Error('try later'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: status } }) : undefined;
    const parsed = exception ? undefined : { $metadata: { httpStatusCode: status, requestId: `req-${index + 1}` }, StatusCode: 200 };
    await events.emit(name('response-received'), { response, parsed, exception, context });
    await events.emit(name('needs-retry'), { response, parsed, exception, attempts: index + 1, model, context });
    if (!exception) {
      await events.emit(name('after-call'), { response, parsed, model, context });
      return;
    }
  }
  await events.emit(name('after-call-error'), { exception, model, context });
}

function setup(options: LoggingOptions = {}) {
  const logger = memoryLogger();
  const events = new AliasedEventEmitter();
  events.use(loggingPlugin({ logger, ...options }));
  return { logger, events };
}

describe('logging: lines and levels (unit, lifecycle events emitted by hand)', () => {
  it('a successful call: one attempt line at debug, one call line at info', async () => {
    const { logger, events } = setup({ level: 'debug' });
    await simulateCall(events, [200]);
    expect(logger.calls.map((c) => c.level)).to.deep.equal(['debug', 'info']);
    const [attempt, call] = logger.calls.map((c) => c.args[0] as string);
    expect(attempt).to.match(/^sdk-events attempt service=lambda operation=Invoke attempt=1 method=POST host=127\.0\.0\.1:4010 path=\/2015-03-31\/functions\/f\/invocations bodyBytes=7 status=200 requestId=req-1 durationMs=[\d.]+$/);
    expect(call).to.match(/^sdk-events call service=lambda operation=Invoke outcome=success status=200 attempts=1 durationMs=[\d.]+ requestId=req-1$/);
  });

  it('retries: failed attempts that were retried at warn, the last failed one at debug, the failed call at error', async () => {
    const { logger, events } = setup({ level: 'debug' });
    await simulateCall(events, [503, 503, 503]);
    expect(logger.calls.map((c) => c.level)).to.deep.equal(['warn', 'warn', 'debug', 'error']);
    const lines = logger.calls.map((c) => c.args[0] as string);
    expect(lines[0]).to.contain('attempt=1').and.contain('status=503').and.contain('error=ServiceUnavailable').and.contain('retrying=true');
    expect(lines[2]).to.contain('attempt=3').and.not.contain('retrying');
    expect(lines[3]).to.match(/^sdk-events call service=lambda operation=Invoke outcome=error status=503 attempts=3 .*error=ServiceUnavailable errorMessage="try later"/);
  });

  it('a retry that succeeds: warn, debug, info', async () => {
    const { logger, events } = setup({ level: 'debug' });
    await simulateCall(events, [500, 200]);
    expect(logger.calls.map((c) => c.level)).to.deep.equal(['warn', 'debug', 'info']);
    expect(logger.calls[2]!.args[0]).to.contain('attempts=2').and.contain('requestId=req-2');
  });

  it('level filters lines: info shows calls and retried failures, error only failed calls', async () => {
    const info = setup();
    await simulateCall(info.events, [500, 200]);
    await simulateCall(info.events, [200]);
    expect(info.logger.calls.map((c) => c.level)).to.deep.equal(['warn', 'info', 'info']);
    const error = setup({ level: 'error' });
    await simulateCall(error.events, [500, 200]);
    await simulateCall(error.events, [400]);
    expect(error.logger.calls.map((c) => c.level)).to.deep.equal(['error']);
  });

  it('structured: one object per line, with the message second', async () => {
    const { logger, events } = setup({ level: 'debug', structured: true });
    await simulateCall(events, [200]);
    expect(logger.calls.map((c) => c.args[1])).to.deep.equal(['sdk-events attempt', 'sdk-events call']);
    expect(logger.calls[1]!.args[0]).to.deep.include({ kind: 'call', service: 'lambda', operation: 'Invoke', outcome: 'success', status: 200, attempts: 1, requestId: 'req-1' });
  });

  it('headers option: request headers redacted; the signature never appears', async () => {
    const { logger, events } = setup({ level: 'debug', structured: true, headers: true });
    await simulateCall(events, [200]);
    const attempt = logger.calls[0]!.args[0] as { requestHeaders: Record<string, string> };
    expect(attempt.requestHeaders).to.deep.equal({ 'content-type': 'application/json', authorization: REDACTED });
    expect(logger.text()).to.not.contain('deadbeefcafe').and.not.contain('AKIDUNIT');
  });

  it('params option: input and output through the SDK filter from the context; hidden values scrubbed everywhere', async () => {
    const { logger, events } = setup({ level: 'debug', structured: true, params: true });
    const inputFilterSensitiveLog = (input: Record<string, unknown>) => ({ ...input, Secret: '***SensitiveInformation***' });
    const outputFilterSensitiveLog = (output: Record<string, unknown>) => output;
    await simulateCall(events, [200], {
      params: { FunctionName: 'f', Secret: 'top-secret-value', Note: 'contains top-secret-value inside' },
      context: { inputFilterSensitiveLog, outputFilterSensitiveLog } as Partial<CallContext>,
    });
    const call = logger.calls[1]!.args[0] as { input: unknown; output: unknown };
    expect(call.input).to.deep.equal({ FunctionName: 'f', Secret: '***SensitiveInformation***', Note: `contains ${REDACTED} inside` });
    expect(call.output).to.deep.equal({ StatusCode: 200 });
    expect(logger.text()).to.not.contain('top-secret-value');
  });

  it('params option without an SDK filter logs no params', async () => {
    const { logger, events } = setup({ level: 'info', structured: true, params: true });
    await simulateCall(events, [200], { params: { FunctionName: 'f', Secret: 'unfiltered-secret' } });
    expect(logger.text()).to.not.contain('unfiltered-secret');
    expect((logger.calls[0]!.args[0] as { input: unknown }).input).to.match(/unavailable/);
  });

  it('createLoggingHandlers gives the same handlers to register by hand', async () => {
    const logger = memoryLogger();
    const events = new AliasedEventEmitter();
    const handlers = createLoggingHandlers({ logger, level: 'debug' });
    expect(Object.keys(handlers)).to.have.members([
      'before-parameter-build', 'before-call', 'before-send', 'response-received', 'needs-retry', 'after-call', 'after-call-error',
    ]);
    for (const [type, handler] of Object.entries(handlers)) events.register(`${type}.lambda`, handler);
    await simulateCall(events, [200]);
    expect(logger.calls.map((c) => c.level)).to.deep.equal(['debug', 'info']);
  });
});

describe('logging: options (unit)', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ logger: {} }, /logger/],
    [{ logger: { info() {} } }, /logger/],
    [{ level: 'verbose' }, /level/],
    [{ structured: 'yes' }, /structured/],
    [{ headers: 1 }, /headers/],
    [{ params: 'all' }, /params/],
    [{ redactHeaders: 'x-a' }, /redactHeaders/],
    [{ redactQuery: [''] }, /redactQuery/],
    [{ levels: 'debug' }, /unknown option "levels"/],
    [null, /options must be an object/],
  ];
  for (const [options, message] of cases) {
    it(`rejects ${JSON.stringify(options)}`, () => {
      expect(() => loggingPlugin(options as never)).to.throw(TypeError, message);
      expect(() => createLoggingHandlers(options as never)).to.throw(TypeError, message);
    });
  }
});
