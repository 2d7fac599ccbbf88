import { expect } from 'chai';
import { CloudWatchClient, ListMetricsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { eventsOf } from '@sdk-events/core';
import { Stubber } from '@sdk-events/stubber';
import { cloudWatchClient, lambdaClient, s3Client } from '../helpers/clients.js';
import { useInspector } from '../helpers/inspector.js';

describe('stubber: addResponse answers at before-call', () => {
  const inspector = useInspector();

  it('serves queued outputs in order, by operation name or command class, and sends nothing', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addResponse(ListMetricsCommand, { Metrics: [{ Namespace: 'App', MetricName: 'first' }] });
    stubber.addResponse('ListMetrics', { Metrics: [{ Namespace: 'App', MetricName: 'second' }], NextToken: 't' });
    stubber.addResponse('PutMetricData', {});

    const first = await cw.send(new ListMetricsCommand({}));
    const second = await cw.send(new ListMetricsCommand({ NextToken: 'x' }));
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 1 }] }));

    expect(first.Metrics).to.deep.equal([{ Namespace: 'App', MetricName: 'first' }]);
    expect(second.Metrics![0]!.MetricName).to.equal('second');
    expect(second.NextToken).to.equal('t');
    expect(inspector.records, 'requests that reached the endpoint').to.have.length(0);
    stubber.assertNoPendingResponses();
  });

  it('returns the output with $metadata, as every v3 output has', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addResponse(ListMetricsCommand, { Metrics: [] });
    const output = await cw.send(new ListMetricsCommand({}));
    expect(output.Metrics).to.deep.equal([]);
    expect(output.$metadata, '$metadata').to.be.an('object');
  });

  it("runs the client's real serializer first: handlers see the serialized request", async () => {
    const lambda = lambdaClient(inspector.url);
    const seen: { method: string; path: string; body: string }[] = [];
    eventsOf(lambda).register('before-call.lambda.Invoke', ({ request }) => {
      seen.push({ method: request.method, path: request.path, body: new TextDecoder().decode(request.body as Uint8Array) });
    });
    const stubber = new Stubber(lambda).activate();
    stubber.addResponse(InvokeCommand, { StatusCode: 200, ExecutedVersion: '$LATEST' });

    const output = await lambda.send(new InvokeCommand({ FunctionName: 'resize', Payload: new TextEncoder().encode('{"width":10}') }));

    expect(seen).to.deep.equal([{ method: 'POST', path: '/2015-03-31/functions/resize/invocations', body: '{"width":10}' }]);
    expect(output.ExecutedVersion).to.equal('$LATEST');
    expect(inspector.records).to.have.length(0);
  });

  it("a call the serializer rejects fails with the SDK's error, and its stub stays queued (as botocore's after a validation error)", async () => {
    const s3 = s3Client(inspector.url);
    const stubber = new Stubber(s3).activate();
    stubber.addResponse(GetObjectCommand, {});
    let failure: unknown;
    try {
      await s3.send(new GetObjectCommand({ Bucket: 'photos' } as any));
    } catch (error) {
      failure = error;
    }
    expect(failure, 'the call failed').to.be.instanceOf(Error);
    expect((failure as Error).name).not.to.match(/^Stub|UnStubbed/);
    expect(String((failure as Error).message)).to.match(/Key/);
    expect(() => stubber.assertNoPendingResponses()).to.throw('1 responses remaining in queue: GetObject.');
  });

  it('stubs S3 and Lambda outputs alike: PutObject with a body, GetFunction', async () => {
    const s3 = s3Client(inspector.url);
    const lambda = lambdaClient(inspector.url);
    const s3Stubber = new Stubber(s3).activate();
    const lambdaStubber = new Stubber(lambda).activate();
    s3Stubber.addResponse(PutObjectCommand, { ETag: '"abc"' }, { Bucket: 'photos', Key: 'cat.jpg', Body: 'meow' });
    lambdaStubber.addResponse(GetFunctionCommand, { Configuration: { FunctionName: 'resize', Runtime: 'nodejs22.x' } });

    expect((await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'cat.jpg', Body: 'meow' }))).ETag).to.equal('"abc"');
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'resize' }))).Configuration?.Runtime).to.equal('nodejs22.x');
    expect(inspector.records).to.have.length(0);
  });

  it("each call gets its own copy of the output: a handler that changes one leaves the queued stub and the caller's object alone", async () => {
    const cw = cloudWatchClient(inspector.url);
    eventsOf(cw).register('after-call.cloudwatch.ListMetrics', ({ parsed }) => {
      parsed['NextToken'] = 'changed by after-call';
    });
    const stubber = new Stubber(cw).activate();
    const stub = { Metrics: [] };
    stubber.addResponse(ListMetricsCommand, stub);
    const output = await cw.send(new ListMetricsCommand({}));
    expect(output.NextToken).to.equal('changed by after-call');
    expect(stub).to.deep.equal({ Metrics: [] });
  });

  it("checks the output against the operation's model, as botocore does (a misspelt member is an error)", () => {
    const stubber = new Stubber(cloudWatchClient(inspector.url));
    expect(() => stubber.addResponse(ListMetricsCommand, { Metric: [] } as any)).to.throw(
      TypeError,
      'addResponse: the output of ListMetrics has no member "Metric" (it has: Metrics, NextToken, OwningAccounts)',
    );
    expect(() => stubber.addResponse(PutMetricDataCommand, { Anything: 1 } as any)).to.throw(TypeError, 'the output of PutMetricData has no member "Anything" (it has no members)');
  });

  it('checks an output queued by name when the call reaches it, with the same message', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addResponse('ListMetrics', { Metric: [] });
    let failure: Error | undefined;
    try {
      await cw.send(new ListMetricsCommand({}));
    } catch (error) {
      failure = error as Error;
    }
    expect(failure?.name).to.equal('StubResponseError');
    expect(failure?.message).to.equal(
      'Error getting response stub for operation ListMetrics: the output of ListMetrics has no member "Metric" (it has: Metrics, NextToken, OwningAccounts)',
    );
  });

  it('names what is wrong with an operation or an output it is given', () => {
    const stubber = new Stubber(cloudWatchClient(inspector.url));
    expect(() => stubber.addResponse('list_metrics', {})).to.throw(TypeError, `addResponse: "list_metrics" is not an operation name; name it as the API does ('ListMetrics') or pass its command class`);
    expect(() => stubber.addResponse('putMetricData', {})).to.throw(TypeError, `('PutMetricData')`);
    expect(() => stubber.addResponse(42 as any, {})).to.throw(TypeError, 'addResponse: the operation must be an operation name');
    expect(() => stubber.addResponse(CloudWatchClient as any, {})).to.throw(TypeError, 'got a function (CloudWatchClient)');
    expect(() => stubber.addResponse('ListMetrics', null as any)).to.throw(TypeError, 'addResponse: the output must be an object; got null');
    expect(() => stubber.addResponse('ListMetrics', {}, 'Namespace' as any)).to.throw(TypeError, 'addResponse: expectedParams must be an object of parameters');
    expect(() => new Stubber({} as any)).to.throw(TypeError, 'the client has no send() method');
    expect(() => stubber.addResponse(GetFunctionCommand as any, {})).to.throw(
      TypeError,
      'addResponse: GetFunction is not an operation of this client (the command is of com.amazonaws.lambda, the client of com.amazonaws.cloudwatch)',
    );
  });
});
