import { InvokeCommand } from '@aws-sdk/client-lambda';
import { startInspector, type Inspector } from '@sdk-events/inspector';
import { expect } from 'chai';
import { lambdaClient } from '../helpers/clients.js';

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

describe('inspector: Lambda', () => {
  let inspector: Inspector;
  beforeEach(async () => {
    inspector = await startInspector();
  });
  afterEach(async () => {
    await inspector.close();
  });

  it('Invoke echoes the payload with x-amz-executed-version, and the request verifies', async () => {
    const client = lambdaClient(inspector.url);
    const payload = JSON.stringify({ hello: 'world', n: 42 });
    const output = await client.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from(payload) }));
    expect(text(output.Payload)).to.equal(payload);
    expect(output.StatusCode).to.equal(200);
    expect(output.ExecutedVersion).to.equal('$LATEST');
    const [record] = inspector.records;
    expect(record).to.include({ service: 'lambda', operation: 'Invoke', protocol: 'restJson1', resource: 'echo', method: 'POST', status: 200 });
    expect(record!.path).to.equal('/2015-03-31/functions/echo/invocations');
    expect(record!.signature).to.include({ present: true, valid: true, signingService: 'lambda' });
    expect(record!.decodedBody.toString('utf8')).to.equal(payload);
    expect(record!.problems).to.deep.equal([]);
  });

  it('verifies the doubly encoded canonical path of a function name with reserved characters', async () => {
    const client = lambdaClient(inspector.url);
    const name = 'arn:aws:lambda:us-east-1:123456789012:function:my-function';
    await client.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{}') }));
    const [record] = inspector.records;
    expect(record!.path).to.contain('%3A');
    expect(record!.resource).to.equal(name);
    expect(record!.signature.canonicalRequest!.split('\n')[1]).to.contain('%253A');
    expect(record!.signature.valid).to.equal(true);
  });

  it('answers Event invocations with 202 and DryRun with 204', async () => {
    const client = lambdaClient(inspector.url);
    const event = await client.send(new InvokeCommand({ FunctionName: 'f', InvocationType: 'Event', Payload: Buffer.from('{}') }));
    const dryRun = await client.send(new InvokeCommand({ FunctionName: 'f', InvocationType: 'DryRun' }));
    expect([event.StatusCode, dryRun.StatusCode]).to.deep.equal([202, 204]);
  });

  it('returns a log tail when asked', async () => {
    const client = lambdaClient(inspector.url);
    const output = await client.send(new InvokeCommand({ FunctionName: 'f', LogType: 'Tail', Payload: Buffer.from('{"a":1}') }));
    expect(Buffer.from(output.LogResult ?? '', 'base64').toString('utf8')).to.contain('f invoked with 7 bytes');
  });

  it('failNext: the SDK retries a 500 and the call succeeds on the third attempt', async () => {
    const client = lambdaClient(inspector.url, { maxAttempts: 3 });
    inspector.failNext(2, { status: 500, code: 'ServiceException' });
    expect(inspector.pendingFaults).to.equal(2);
    const output = await client.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{"try":1}') }));
    expect(text(output.Payload)).to.equal('{"try":1}');
    expect(output.$metadata.attempts).to.equal(3);
    expect(inspector.records.map((record) => [record.status, record.errorCode])).to.deep.equal([
      [500, 'ServiceException'],
      [500, 'ServiceException'],
      [200, undefined],
    ]);
    expect(inspector.pendingFaults).to.equal(0);
  });

  it('failNext: a 400 is not retried and reaches the caller with its code and message', async () => {
    const client = lambdaClient(inspector.url);
    inspector.failNext(1, { status: 400, code: 'InvalidRequestContentException', message: 'payload is not JSON' });
    const error = (await client.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{}') })).catch((e: unknown) => e)) as Error & {
      $metadata: { httpStatusCode?: number; requestId?: string };
    };
    expect(error.name).to.equal('InvalidRequestContentException');
    expect(error.message).to.equal('payload is not JSON');
    expect(error.$metadata.httpStatusCode).to.equal(400);
    expect(error.$metadata.requestId).to.equal(inspector.records[0]!.requestId);
    expect(inspector.records).to.have.length(1);
  });

  it('failNext filters by service and operation and leaves other requests alone', async () => {
    const client = lambdaClient(inspector.url);
    inspector.failNext(1, { status: 503, code: 'ServiceUnavailable', service: 's3' });
    inspector.failNext(1, { status: 400, code: 'ResourceNotFoundException', operation: 'GetFunction' });
    await client.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{}') }));
    expect(inspector.records[0]!.status).to.equal(200);
    expect(inspector.pendingFaults).to.equal(2);
  });

  it('clear() forgets records and queued faults', async () => {
    const client = lambdaClient(inspector.url);
    await client.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{}') }));
    inspector.failNext(3, { status: 500 });
    inspector.clear();
    expect(inspector.records).to.deep.equal([]);
    expect(inspector.pendingFaults).to.equal(0);
    await client.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{}') }));
    expect(inspector.records).to.have.length(1);
    expect(inspector.records[0]!.status).to.equal(200);
    expect(inspector.records[0]!.id).to.equal(2);
  });
});
