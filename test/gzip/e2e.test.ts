// End to end: real clients, through the bridge, against the verifying local endpoint.
import { expect } from 'chai';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { PutObjectCommand, type ChecksumAlgorithm } from '@aws-sdk/client-s3';
import { eventsOf } from '@sdk-events/core';
import { createGzipHandler, gzipPlugin, gzipRequestBody } from '@sdk-events/gzip';
import { startInspector, type InspectedRequest, type Inspector } from '@sdk-events/inspector';
import { TEST_CREDENTIALS, cloudWatchClient, s3Client } from '../helpers/clients.js';
import { metricData } from './helpers.js';

/** Everything the SDK or node could print as a warning: process warnings and console.warn. */
function watchWarnings(): { warnings: unknown[]; stop(): void } {
  const warnings: unknown[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  const consoleWarn = console.warn;
  process.on('warning', onWarning);
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return {
    warnings,
    stop() {
      console.warn = consoleWarn;
      process.off('warning', onWarning);
    },
  };
}

/** The request verified everything: signature, payload hash, content-length, checksums. */
function expectValid(record: InspectedRequest): void {
  expect(record.problems, record.problems.join('; ')).to.deep.equal([]);
  expect(record.signature.present).to.equal(true);
  expect(record.signature.valid, record.signature.reason).to.equal(true);
  expect(record.payloadHash.valid).to.not.equal(false);
  expect(record.contentLength.valid).to.not.equal(false);
  for (const checksum of record.checksums) expect(checksum.valid, `${checksum.name}`).to.equal(true);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('gzip: end to end (real clients, inspector)', () => {
  let inspector: Inspector;
  let watch: ReturnType<typeof watchWarnings>;
  before(async () => {
    inspector = await startInspector({ credentials: [TEST_CREDENTIALS] });
  });
  after(() => inspector.close());
  beforeEach(() => {
    inspector.clear();
    watch = watchWarnings();
  });
  afterEach(() => watch.stop());

  it("the seed's registration: PutMetricData arrives gzipped once, signed over the compressed bytes, no warning", async () => {
    const cw = cloudWatchClient(inspector.url);
    const serialized: unknown[] = [];
    eventsOf(cw).registerFirst('before-sign.cloudwatch.PutMetricData', ({ request }) => void serialized.push(request.body));
    eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: metricData(20) }));
    watch.stop();
    expect(watch.warnings).to.deep.equal([]);
    // The SDK's byte body caches the string it converts to when a string method is called (with a
    // warning printed at most once a minute per process): it must never have been asked for one.
    expect(serialized).to.have.length(1);
    expect(ArrayBuffer.isView(serialized[0])).to.equal(true);
    if (serialized[0] !== null && typeof serialized[0] === 'object' && 'string' in serialized[0]) {
      expect((serialized[0] as { string: unknown }).string).to.equal(null);
    }
    expect(inspector.records).to.have.length(1);
    const [record] = inspector.records as [InspectedRequest];
    expectValid(record);
    expect(record.operation).to.equal('PutMetricData');
    expect(record.gzipLayers).to.equal(1);
    expect(record.contentEncoding).to.deep.equal(['gzip']);
    expect(record.signature.signedHeaders).to.include.members(['content-encoding', 'content-length']);
    expect(record.payloadHash.valid).to.equal(true);
    expect(record.payloadHash.header).to.equal(sha256(record.wireBody));
    expect(record.contentLength.valid).to.equal(true);
    expect(record.contentLength.header).to.equal(record.wireBody.length);
    expect(record.wireBody.length).to.be.lessThan(record.decodedBody.length);
    expect(record.metricCount).to.equal(20);
    expect(JSON.parse(record.decodedBody.toString()).MetricData).to.have.length(20);
  });

  it('on a retry, each attempt is gzipped once and validly signed', async () => {
    const cw = cloudWatchClient(inspector.url);
    eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
    inspector.failNext(1, { status: 500, code: 'InternalFailure' });
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: metricData(30) }));
    expect(inspector.records).to.have.length(2);
    const [first, second] = inspector.records as [InspectedRequest, InspectedRequest];
    expect(first.status).to.equal(500);
    expect(second.status).to.equal(200);
    for (const record of [first, second]) {
      expectValid(record);
      expect(record.gzipLayers).to.equal(1);
      expect(record.contentEncoding).to.deep.equal(['gzip']);
      expect(record.payloadHash.valid).to.equal(true);
      expect(record.metricCount).to.equal(30);
    }
    expect(second.decodedBody.equals(first.decodedBody)).to.equal(true);
    watch.stop();
    expect(watch.warnings).to.deep.equal([]);
  });

  it('exactly one gzip layer when the SDK compressed first (a body of 10 KiB and more), retries too', async () => {
    const cw = cloudWatchClient(inspector.url);
    eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
    inspector.failNext(1, { status: 500, code: 'InternalFailure' });
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: metricData(400) }));
    expect(inspector.records).to.have.length(2);
    for (const record of inspector.records) {
      expect(record.decodedBody.length).to.be.at.least(10240);
      expectValid(record);
      expect(record.gzipLayers).to.equal(1);
      expect(record.contentEncoding).to.deep.equal(['gzip']);
      expect(record.metricCount).to.equal(400);
    }
  });

  it('the SDK with its own compression disabled: the handler compresses a large body (off the event loop) once', async () => {
    const cw = cloudWatchClient(inspector.url, { disableRequestCompression: true });
    eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', createGzipHandler());
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: metricData(400) }));
    const [record] = inspector.records as [InspectedRequest];
    expectValid(record);
    expect(record.gzipLayers).to.equal(1);
    expect(record.metricCount).to.equal(400);
  });

  it('gzipPlugin: compresses from 1 KiB by default, leaves smaller bodies alone', async () => {
    const cw = cloudWatchClient(inspector.url);
    eventsOf(cw).use(gzipPlugin());
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: metricData(1) }));
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: metricData(20) }));
    const [small, medium] = inspector.records as [InspectedRequest, InspectedRequest];
    expect(small.decodedBody.length).to.be.lessThan(1024);
    expect(small.gzipLayers).to.equal(0);
    expect(small.contentEncoding).to.deep.equal([]);
    expect(medium.decodedBody.length).to.be.at.least(1024);
    expect(medium.gzipLayers).to.equal(1);
    for (const record of [small, medium]) expectValid(record);
  });

  describe('S3 PutObject', () => {
    const text = JSON.stringify(metricData(100));

    it('a string body with the default CRC32 checksum arrives gzipped with valid checksums', async () => {
      const s3 = s3Client(inspector.url);
      eventsOf(s3).use(gzipPlugin({ events: 'before-sign.s3.PutObject' }));
      await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'metrics.json', Body: text }));
      const [record] = inspector.records as [InspectedRequest];
      expectValid(record);
      expect(record.gzipLayers).to.equal(1);
      expect(record.decodedBody.toString()).to.equal(text);
      expect(record.checksums.map((c) => c.name)).to.include('x-amz-checksum-crc32');
      expect(record.signature.signedHeaders).to.include.members(['content-encoding', 'x-amz-checksum-crc32']);
      watch.stop();
      expect(watch.warnings).to.deep.equal([]);
    });

    it('with ContentMD5 as well, both checksums arrive valid', async () => {
      const s3 = s3Client(inspector.url);
      eventsOf(s3).register('before-sign.s3.PutObject', gzipRequestBody);
      const md5 = createHash('md5').update(text).digest('base64');
      await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'md5.json', Body: text, ContentMD5: md5 }));
      const [record] = inspector.records as [InspectedRequest];
      expectValid(record);
      expect(record.gzipLayers).to.equal(1);
      expect(record.checksums.map((c) => c.name)).to.include.members(['content-md5', 'x-amz-checksum-crc32']);
      expect(record.headers['content-md5']).to.equal(createHash('md5').update(record.wireBody).digest('base64'));
    });

    for (const algorithm of ['CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as ChecksumAlgorithm[]) {
      it(`ChecksumAlgorithm ${algorithm}: recomputed over the compressed bytes, valid`, async () => {
        const s3 = s3Client(inspector.url);
        eventsOf(s3).register('before-sign.s3.PutObject', gzipRequestBody);
        await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: Buffer.from(text), ChecksumAlgorithm: algorithm }));
        const [record] = inspector.records as [InspectedRequest];
        expectValid(record);
        expect(record.gzipLayers).to.equal(1);
        expect(record.checksums.map((c) => c.name)).to.include(`x-amz-checksum-${algorithm.toLowerCase()}`);
      });
    }

    it('a stream body with a length (aws-chunked, trailing CRC32) is left alone and arrives valid', async () => {
      const s3 = s3Client(inspector.url);
      eventsOf(s3).register('before-sign.s3.PutObject', gzipRequestBody);
      const body = Readable.from([Buffer.from(text.slice(0, 500)), Buffer.from(text.slice(500))]);
      await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'stream', Body: body, ContentLength: text.length }));
      const [record] = inspector.records as [InspectedRequest];
      expectValid(record);
      expect(record.gzipLayers).to.equal(0);
      expect(record.contentEncoding).to.include('aws-chunked');
      expect(record.decodedBody.toString()).to.equal(text);
      expect(record.checksums.length).to.be.at.least(1);
      watch.stop();
      expect(watch.warnings).to.deep.equal([]);
    });

    it('a stream body of unknown length without checksums is compressed as a stream and arrives valid', async () => {
      const sdkWarnings: unknown[] = [];
      const logger = { trace() {}, debug() {}, info() {}, warn: (...args: unknown[]) => void sdkWarnings.push(args.join(' ')), error() {} };
      const s3 = s3Client(inspector.url, { requestChecksumCalculation: 'WHEN_REQUIRED', logger });
      eventsOf(s3).register('before-sign.s3.PutObject', gzipRequestBody);
      const body = Readable.from([Buffer.from(text.slice(0, 500)), Buffer.from(text.slice(500))]);
      await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'stream-gz', Body: body }));
      const [record] = inspector.records as [InspectedRequest];
      expectValid(record);
      expect(record.gzipLayers).to.equal(1);
      expect(record.contentEncoding).to.deep.equal(['gzip']);
      expect(record.headers['transfer-encoding']).to.equal('chunked');
      expect(record.decodedBody.toString()).to.equal(text);
      // The S3 client's own advice about a stream of unknown length (the test's choice of input), nothing else.
      expect(sdkWarnings.every((w) => String(w).includes('Stream of unknown length'))).to.equal(true);
      watch.stop();
      expect(watch.warnings).to.deep.equal([]);
    });
  });
});
