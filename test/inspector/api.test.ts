import { InvokeCommand } from '@aws-sdk/client-lambda';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { computeChecksum, crc32, crc32c, crc64nvme, inspectRequest, startInspector, TEST_CREDENTIALS, type Inspector } from '@sdk-events/inspector';
import { expect } from 'chai';
import { cloudWatchClient, lambdaClient } from '../helpers/clients.js';
import { sendRaw } from './raw-http.js';

describe('inspector: API', () => {
  describe('startInspector', () => {
    it('listens on 127.0.0.1 on a free port by default', async () => {
      const inspector = await startInspector();
      try {
        expect(inspector.host).to.equal('127.0.0.1');
        expect(inspector.port).to.be.above(0);
        expect(inspector.url).to.equal(`http://127.0.0.1:${inspector.port}`);
        expect(inspector.records).to.deep.equal([]);
      } finally {
        await inspector.close();
      }
    });

    it('TEST_CREDENTIALS can be given to a client as they are (the SDK writes $source on them), and verify', async () => {
      const inspector = await startInspector();
      try {
        const client = new CloudWatchClient({ region: 'us-east-1', endpoint: inspector.url, credentials: TEST_CREDENTIALS });
        await client.send(new PutMetricDataCommand({ Namespace: 'creds', MetricData: [{ MetricName: 'm', Value: 1 }] }));
        expect(inspector.records[0]!.signature.valid).to.equal(true);
      } finally {
        await inspector.close();
      }
    });

    it('rejects bad options with a TypeError naming the option', async () => {
      const cases: Array<[unknown, string]> = [
        [{ port: 70000 }, 'port must be an integer from 0 to 65535'],
        [{ port: 1.5 }, 'port must be an integer'],
        [{ host: '' }, 'host must be a non-empty string'],
        [{ credentials: [{ accessKeyId: 'A' }] }, 'credentials[0] must have non-empty string accessKeyId and secretAccessKey'],
        [{ credentials: 'AKID' }, 'credentials must be an array'],
        [{ maxBytes: 0 }, 'maxBytes must be a positive number'],
        [{ maxItems: -1 }, 'maxItems must be a positive number'],
        [{ log: 'console' }, 'log must be a function'],
        [{ strict: 'yes' }, 'strict must be a boolean'],
      ];
      for (const [options, message] of cases) {
        const error = await startInspector(options as never).then(
          async (inspector) => {
            await inspector.close();
            return undefined;
          },
          (e: unknown) => e,
        );
        expect(error, JSON.stringify(options)).to.be.instanceOf(TypeError);
        expect((error as Error).message).to.contain(message);
      }
    });

    it('says which address is taken', async () => {
      const first = await startInspector();
      try {
        const error = (await startInspector({ port: first.port }).catch((e: unknown) => e)) as Error;
        expect(error.message).to.contain(`cannot listen on 127.0.0.1:${first.port}`);
      } finally {
        await first.close();
      }
    });
  });

  describe('an inspector', () => {
    let inspector: Inspector;
    beforeEach(async () => {
      inspector = await startInspector();
    });
    afterEach(async () => {
      await inspector.close();
    });

    it('failNext rejects bad input with a TypeError', () => {
      expect(() => inspector.failNext(0, { status: 500 })).to.throw(TypeError, 'count must be a positive integer');
      expect(() => inspector.failNext(1.5, { status: 500 })).to.throw(TypeError, 'count must be a positive integer');
      expect(() => inspector.failNext(1, { status: 200 })).to.throw(TypeError, 'fault.status must be an integer from 400 to 599');
      expect(() => inspector.failNext(1, { status: 500, code: '' })).to.throw(TypeError, 'fault.code must be a non-empty string');
      expect(() => inspector.failNext(1, null as never)).to.throw(TypeError, 'fault must be an object');
      expect(inspector.pendingFaults).to.equal(0);
    });

    it('close() closes idle keep-alive connections at once and can be called twice', async () => {
      const client = lambdaClient(inspector.url);
      await client.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{}') }));
      expect(inspector.records[0]!.headers['connection']).to.equal('keep-alive');
      await inspector.close();
      await inspector.close();
      const error = (await client.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{}') })).catch((e: unknown) => e)) as Error & { code?: string };
      expect(error).to.be.instanceOf(Error);
      expect(inspector.records).to.have.length(1);
    });

    it('waitForRecords resolves once enough requests arrived, and rejects with a count when not', async () => {
      const waiting = inspector.waitForRecords(2);
      const client = cloudWatchClient(inspector.url);
      await client.send(new PutMetricDataCommand({ Namespace: 'n', MetricData: [{ MetricName: 'a', Value: 1 }] }));
      await client.send(new PutMetricDataCommand({ Namespace: 'n', MetricData: [{ MetricName: 'b', Value: 2 }] }));
      expect((await waiting).map((record) => record.id)).to.deep.equal([1, 2]);
      const error = (await inspector.waitForRecords(3, 50).catch((e: unknown) => e)) as Error;
      expect(error.message).to.equal('waitForRecords: 2 of 3 requests arrived within 50 ms');
    });

    it('log and onRequest see each request', async () => {
      const lines: string[] = [];
      const seen: number[] = [];
      const logged = await startInspector({ log: (line) => lines.push(line), onRequest: (record) => seen.push(record.id) });
      try {
        await lambdaClient(logged.url).send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{}') }));
        expect(seen).to.deep.equal([1]);
        expect(lines).to.have.length(1);
        expect(lines[0]).to.match(/^#1 POST \/2015-03-31\/functions\/f\/invocations \| lambda Invoke \(f\) \| -> 200 \|/);
      } finally {
        await logged.close();
      }
    });

    it('answers requests for services it does not know with 200 {} and records them', async () => {
      const response = await sendRaw(inspector.url, { method: 'GET', path: '/favicon.ico', headers: {} });
      expect(response.status).to.equal(200);
      expect(response.headers['x-amzn-requestid']).to.equal(inspector.records[0]!.requestId);
      expect(inspector.records[0]).to.include({ service: 'unknown', operation: undefined, protocol: 'unknown' });
    });
  });

  describe('inspectRequest (no server)', () => {
    it('takes apart a raw request', () => {
      const body = Buffer.from('Action=PutMetricData&Version=2010-08-01&Namespace=n&MetricData.member.1.MetricName=a&MetricData.member.1.Value=1&MetricData.member.2.MetricName=b&MetricData.member.2.Value=2');
      const { record } = inspectRequest(
        { method: 'POST', url: '/', rawHeaders: ['Content-Type', 'application/x-www-form-urlencoded', 'Content-Length', String(body.length)], body },
        { credentials: [TEST_CREDENTIALS] },
      );
      expect(record).to.include({ service: 'cloudwatch', operation: 'PutMetricData', protocol: 'awsQuery', metricCount: 2 });
      expect(record.contentLength).to.deep.equal({ header: body.length, valid: true });
      expect(record.signature.present).to.equal(false);
      expect(record.problems).to.deep.equal([]);
    });
  });

  describe('checksums', () => {
    const check = Buffer.from('123456789');
    it('match the published check values of CRC-32, CRC-32C and CRC-64/NVME', () => {
      expect(crc32(check).toString(16)).to.equal('cbf43926');
      expect(crc32c(check).toString(16)).to.equal('e3069283');
      expect(crc64nvme(check).toString('hex')).to.equal('ae8b14860a799888');
      expect(crc32c(Buffer.alloc(32, 0)).toString(16)).to.equal('8a9136aa');
      expect(crc64nvme(Buffer.alloc(0)).toString('hex')).to.equal('0000000000000000');
    });

    it('encode header values as S3 does (base64 of the big-endian value)', () => {
      expect(computeChecksum('x-amz-checksum-crc32', Buffer.from('hello'))).to.equal('NhCmhg==');
      expect(computeChecksum('x-amz-checksum-crc32c', check)).to.equal(Buffer.from('e3069283', 'hex').toString('base64'));
      expect(computeChecksum('x-amz-checksum-sha256', Buffer.alloc(0))).to.equal('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
      expect(computeChecksum('content-md5', Buffer.alloc(0))).to.equal('1B2M2Y8AsgTpgAmY7PhCfg==');
      expect(computeChecksum('x-amz-checksum-unknown', check)).to.equal(undefined);
    });
  });
});
