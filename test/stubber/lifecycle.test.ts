import { expect } from 'chai';
import { CloudWatchClient, ListMetricsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AliasedEventEmitter, attachEvents } from '@sdk-events/core';
import { Stubber, UnStubbedResponseError } from '@sdk-events/stubber';
import { cloudWatchClient } from '../helpers/clients.js';
import { useInspector } from '../helpers/inspector.js';

const listMetrics = () => new ListMetricsCommand({ Namespace: 'App' });

describe('stubber: activation, disposal, calls and pending responses', () => {
  const inspector = useInspector();

  it('only an active stubber answers: before activate() and after deactivate() calls go to the service', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw);
    stubber.addResponse(ListMetricsCommand, { NextToken: 'stubbed' });
    expect((await cw.send(listMetrics())).NextToken).to.equal(undefined);
    expect(inspector.records).to.have.length(1);

    expect(stubber.activate()).to.equal(stubber);
    expect(stubber.activate(), 'activating twice changes nothing').to.equal(stubber);
    expect((await cw.send(listMetrics())).NextToken).to.equal('stubbed');
    expect(inspector.records).to.have.length(1);

    stubber.deactivate();
    stubber.deactivate();
    await cw.send(listMetrics());
    expect(inspector.records).to.have.length(2);
    expect(stubber.calls, 'calls made while active only').to.deep.equal([{ operation: 'ListMetrics', params: { Namespace: 'App' } }]);
  });

  it('`using` deactivates at the end of the scope (Symbol.dispose), as leaving botocore\'s `with` block does', async () => {
    const cw = cloudWatchClient(inspector.url);
    {
      using stubber = new Stubber(cw).activate();
      stubber.addResponse(ListMetricsCommand, { NextToken: 'inside' });
      expect((await cw.send(listMetrics())).NextToken).to.equal('inside');
    }
    await cw.send(listMetrics());
    expect(inspector.records).to.have.length(1);
    expect(typeof Symbol.dispose).to.equal('symbol');
    expect(Stubber.prototype).to.have.property(Symbol.dispose as symbol).that.is.a('function');
  });

  it('calls: every call made while active, in order, with its operation and params, failed ones included', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addResponse('ListMetrics', {});
    stubber.addResponse('PutMetricData', {});
    await cw.send(listMetrics());
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 2 }] }));
    await cw.send(listMetrics()).catch(() => undefined);
    expect(stubber.calls).to.deep.equal([
      { operation: 'ListMetrics', params: { Namespace: 'App' } },
      { operation: 'PutMetricData', params: { Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 2 }] } },
      { operation: 'ListMetrics', params: { Namespace: 'App' } },
    ]);
    expect(() => ((stubber.calls as unknown[]).length = 0), 'a copy').not.to.throw();
    expect(stubber.calls).to.have.length(3);
  });

  it('assertNoPendingResponses: passes when every stub was used, else names the ones left', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.assertNoPendingResponses();
    stubber.addResponse('ListMetrics', {}).addResponse('PutMetricData', {}).addHttpResponse('PutMetricData', { statusCode: 200, body: '{}' });
    await cw.send(listMetrics());
    let failure: Error | undefined;
    try {
      stubber.assertNoPendingResponses();
    } catch (error) {
      failure = error as Error;
    }
    expect(failure?.name).to.equal('AssertionError');
    expect(failure?.message).to.equal('2 responses remaining in queue: PutMetricData, PutMetricData.');
  });

  it('one active stubber per client: a second one is an error until the first is deactivated', () => {
    const cw = cloudWatchClient(inspector.url);
    const first = new Stubber(cw).activate();
    const second = new Stubber(cw);
    expect(() => second.activate()).to.throw(Error, 'Stubber.activate: another Stubber is already active on this client');
    first.deactivate();
    expect(second.activate()).to.equal(second);
  });

  it("stubs one client only: another client of the same service keeps going to the service", async () => {
    const stubbed = cloudWatchClient(inspector.url);
    const other = cloudWatchClient(inspector.url);
    new Stubber(stubbed).activate();
    await other.send(listMetrics());
    expect(inspector.records).to.have.length(1);
    expect(await stubbed.send(listMetrics()).catch((e) => e)).to.be.instanceOf(UnStubbedResponseError);
  });

  it('registers on the emitter the client has when activated, one given by attachEvents included', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw);
    const shared = attachEvents(cw, new AliasedEventEmitter());
    stubber.activate().addResponse(ListMetricsCommand, { NextToken: 'on the attached emitter' });
    expect(shared.handlersFor('before-call.cloudwatch.ListMetrics')).to.have.length(1);
    expect((await cw.send(listMetrics())).NextToken).to.equal('on the attached emitter');
    stubber.deactivate();
    expect(shared.handlersFor('before-call.cloudwatch.ListMetrics')).to.have.length(0);
  });

  it('clients sharing one emitter (attachEvents) each have their own stubber and queue', async () => {
    const [first, second] = [cloudWatchClient(inspector.url), cloudWatchClient(inspector.url)];
    const events = new AliasedEventEmitter();
    attachEvents(first, events);
    attachEvents(second, events);
    new Stubber(first).activate().addResponse(ListMetricsCommand, { NextToken: 'first' });
    new Stubber(second).activate().addResponse(ListMetricsCommand, { NextToken: 'second' });
    expect((await second.send(listMetrics())).NextToken).to.equal('second');
    expect((await first.send(listMetrics())).NextToken).to.equal('first');
  });

  it('with cacheMiddleware: activation and deactivation take effect from the next call', async () => {
    const cw = cloudWatchClient(inspector.url, { cacheMiddleware: true });
    await cw.send(listMetrics());
    const stubber = new Stubber(cw).activate();
    stubber.addResponse(ListMetricsCommand, { NextToken: 'cached stack' });
    expect((await cw.send(listMetrics())).NextToken).to.equal('cached stack');
    stubber.deactivate();
    await cw.send(listMetrics());
    expect(inspector.records).to.have.length(2);
    stubber.activate().addHttpResponse(ListMetricsCommand, { statusCode: 200, body: '{"NextToken":"over http"}' });
    expect((await cw.send(listMetrics())).NextToken).to.equal('over http');
    expect(inspector.records).to.have.length(2);
  });

  describe('output and error stubs need no credentials', () => {
    const noCredentials = async () => {
      throw new Error('no credentials in this test');
    };

    it('CloudWatch and S3 clients whose credential provider throws', async () => {
      const cw = new CloudWatchClient({ region: 'us-east-1', endpoint: inspector.url, credentials: noCredentials });
      new Stubber(cw).activate().addResponse(ListMetricsCommand, { NextToken: 'no credentials' });
      expect((await cw.send(listMetrics())).NextToken).to.equal('no credentials');

      const s3 = new S3Client({ region: 'us-east-1', endpoint: inspector.url, forcePathStyle: true, credentials: noCredentials });
      new Stubber(s3).activate().addClientError(GetObjectCommand, { code: 'NoSuchKey' });
      const error = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch((e) => e);
      expect(error.name).to.equal('NoSuchKey');
      expect(inspector.records).to.have.length(0);
    });

    it('an HTTP stub is signed with the credentials the client has: without any, the call fails as it would against the service', async () => {
      const cw = new CloudWatchClient({ region: 'us-east-1', endpoint: inspector.url, credentials: noCredentials });
      new Stubber(cw).activate().addHttpResponse(ListMetricsCommand, { statusCode: 200, body: '{}' });
      const error = await cw.send(listMetrics()).catch((e) => e);
      expect(error.message).to.contain('no credentials in this test');
    });
  });

  it("SQS SendMessage: a stubbed output is not rejected by the SDK's MD5 check", async () => {
    const sqs = new SQSClient({ region: 'us-east-1', endpoint: inspector.url, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    new Stubber(sqs).activate().addResponse(SendMessageCommand, { MessageId: 'm-1' }, { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q', MessageBody: 'hi' });
    const output = await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q', MessageBody: 'hi' }));
    expect(output.MessageId).to.equal('m-1');
  });
});

describe('stubber: concurrent calls', () => {
  const inspector = useInspector();

  it('calls made together are answered in the order they reach the stubber, each checked against the stub it gets', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addResponse(ListMetricsCommand, { NextToken: 'first' }, { Namespace: 'A' });
    stubber.addResponse(PutMetricDataCommand, {}, { Namespace: 'B', MetricData: [] });
    const [listed] = await Promise.all([cw.send(new ListMetricsCommand({ Namespace: 'A' })), cw.send(new PutMetricDataCommand({ Namespace: 'B', MetricData: [] }))]);
    expect(listed.NextToken).to.equal('first');
    stubber.assertNoPendingResponses();
    expect(stubber.calls.map((c) => c.operation)).to.deep.equal(['ListMetrics', 'PutMetricData']);
  });
});
