// Every failure is an after-call-error; responses of the wrong kind are TypeErrors; needs-retry is honest.
import { expect } from 'chai';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { eventsOf, LIFECYCLE_EVENT_TYPES } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { lambdaClient, TEST_CREDENTIALS } from '../../helpers/clients.js';

const invoke = () => new InvokeCommand({ FunctionName: 'probe', Payload: new TextEncoder().encode('{}') });
const failureOf = (promise: Promise<unknown>) => promise.then(
  () => expect.fail('the call succeeded'),
  (error: unknown) => error,
);

describe('bridge: failures and responses of the wrong kind', () => {
  const inspector = useInspector();

  const failing = LIFECYCLE_EVENT_TYPES.filter((type) => type !== 'after-call-error');
  for (const type of failing) {
    it(`a handler that throws in ${type}: the caller gets its error and after-call-error sees it, once`, async () => {
      const lambda = lambdaClient(inspector.url, { maxAttempts: 1 });
      const events = eventsOf(lambda);
      const thrown = new Error(`thrown in ${type}`);
      events.register(`${type}.lambda.Invoke`, () => {
        throw thrown;
      });
      const seen: unknown[] = [];
      events.register('after-call-error.lambda', ({ exception }) => void seen.push(exception));
      expect(await failureOf(lambda.send(invoke()))).to.equal(thrown);
      expect(seen).to.deep.equal([thrown]);
    });
  }

  it('throw undefined reaches the caller as an Error naming the event', async () => {
    const lambda = lambdaClient(inspector.url, { maxAttempts: 1 });
    eventsOf(lambda).register('before-sign.lambda.Invoke', () => {
      throw undefined; // eslint-disable-line no-throw-literal
    });
    const error = await failureOf(lambda.send(invoke()));
    expect(error).to.be.instanceOf(Error).with.property('message').that.matches(/^before-sign\.lambda\.Invoke: a handler threw undefined, not an Error/);
    expect(inspector.records).to.have.length(0);
  });

  it('provide-client-params returning a non-object is a TypeError naming the event; nothing is sent', async () => {
    const lambda = lambdaClient(inspector.url);
    eventsOf(lambda).register('provide-client-params.lambda.Invoke', () => 'FunctionName=probe');
    const error = await failureOf(lambda.send(invoke()));
    expect(error).to.be.instanceOf(TypeError).with.property('message').that.matches(/^provide-client-params\.lambda\.Invoke: a handler returned "FunctionName=probe"/);
    expect(inspector.records).to.have.length(0);
  });

  it('needs-retry: a delay too large for a timer is a TypeError naming the event', async () => {
    const lambda = lambdaClient(inspector.url, { maxAttempts: 1 });
    eventsOf(lambda).register('needs-retry.lambda.Invoke', () => 1e9);
    const error = await failureOf(lambda.send(invoke()));
    expect(error).to.be.instanceOf(TypeError).with.property('message').that.matches(/^needs-retry\.lambda\.Invoke: a handler returned number 1000000000/);
    expect(inspector.records).to.have.length(1);
  });

  it("needs-retry: the call's abortSignal cuts the wait short", async function () {
    // The handler asks for an hour: only the abort can end this test within mocha's timeout.
    this.timeout(5000);
    const lambda = lambdaClient(inspector.url);
    eventsOf(lambda).register('needs-retry.lambda.Invoke', ({ attempts }) => (attempts === 1 ? 3600 : undefined));
    const controller = new AbortController();
    eventsOf(lambda).register('response-received.lambda.Invoke', () => void setTimeout(() => controller.abort(), 10));
    const error = await failureOf(lambda.send(invoke(), { abortSignal: controller.signal }));
    expect(error).to.have.property('name', 'AbortError');
    expect(inspector.records).to.have.length(1);
  });

  it('attempts counts every request, and $metadata.attempts is the number of requests sent (the README\'s retry handler against a persistent 500)', async () => {
    const lambda = lambdaClient(inspector.url, { maxAttempts: 3 });
    const counted: number[] = [];
    eventsOf(lambda).register('needs-retry.lambda.Invoke', ({ attempts, exception }) => {
      counted.push(attempts);
      return exception && attempts < 5 ? 0.001 : undefined;
    });
    inspector.failNext(100, { status: 500, code: 'ServiceException' });
    const error: any = await failureOf(lambda.send(invoke()));
    const sent = inspector.records.length;
    expect(sent).to.be.greaterThan(5);
    expect(counted).to.deep.equal(Array.from({ length: sent }, (_, i) => i + 1));
    expect(error.$metadata.attempts).to.equal(sent);
  });

  it('a successful call after needs-retry retries reports every request in $metadata.attempts', async () => {
    const lambda = lambdaClient(inspector.url, { maxAttempts: 1 });
    eventsOf(lambda).register('needs-retry.lambda.Invoke', ({ attempts }) => (attempts < 3 ? 0 : undefined));
    const output = await lambda.send(invoke());
    expect(inspector.records).to.have.length(3);
    expect(output.$metadata.attempts).to.equal(3);
  });

  it('a before-call output is the call\'s output with $metadata, and no check meant for real responses rejects it (SQS MD5)', async () => {
    const sqs = new SQSClient({ region: 'us-east-1', endpoint: inspector.url, credentials: TEST_CREDENTIALS });
    let afterCall: unknown;
    eventsOf(sqs).register('before-call.sqs.SendMessage', () => ({ MessageId: 'stubbed', MD5OfMessageBody: 'not the md5' }));
    eventsOf(sqs).register('after-call.sqs.SendMessage', ({ parsed }) => void (afterCall = parsed));
    const output = await sqs.send(new SendMessageCommand({ QueueUrl: `${inspector.url}/123456789012/queue`, MessageBody: 'hello' }));
    expect(output).to.deep.equal({ MessageId: 'stubbed', MD5OfMessageBody: 'not the md5', $metadata: { httpStatusCode: 200, attempts: 0, totalRetryDelay: 0 } });
    expect(afterCall).to.equal(output);
    expect(inspector.records).to.have.length(0);
  });

  it('a canned before-send answer whose body never ends fails with the client\'s request timeout', async function () {
    this.timeout(5000);
    const lambda = lambdaClient(inspector.url, { maxAttempts: 1, requestHandler: { requestTimeout: 100 } });
    eventsOf(lambda).register('before-send.lambda.Invoke', () => ({
      statusCode: 200,
      body: new ReadableStream({ pull: () => new Promise(() => {}) }),
    }));
    const error = await failureOf(lambda.send(invoke()));
    expect(error).to.have.property('name', 'TimeoutError');
    expect((error as Error).message).to.match(/requestTimeout \(100 ms\)/);
  });
});
