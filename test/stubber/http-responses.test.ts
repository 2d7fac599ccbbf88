import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetFunctionCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { eventsOf } from '@sdk-events/core';
import type { HttpRequest } from '@smithy/protocol-http';
import { TEST_CREDENTIALS, computeChecksum, inspectRequest } from '@sdk-events/inspector';
import { payloadGuardPlugin, payloadGuardReportOf } from '@sdk-events/payload-guard';
import { StubAssertionError, StubResponseError, Stubber, UnStubbedResponseError } from '@sdk-events/stubber';
import { cloudWatchClient, lambdaClient, s3Client } from '../helpers/clients.js';
import { useInspector } from '../helpers/inspector.js';

/** The inspector's SigV4 verdict on a request as a `before-send` handler sees it. */
function signatureOf(request: HttpRequest) {
  const query = new URLSearchParams(request.query as Record<string, string>).toString();
  const rawHeaders = Object.entries(request.headers).flat();
  const body = Buffer.from(typeof request.body === 'string' ? request.body : (request.body as Uint8Array));
  return inspectRequest({ method: request.method, url: request.path + (query ? `?${query}` : ''), rawHeaders, body }, { credentials: [TEST_CREDENTIALS] }).record.signature;
}

const putMetricData = () => new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'hits', Value: 1 }] });

describe('stubber: addHttpResponse answers each attempt at before-send', () => {
  const inspector = useInspector();

  it("a 500 then a 200 is one call the SDK retried: $metadata.attempts is 2, each attempt signed and seen by the client's handlers", async () => {
    const cw = cloudWatchClient(inspector.url);
    const sent: { authorization: string | undefined; attempt: number; signatureValid: boolean; validOnceTampered: boolean }[] = [];
    const retries: number[] = [];
    eventsOf(cw).register('before-send', ({ request }) => {
      sent.push({
        authorization: request.headers['authorization'],
        attempt: Number(/attempt=(\d+)/.exec(request.headers['amz-sdk-request'] ?? '')?.[1]),
        signatureValid: signatureOf(request).valid,
        validOnceTampered: signatureOf({ ...request, method: 'PUT' } as HttpRequest).valid,
      });
    });
    eventsOf(cw).register('needs-retry.cloudwatch', ({ attempts }) => {
      retries.push(attempts);
    });
    const stubber = new Stubber(cw).activate();
    stubber.addHttpResponse(PutMetricDataCommand, { statusCode: 500, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{"__type":"InternalServiceError"}' });
    stubber.addHttpResponse(PutMetricDataCommand, { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });

    const output = await cw.send(putMetricData());

    expect(output.$metadata.attempts).to.equal(2);
    expect(output.$metadata.httpStatusCode).to.equal(200);
    expect(sent.map((s) => s.attempt)).to.deep.equal([1, 2]);
    for (const { authorization, signatureValid, validOnceTampered } of sent) {
      expect(authorization).to.match(/^AWS4-HMAC-SHA256 Credential=AKIDTESTEXAMPLE\//);
      expect(signatureValid, 'SigV4 signature verified by the inspector').to.equal(true);
      expect(validOnceTampered, 'the same request with another method').to.equal(false);
    }
    expect(retries).to.deep.equal([1, 2]);
    expect(stubber.calls).to.have.length(1);
    expect(inspector.records, 'requests that reached the endpoint').to.have.length(0);
    stubber.assertNoPendingResponses();
  });

  it("the SDK parses the body for real: a Lambda output, and a Lambda error into its modelled class", async () => {
    const lambda = lambdaClient(inspector.url);
    const stubber = new Stubber(lambda).activate();
    stubber.addHttpResponse(GetFunctionCommand, { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Configuration: { FunctionName: 'resize', MemorySize: 256 } }) });
    stubber.addHttpResponse(GetFunctionCommand, {
      statusCode: 404,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException', 'x-amzn-requestid': 'req-9' },
      body: JSON.stringify({ Type: 'User', message: 'Function not found' }),
    });

    const output = await lambda.send(new GetFunctionCommand({ FunctionName: 'resize' }));
    expect(output.Configuration).to.deep.equal({ FunctionName: 'resize', MemorySize: 256 });

    const error = await lambda.send(new GetFunctionCommand({ FunctionName: 'gone' })).catch((e) => e);
    expect(error).to.be.instanceOf(ResourceNotFoundException);
    expect([error.message, error.$metadata.httpStatusCode, error.$metadata.requestId]).to.deep.equal(['Function not found', 404, 'req-9']);
  });

  it("S3 response checksums are checked for real: a body that does not match its x-amz-checksum-crc32 fails the call", async () => {
    const s3 = s3Client(inspector.url);
    const stubber = new Stubber(s3).activate();
    const body = 'hello, stubber';
    const crc32 = computeChecksum('x-amz-checksum-crc32', new TextEncoder().encode(body))!;
    const headers = { 'content-type': 'text/plain', 'content-length': String(body.length), 'x-amz-checksum-crc32': crc32 };
    stubber.addHttpResponse(GetObjectCommand, { statusCode: 200, headers, body });
    stubber.addHttpResponse(GetObjectCommand, { statusCode: 200, headers, body: body.toUpperCase() });

    const good = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k', ChecksumMode: 'ENABLED' }));
    expect(await good.Body!.transformToString()).to.equal(body);
    expect(good.ChecksumCRC32).to.equal(crc32);

    const bad = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k', ChecksumMode: 'ENABLED' }));
    const failure = await bad.Body!.transformToString().catch((e: Error) => e);
    expect(failure).to.be.instanceOf(Error);
    expect((failure as Error).message).to.match(/checksum/i);
  });

  it('a retry with nothing queued for it fails the call with UnStubbedResponseError', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addHttpResponse('PutMetricData', { statusCode: 503 });
    const error = await cw.send(putMetricData()).catch((e) => e);
    expect(error).to.be.instanceOf(UnStubbedResponseError);
    expect(error.message).to.contain('Error getting response stub for operation PutMetricData: Unexpected API Call');
    expect(inspector.records).to.have.length(0);
  });

  it('a retry that finds an output stub next fails clearly: those answer a whole call, not an attempt', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addHttpResponse('PutMetricData', { statusCode: 503 });
    stubber.addResponse('PutMetricData', {});
    const error = await cw.send(putMetricData()).catch((e) => e);
    expect(error).to.be.instanceOf(StubResponseError);
    expect(error.message).to.equal(
      'Error getting response stub for operation PutMetricData: Unexpected HTTP request: attempt 2 found the next stub queued by addResponse, which answers a whole call; queue one addHttpResponse per attempt (a 500 then a 200 for a call retried once).',
    );
  });

  it('expectedParams are checked before anything is signed or sent; a later attempt checks its own stub', async () => {
    const cw = cloudWatchClient(inspector.url);
    const signed: unknown[] = [];
    eventsOf(cw).register('before-sign', ({ request }) => {
      signed.push(request);
    });
    const stubber = new Stubber(cw).activate();
    stubber.addHttpResponse('PutMetricData', { statusCode: 200, body: '{}' }, { Namespace: 'Other', MetricData: [] });
    expect(await cw.send(putMetricData()).catch((e) => e)).to.be.instanceOf(StubAssertionError);
    expect(signed).to.have.length(0);

    const retried = cloudWatchClient(inspector.url);
    const second = new Stubber(retried).activate();
    second.addHttpResponse('PutMetricData', { statusCode: 500 });
    second.addHttpResponse('PutMetricData', { statusCode: 200, body: '{}' }, { Namespace: 'Other' });
    const error = await retried.send(putMetricData()).catch((e) => e);
    expect(error).to.be.instanceOf(StubAssertionError);
    expect(error.message).to.contain("First difference at Namespace: expected 'Other', received 'App'.");
  });

  it('a plugin that splits a call into several requests (payload-guard) takes one HTTP stub per request', async () => {
    const cw = cloudWatchClient(inspector.url);
    eventsOf(cw).use(payloadGuardPlugin());
    const stubber = new Stubber(cw).activate();
    for (let i = 0; i < 3; i++) stubber.addHttpResponse('PutMetricData', { statusCode: 200, body: '{}' });
    const MetricData = Array.from({ length: 2500 }, (_, i) => ({ MetricName: `m${i}`, Value: i }));
    const output = await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData }));
    expect(payloadGuardReportOf(output)?.requests).to.have.length(3);
    stubber.assertNoPendingResponses();
    expect(inspector.records).to.have.length(0);
  });

  it('names what is wrong with a response it is given', () => {
    const stubber = new Stubber(lambdaClient(inspector.url));
    expect(() => stubber.addHttpResponse('GetFunction', { statusCode: 42 })).to.throw(TypeError, 'addHttpResponse: statusCode 42 is not an HTTP status (100 to 599); expected { statusCode, headers?, body? }');
    expect(() => stubber.addHttpResponse('GetFunction', { statusCode: 200, headers: { a: 1 as any } })).to.throw(TypeError, 'headers must be an object of strings');
    expect(() => stubber.addHttpResponse('GetFunction', { statusCode: 200, body: 12 as any })).to.throw(TypeError, 'the body is number 12, not a string, bytes or a stream');
    expect(() => stubber.addHttpResponse('GetFunction', 'OK' as any)).to.throw(TypeError, 'addHttpResponse: the response is "OK"; expected { statusCode, headers?, body? }');
  });
});
