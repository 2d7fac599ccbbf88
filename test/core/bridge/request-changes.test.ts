// Whatever a handler changes before the request is sent goes out valid: content-length, payload hash, signature.
import { expect } from 'chai';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { HttpRequest } from '@smithy/protocol-http';
import { eventsOf } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { lambdaClient, s3Client } from '../../helpers/clients.js';

const PRE_SEND = ['before-call', 'request-created', 'before-sign', 'before-send'] as const;
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('bridge: changes to the request stay valid', () => {
  const inspector = useInspector();
  const onlyRecord = () => {
    expect(inspector.records).to.have.length(1);
    return inspector.records[0]!;
  };

  for (const type of PRE_SEND) {
    for (const [label, body] of [
      ['a longer', '{"replaced":"by a body longer than the one serialized"}'],
      ['a shorter', '{}'],
    ] as const) {
      it(`${type}: ${label} body, a new header and a new query parameter go out with the right length and signature (Lambda)`, async () => {
        const lambda = lambdaClient(inspector.url);
        eventsOf(lambda).register(`${type}.lambda.Invoke`, ({ request }: any) => {
          request.body = utf8(body);
          request.headers['x-added'] = type;
          request.query['added'] = 'yes';
        });
        await lambda.send(new InvokeCommand({ FunctionName: 'probe', Payload: utf8('{"n":1234567890}') }));
        const record = onlyRecord();
        expect(new TextDecoder().decode(record.decodedBody)).to.equal(body);
        expect(record.headers['x-added']).to.equal(type);
        expect(record.query.added).to.equal('yes');
        expect(record.contentLength.valid).to.equal(true);
        expect(record.signature.valid, record.signature.reason).to.equal(true);
        expect(record.signature.signedHeaders).to.include('x-added');
        expect(record.problems).to.deep.equal([]);
      });
    }

    it(`${type}: a replaced S3 body goes out with a matching payload hash, length and signature`, async () => {
      const s3 = s3Client(inspector.url, { requestChecksumCalculation: 'WHEN_REQUIRED' });
      eventsOf(s3).register(`${type}.s3.PutObject`, ({ request }: any) => {
        request.body = 'the replacement body, longer than the original';
      });
      await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'key', Body: 'original' }));
      const record = onlyRecord();
      expect(record.payload.toString()).to.equal('the replacement body, longer than the original');
      expect(record.contentLength.valid).to.equal(true);
      expect(record.payloadHash.valid).to.equal(true);
      expect(record.signature.valid, record.signature.reason).to.equal(true);
    });
  }

  for (const type of PRE_SEND) {
    it(`${type}: the request reads like the SDK's (spread, keys, isInstance, JSON) and takes writes through a view read before the copy, and a whole new headers object`, async () => {
      const lambda = lambdaClient(inspector.url);
      const seen: Record<string, unknown> = {};
      eventsOf(lambda).register(`${type}.lambda.Invoke`, ({ request }: any) => {
        const headers = request.headers;
        // (Not instanceof: the SDK's signer may load its own copy of @smithy/protocol-http.)
        seen.instance = HttpRequest.isInstance(request);
        seen.keysMatch = Object.keys({ ...headers }).join() === Object.keys(headers).join();
        seen.hasContentType = 'Content-Type' in headers && Object.hasOwn(headers, 'CONTENT-TYPE');
        seen.json = JSON.parse(JSON.stringify(request)).method;
        request.headers = request.headers; // changes nothing
        request.path = request.path; // the first write: handlers write to a copy from here on
        headers['x-held'] = 'written through the view read first';
        request.headers = { ...headers, 'x-whole': 'new object' };
        request.headers['x-after'] = 'written to the new object';
      });
      await lambda.send(new InvokeCommand({ FunctionName: 'probe', Payload: utf8('{}') }));
      const record = onlyRecord();
      expect(seen).to.deep.equal({ instance: true, keysMatch: true, hasContentType: true, json: 'POST' });
      expect(record.headers['x-whole']).to.equal('new object');
      expect(record.headers['x-after']).to.equal('written to the new object');
      expect(record.headers['x-held']).to.equal('written through the view read first');
      expect(record.signature.valid, record.signature.reason).to.equal(true);
      expect(record.problems).to.deep.equal([]);
    });
  }

  it("headers are case-insensitive for handlers: boto3's del/set of Content-Type sends one header", async () => {
    const lambda = lambdaClient(inspector.url);
    let seen: unknown;
    eventsOf(lambda).register('before-sign.lambda.Invoke', ({ request }) => {
      seen = request.headers['Content-Type'];
      delete request.headers['Content-Type'];
      request.headers['Content-Type'] = 'application/x-ported';
      request.headers['X-Mixed-Case'] = 'one';
      request.headers['x-mixed-case'] = 'two';
    });
    await lambda.send(new InvokeCommand({ FunctionName: 'probe', Payload: utf8('{}') }));
    const record = onlyRecord();
    expect(seen).to.be.a('string');
    expect(record.headers['content-type']).to.equal('application/x-ported');
    expect(record.headers['x-mixed-case']).to.equal('two');
    expect(record.signature.valid).to.equal(true);
  });
});
