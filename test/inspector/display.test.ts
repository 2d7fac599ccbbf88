import { CopyObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import {
  formatLine,
  formatRecord,
  maskAuthorization,
  maskHeader,
  maskHeaders,
  maskQueryValue,
  maskUrl,
  startInspector,
  summarizeRecord,
  type Inspector,
} from '@sdk-events/inspector';
import { SECRET_HEADER_NAMES, SECRET_QUERY_PARAMETERS } from '@sdk-events/logging';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { TEST_CREDENTIALS, lambdaClient, s3Client } from '../helpers/clients.js';
import { sendRaw } from './raw-http.js';

const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE-session-token-that-must-not-be-printed';
const SSE_KEY = Buffer.alloc(32, 7);
const COPY_SSE_KEY = Buffer.alloc(32, 9);

describe('inspector: display (masking and formatting)', () => {
  let inspector: Inspector;
  beforeEach(async () => {
    inspector = await startInspector();
  });
  afterEach(async () => {
    await inspector.close();
  });

  it('never prints a secret of a real request: signature, key id, session token, SSE-C keys', async () => {
    const client = s3Client(inspector.url, { credentials: { ...TEST_CREDENTIALS, sessionToken: SESSION_TOKEN } });
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'src', Body: 'secret data', SSECustomerAlgorithm: 'AES256', SSECustomerKey: SSE_KEY.toString('base64') }));
    await client.send(
      new CopyObjectCommand({
        Bucket: 'b',
        Key: 'dst',
        CopySource: 'b/src',
        SSECustomerAlgorithm: 'AES256',
        SSECustomerKey: SSE_KEY.toString('base64'),
        CopySourceSSECustomerAlgorithm: 'AES256',
        CopySourceSSECustomerKey: COPY_SSE_KEY.toString('base64'),
      }),
    );
    // And one that fails verification, so the canonical request (where a signed token appears) is printed.
    const wrongSecret = s3Client(inspector.url, { credentials: { ...TEST_CREDENTIALS, secretAccessKey: 'wrong', sessionToken: SESSION_TOKEN } });
    await wrongSecret.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
    expect(inspector.records).to.have.length(3);
    expect(inspector.records[1]!.operation).to.equal('CopyObject');
    expect(inspector.records[1]!.headers['x-amz-copy-source-server-side-encryption-customer-key']).to.equal(COPY_SSE_KEY.toString('base64'));
    expect(inspector.records[2]!.signature.canonicalRequest).to.contain(`x-amz-security-token:${SESSION_TOKEN}`);

    const printed = inspector.records.map((record) => [formatLine(record), formatRecord(record, { bodyPreview: 100 }), JSON.stringify(summarizeRecord(record))].join('\n')).join('\n');
    const secrets = [
      SESSION_TOKEN,
      SSE_KEY.toString('base64'),
      COPY_SSE_KEY.toString('base64'),
      TEST_CREDENTIALS.accessKeyId,
      TEST_CREDENTIALS.secretAccessKey,
      ...inspector.records.map((record) => /Signature=([0-9a-f]{64})/.exec(record.headers['authorization']!)![1]!),
    ];
    for (const secret of secrets) expect(printed.includes(secret), `printed output contains ${secret.slice(0, 12)}...`).to.equal(false);
    // What is safe to show stays readable.
    expect(printed).to.contain(`x-amz-server-side-encryption-customer-key-md5: ${createHash('md5').update(SSE_KEY).digest('base64')}`);
    expect(printed).to.contain('Credential=AKID****/');
    expect(printed).to.contain('x-amz-security-token: ****');
    expect(printed).to.contain('x-amz-security-token:****');
  });

  it('masks the Authorization header, keeping algorithm, scope and signed headers', () => {
    const header =
      'AWS4-HMAC-SHA256 Credential=AKIDTESTEXAMPLE/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    expect(maskAuthorization(header)).to.equal('AWS4-HMAC-SHA256 Credential=AKID****/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=****');
    expect(maskAuthorization('Basic dXNlcjpwYXNz')).to.equal('Basic ****');
    expect(maskHeaders({ Cookie: 'session=1', 'X-Amz-Security-Token': 't', 'content-type': 'text/plain' })).to.deep.equal({
      Cookie: '****',
      'X-Amz-Security-Token': '****',
      'content-type': 'text/plain',
    });
    expect(maskHeaders({ 'x-amz-s3session-token': 's', 'X-Api-Key': 'k' })).to.deep.equal({ 'x-amz-s3session-token': '****', 'X-Api-Key': '****' });
    expect(maskUrl('/b/k?AWSAccessKeyId=AKIDTESTEXAMPLE&Signature=c2VjcmV0&Expires=1')).to.not.contain('c2VjcmV0');
  });

  it("masks every name logging redacts (one list, @sdk-events/logging's): headers and query parameters", () => {
    for (const name of SECRET_HEADER_NAMES) {
      const value = `${name} secret value`;
      expect(maskHeader(name, value), name).to.not.contain('secret value');
      expect(maskHeader(name.toUpperCase(), value), name.toUpperCase()).to.not.contain('secret value');
    }
    // Credential-looking names logging redacts without listing them.
    for (const name of ['x-my-auth-token', 'x-client-secret']) expect(maskHeader(name, 'v'), name).to.equal('****');
    for (const name of SECRET_QUERY_PARAMETERS) {
      const value = 'SECRETVALUE/20260101/us-east-1/s3/aws4_request';
      expect(maskQueryValue(name, value), name).to.not.contain('SECRETVALUE');
    }
    // Names no list holds pass unchanged.
    expect(maskHeader('content-type', 'text/plain')).to.equal('text/plain');
    expect(maskQueryValue('X-Amz-SignedHeaders', 'host')).to.equal('host');
  });

  it('a request with an API key, an S3 session token and a SigV2 signature: none printed in clear', async () => {
    const secrets = { apiKey: 'api-key-1234567890', s3Session: 's3-session-abcdef', security: 'security-token-xyz', signature: 'c2lnbmF0dXJlLXYy' };
    await sendRaw(inspector.url, {
      method: 'GET',
      path: `/bucket/key?AWSAccessKeyId=AKIDTESTEXAMPLE&Expires=1999999999&Signature=${secrets.signature}`,
      headers: { 'x-api-key': secrets.apiKey, 'x-amz-s3session-token': secrets.s3Session, 'x-amz-security-token': secrets.security },
    });
    expect(inspector.records).to.have.length(1);
    const record = inspector.records[0]!;
    const printed = [formatLine(record), formatRecord(record, { bodyPreview: 100 }), JSON.stringify(summarizeRecord(record))].join('\n');
    for (const secret of Object.values(secrets)) expect(printed.includes(secret), `printed output contains ${secret}`).to.equal(false);
    expect(printed).to.contain('x-api-key: ****');
  });

  it('masks presigned-URL secrets in a request target', () => {
    const url =
      '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-Security-Token=tok%2Fen&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
    const masked = maskUrl(url);
    expect(masked).to.equal(
      '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA****%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-Security-Token=****&X-Amz-SignedHeaders=host&X-Amz-Signature=****',
    );
  });

  it('formats what a person checks: operation, sizes, gzip layers, signature, checksums, problems', async () => {
    await lambdaClient(inspector.url).send(new InvokeCommand({ FunctionName: 'fn', Payload: Buffer.from('{"x":1}') }));
    const [record] = inspector.records;
    expect(formatLine(record!)).to.equal(`#1 POST /2015-03-31/functions/fn/invocations | lambda Invoke (fn) | -> 200 | 7 B wire, 7 B decoded | signature ok | ok`);
    const block = formatRecord(record!, { bodyPreview: 64 });
    expect(block).to.match(/^#1 POST \/2015-03-31\/functions\/fn\/invocations {2}\[/);
    expect(block).to.contain('operation:       lambda Invoke (restJson1) on fn');
    expect(block).to.contain('body:            7 bytes on the wire, 7 payload, 7 decoded');
    expect(block).to.contain('encoding:        content-encoding none; gzip layers 0');
    expect(block).to.match(/signature: +verified - AWS4-HMAC-SHA256 us-east-1\/lambda \(header\), \d+ signed headers/);
    expect(block).to.contain('decoded body:    "{\\"x\\":1}"');
    expect(block).to.contain('problems:        none');
    const summary = summarizeRecord(record!);
    expect(summary).to.include({ wireBytes: 7, decodedBytes: 7, operation: 'Invoke', status: 200 });
    expect(summary).to.not.have.property('wireBody');
  });
});
