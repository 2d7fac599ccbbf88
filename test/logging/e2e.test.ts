import { expect } from 'chai';
import { Console } from 'node:console';
import { PassThrough, Writable } from 'node:stream';
import pino from 'pino';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { AliasedEventEmitter, attachEvents, eventsOf, UNSIGNED } from '@sdk-events/core';
import { useInspector } from '../helpers/inspector.js';
import { loggingPlugin, type LoggerLike } from '@sdk-events/logging';
import { cloudWatchClient, lambdaClient, s3Client } from '../helpers/clients.js';
import { memoryLogger } from './memory-logger.js';

const invoke = (payload: unknown = {}) => new InvokeCommand({ FunctionName: 'f', Payload: new TextEncoder().encode(JSON.stringify(payload)) });
/** The lines of one kind: text lines start with their message, structured ones have it second. */
const lines = (logger: ReturnType<typeof memoryLogger>, kind: 'attempt' | 'call') =>
  logger.calls.filter((c) => {
    const message = typeof c.args[0] === 'string' ? c.args[0] : c.args[1];
    return typeof message === 'string' && message.startsWith(`sdk-events ${kind}`);
  });

/** A pino logger writing JSON lines into memory. */
function pinoInMemory() {
  const written: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        written.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    }),
  );
  return { logger, objects: () => written.map((line) => JSON.parse(line) as Record<string, unknown>), text: () => written.join('\n') };
}

describe('logging: end to end (real clients, local inspector)', () => {
  const inspector = useInspector();

  describe('lines', () => {
    it('one line per attempt and one per call, for each of 10 concurrent calls with retries', async () => {
      const logger = memoryLogger();
      // Which calls the 4 failures hit depends on arrival order; enough attempts that none fails for good.
      const lambda = lambdaClient(inspector.url, { maxAttempts: 6 });
      eventsOf(lambda).use(loggingPlugin({ logger, level: 'debug' }));
      inspector.failNext(4, { status: 500, code: 'ServiceUnavailable' });
      await Promise.all(Array.from({ length: 10 }, (_, i) => lambda.send(invoke({ i }))));
      expect(inspector.records).to.have.length(14);
      expect(lines(logger, 'attempt')).to.have.length(14);
      expect(lines(logger, 'call')).to.have.length(10);
      expect(logger.calls).to.have.length(24);
      expect(lines(logger, 'attempt').filter((c) => c.level === 'warn')).to.have.length(4);
      for (const call of lines(logger, 'call')) {
        expect(call.level).to.equal('info');
        expect(call.args[0], String(call.args[0])).to.match(/^sdk-events call service=lambda operation=Invoke outcome=success status=200 attempts=[1-5] durationMs=[\d.]+/);
      }
    });

    it('attempt lines say what went on the wire: method, host, path, body size and encoding as sent', async () => {
      const logger = memoryLogger();
      const cw = cloudWatchClient(inspector.url);
      eventsOf(cw).use(loggingPlugin({ logger, level: 'debug', structured: true }));
      // 12 KiB of metric data: the SDK's own request compression gzips it (its threshold is 10 KiB).
      const MetricData = Array.from({ length: 150 }, (_, i) => ({ MetricName: `metric-${i}-${'x'.repeat(40)}`, Value: i }));
      await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData }));
      await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: MetricData.slice(0, 1) }));
      expect(inspector.records).to.have.length(2);
      const attempts = lines(logger, 'attempt').map((c) => c.args[0] as Record<string, unknown>);
      expect(attempts).to.have.length(2);
      const port = new URL(inspector.url).port;
      for (const [i, record] of inspector.records.entries()) {
        expect(attempts[i]).to.deep.include({
          service: 'cloudwatch',
          operation: 'PutMetricData',
          attempt: 1,
          method: record.method,
          host: `127.0.0.1:${port}`,
          path: record.path,
          bodyBytes: record.wireBody.length,
          status: record.status,
          requestId: record.requestId,
        });
        expect(attempts[i]!.contentEncoding).to.equal(record.headers['content-encoding']);
      }
      expect(attempts[0]!.contentEncoding).to.equal('gzip');
      expect(attempts[1]).to.not.have.property('contentEncoding');
    });

    it('a failed call: retried attempts at warn, the call at error, with status and error name', async () => {
      const logger = memoryLogger();
      const lambda = lambdaClient(inspector.url);
      eventsOf(lambda).use(loggingPlugin({ logger }));
      inspector.failNext(3, { status: 503, code: 'ServiceUnavailable', message: 'try again later' });
      const error = await lambda.send(invoke()).then(() => undefined, (e: Error) => e);
      expect(error?.name).to.equal('ServiceUnavailable');
      expect(logger.calls.map((c) => c.level)).to.deep.equal(['warn', 'warn', 'error']);
      expect(logger.calls[0]!.args[0]).to.contain('attempt=1').and.contain('status=503').and.contain('error=ServiceUnavailable').and.contain('retrying=true');
      expect(logger.calls[2]!.args[0]).to.match(/^sdk-events call service=lambda operation=Invoke outcome=error status=503 attempts=3 durationMs=[\d.]+ .*error=ServiceUnavailable/);
    });

    it('the call line carries the request id the SDK reports', async () => {
      const logger = memoryLogger();
      const s3 = s3Client(inspector.url);
      eventsOf(s3).use(loggingPlugin({ logger, structured: true }));
      const output = await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: 'hello' }));
      const [call] = lines(logger, 'call').map((c) => c.args[0] as Record<string, unknown>);
      expect(call).to.deep.include({ kind: 'call', service: 's3', operation: 'PutObject', outcome: 'success', status: 200, attempts: 1 });
      expect(call!.requestId).to.equal(output.$metadata.requestId);
    });
  });

  describe('loggers', () => {
    it('console: text lines through a real Console', async () => {
      const out = new PassThrough();
      const chunks: string[] = [];
      out.on('data', (chunk) => chunks.push(String(chunk)));
      const lambda = lambdaClient(inspector.url);
      eventsOf(lambda).use(loggingPlugin({ logger: new Console({ stdout: out, stderr: out }), level: 'debug' }));
      await lambda.send(invoke());
      const text = chunks.join('').trimEnd().split('\n');
      expect(text).to.have.length(2);
      expect(text[0]).to.match(/^sdk-events attempt service=lambda operation=Invoke attempt=1 method=POST /);
      expect(text[1]).to.match(/^sdk-events call service=lambda operation=Invoke outcome=success /);
    });

    it('the default logger is the global console, at info', async () => {
      const seen: Array<[string, unknown[]]> = [];
      const saved = { debug: console.debug, info: console.info, warn: console.warn, error: console.error };
      for (const level of ['debug', 'info', 'warn', 'error'] as const) console[level] = (...args: unknown[]) => void seen.push([level, args]);
      try {
        const lambda = lambdaClient(inspector.url);
        eventsOf(lambda).use(loggingPlugin());
        await lambda.send(invoke());
      } finally {
        Object.assign(console, saved);
      }
      expect(seen).to.have.length(1);
      expect(seen[0]![0]).to.equal('info');
      expect(seen[0]![1][0]).to.match(/^sdk-events call service=lambda operation=Invoke outcome=success/);
    });

    it('pino: one JSON object per line, detected without options', async () => {
      const { logger, objects } = pinoInMemory();
      const lambda = lambdaClient(inspector.url);
      eventsOf(lambda).use(loggingPlugin({ logger, level: 'debug' }));
      inspector.failNext(1, { status: 500, code: 'ServiceUnavailable' });
      await lambda.send(invoke());
      const logged = objects();
      expect(logged.map((o) => [o.level, o.msg, o.kind, o.attempt])).to.deep.equal([
        [40, 'sdk-events attempt', 'attempt', 1],
        [20, 'sdk-events attempt', 'attempt', 2],
        [30, 'sdk-events call', 'call', undefined],
      ]);
      expect(logged[0]).to.deep.include({ status: 500, error: 'ServiceUnavailable', retrying: true });
      expect(logged[2]).to.deep.include({ service: 'lambda', operation: 'Invoke', outcome: 'success', status: 200, attempts: 2 });
    });

    it("the SDK's Logger interface, also given to the client as its own logger", async () => {
      const logger = memoryLogger();
      const sdkLogger = { trace: () => {}, ...logger };
      const s3 = s3Client(inspector.url, { logger: sdkLogger });
      eventsOf(s3).use(loggingPlugin({ logger: sdkLogger, level: 'debug' }));
      await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'sdk-logger', Body: 'x' }));
      expect(lines(logger, 'attempt')).to.have.length(1);
      expect(lines(logger, 'call')).to.have.length(1);
    });
  });

  describe('redaction', () => {
    it('logs many calls at the most verbose level without a single secret, in three loggers', async () => {
      const SECRET = {
        sessionAccessKeyId: 'ASIASESSIONKEYID0001',
        sessionSecretKey: 'session/secret+access+key/0000000000001',
        sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN/with+chars==',
        sseKey: 'ssec-key-0123456789abcdef0123456',
        copySourceSseKey: 'copy-src-key-0123456789abcdef012',
        lambdaPayload: 'lambda-payload-secret-9f8e7d',
        presignSignature: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
        presignCredential: 'AKIAPRESIGNEDKEY0001',
        presignToken: 'presigned-session-token-5566',
        cookie: 'cookie-session-secret-123',
        setCookie: 'set-cookie-secret-456',
        bodyContent: 'object body text 7788',
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/kms-key-secret-0042',
        kmsContext: Buffer.from('{"tenant":"kms-context-secret-0043"}').toString('base64'),
      };
      const text = memoryLogger();
      const sdk = { trace: () => {}, ...memoryLogger() };
      const json = pinoInMemory();
      const events = new AliasedEventEmitter();
      for (const logger of [text, sdk, json.logger] as LoggerLike[]) {
        // Three plugins on one emitter: as handler sets, since a plugin name is used once per emitter.
        const plugin = loggingPlugin({ logger, level: 'debug', headers: true, params: true });
        plugin.register(events);
      }
      const credentials = { accessKeyId: SECRET.sessionAccessKeyId, secretAccessKey: SECRET.sessionSecretKey, sessionToken: SECRET.sessionToken };
      const lambda = lambdaClient(inspector.url, { credentials });
      const s3 = s3Client(inspector.url, { credentials });
      const cw = cloudWatchClient(inspector.url, { credentials });
      for (const client of [lambda, s3, cw]) attachEvents(client, events);

      // A cookie on every request, a set-cookie on every response.
      events.register('before-sign', ({ request }) => {
        request.headers['Cookie'] = `session=${SECRET.cookie}`;
      });
      events.register('before-parse', ({ response }) => {
        response.headers['set-cookie'] = `id=${SECRET.setCookie}; HttpOnly`;
      });
      // A presigned-URL-style GetObject (of the key `presigned`): unsigned, its credentials in the query.
      events.register('before-parameter-build.s3.GetObject', ({ params, context }) => {
        if (params.Key === 'presigned') context.presigned = true;
      });
      events.register('choose-signer.s3.GetObject', ({ context }) => (context.presigned ? UNSIGNED : undefined));
      events.register('before-sign.s3.GetObject', ({ request, context }) => {
        if (!context.presigned) return;
        request.query = {
          ...request.query,
          'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
          'X-Amz-Credential': `${SECRET.presignCredential}/20250101/us-east-1/s3/aws4_request`,
          'X-Amz-Security-Token': SECRET.presignToken,
          'X-Amz-Signature': SECRET.presignSignature,
          'X-Amz-SignedHeaders': 'host',
        };
      });

      const outcomes: string[] = [];
      const settle = async (promise: Promise<unknown>) => {
        try {
          const output = (await promise) as { Body?: { transformToString(): Promise<string> } };
          await output.Body?.transformToString(); // read GetObject bodies to the end
          outcomes.push('ok');
        } catch (error) {
          outcomes.push((error as Error).name);
        }
      };
      await settle(lambda.send(invoke({ password: SECRET.lambdaPayload })));
      inspector.failNext(1, { status: 500, code: 'ServiceUnavailable' });
      await settle(lambda.send(invoke({ password: SECRET.lambdaPayload })));
      inspector.failNext(3, { status: 503, code: 'ServiceUnavailable' });
      await settle(lambda.send(invoke({ password: SECRET.lambdaPayload })));
      await settle(
        s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'ssec', Body: SECRET.bodyContent, SSECustomerAlgorithm: 'AES256', SSECustomerKey: SECRET.sseKey })),
      );
      await settle(s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'ssec', SSECustomerAlgorithm: 'AES256', SSECustomerKey: SECRET.sseKey })));
      // Sensitive members sent verbatim in headers no fixed list names: found through the SDK's own filter.
      await settle(
        s3.send(
          new PutObjectCommand({
            Bucket: 'bucket',
            Key: 'kms',
            Body: 'x',
            ServerSideEncryption: 'aws:kms',
            SSEKMSKeyId: SECRET.kmsKeyId,
            SSEKMSEncryptionContext: SECRET.kmsContext,
          }),
        ),
      );
      await settle(
        s3.send(
          new CopyObjectCommand({
            Bucket: 'bucket',
            Key: 'copy',
            CopySource: 'bucket/ssec',
            CopySourceSSECustomerAlgorithm: 'AES256',
            CopySourceSSECustomerKey: SECRET.copySourceSseKey,
            SSECustomerAlgorithm: 'AES256',
            SSECustomerKey: SECRET.sseKey,
          }),
        ),
      );
      await settle(s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'presigned' })));
      inspector.failNext(1, { status: 500, code: 'InternalError' });
      await settle(cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 1 }] })));
      expect(outcomes.slice(0, 6)).to.deep.equal(['ok', 'ok', 'ServiceUnavailable', 'ok', 'ok', 'ok']);

      // Every secret, in the forms it took on the wire.
      const secrets = new Set<string>(Object.values(SECRET));
      for (const key of [SECRET.sseKey, SECRET.copySourceSseKey]) secrets.add(Buffer.from(key).toString('base64'));
      for (const record of inspector.records) {
        for (const name of ['authorization', 'x-amz-security-token', 'x-amz-server-side-encryption-customer-key', 'x-amz-copy-source-server-side-encryption-customer-key', 'cookie']) {
          const value = record.headers[name];
          if (value) secrets.add(value);
        }
        for (const match of (record.headers['authorization'] ?? '').matchAll(/Signature=([0-9a-f]+)/g)) secrets.add(match[1]!);
        for (const name of ['X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token']) {
          const value = record.query[name];
          if (typeof value === 'string') secrets.add(value);
        }
      }
      expect(inspector.records.some((r) => r.headers['x-amz-security-token'] === SECRET.sessionToken), 'the session token went on the wire').to.equal(true);
      expect(inspector.records.some((r) => r.headers['x-amz-server-side-encryption-customer-key']), 'the SSE-C key went on the wire').to.equal(true);
      expect(inspector.records.some((r) => r.query['X-Amz-Signature'] === SECRET.presignSignature), 'the presigned query went on the wire').to.equal(true);
      expect(inspector.records.some((r) => r.headers['x-amz-server-side-encryption-aws-kms-key-id'] === SECRET.kmsKeyId), 'the KMS key id went on the wire').to.equal(true);

      const logs = { text: text.text(), sdk: sdk.text(), pino: json.text() };
      for (const [name, output] of Object.entries(logs)) {
        // The logs are there, verbose, and mention what was redacted...
        expect(output.split('\n').length, `${name}: lines`).to.equal(inspector.records.length + outcomes.length);
        expect(output, name).to.contain('[REDACTED]').and.contain('***SensitiveInformation***').and.contain('x-amz-security-token');
        // ...and hold no secret.
        for (const secret of secrets) expect(output.includes(secret), `${name} contains the secret ${secret}`).to.equal(false);
      }
    });
  });
});
