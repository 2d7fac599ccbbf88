// The inspector is safe to leave running: bodies, what they decode to, and what records keep are bounded.
import zlib from 'node:zlib';
import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { eventsOf } from '@sdk-events/core';
import { parseCliArgs, startInspector, type Inspector, type InspectorOptions } from '@sdk-events/inspector';
import { cloudWatchClient, s3Client } from '../helpers/clients.js';

const MiB = 1024 * 1024;

/** `decodedSize` zero bytes gzipped (run-length: about a thousandth of that), built without holding them. */
async function gzipBomb(decodedSize: number): Promise<Buffer> {
  const gzip = zlib.createGzip({ level: 9, strategy: zlib.constants.Z_RLE });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(MiB);
  for (let written = 0; written < decodedSize; written += MiB) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}

/** A CloudWatch client whose PutMetricData body is replaced by `body`, declared gzip; signed as sent. */
function sendingGzipBody(url: string, body: Buffer) {
  const client = cloudWatchClient(url, { maxAttempts: 1 });
  eventsOf(client).register('before-sign.cloudwatch.PutMetricData', ({ request }) => {
    request.body = body;
    request.headers['Content-Encoding'] = 'gzip';
  });
  return client;
}

const putMetric = () => new PutMetricDataCommand({ Namespace: 'Limits', MetricData: [{ MetricName: 'm', Value: 1 }] });

describe('inspector: limits (safe to leave running)', () => {
  let inspector: Inspector;
  const start = async (options?: InspectorOptions) => (inspector = await startInspector(options));
  afterEach(async () => {
    await inspector?.close();
  });

  it('a 1 MB gzip that inflates to 1 GiB: a 413 and a record that says why, decoding stopped at the default 64 MiB', async () => {
    await start();
    const bomb = await gzipBomb(1024 * MiB);
    expect(bomb.length).to.be.below(2 * MiB);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const error = await sendingGzipBody(inspector.url, bomb).send(putMetric()).catch((e: unknown) => e);
    const grew = process.memoryUsage().rss - before;
    expect(error).to.have.nested.property('$metadata.httpStatusCode', 413);
    const [record] = inspector.records;
    expect(record!.status).to.equal(413);
    expect(record!.errorCode).to.equal('RequestEntityTooLarge');
    expect(record!.problems.join('\n')).to.match(/decodes to more than 67108864 bytes \(maxDecodedBytes\)/);
    // Inflating all of it took 2.5 GB before the bound; now at most the bound and its copies.
    expect(grew, `rss grew by ${Math.round(grew / MiB)} MiB`).to.be.below(512 * MiB);
  });

  it('maxDecodedBytes: the SDK\'s own gzip decodes as ever; a body decoding past the limit is a 413', async () => {
    await start({ maxDecodedBytes: MiB });
    const cw = cloudWatchClient(inspector.url);
    const metrics = Array.from({ length: 300 }, (_, i) => ({ MetricName: `metric-${i}`, Value: i, Dimensions: [{ Name: 'Host', Value: 'a'.repeat(40) }] }));
    await cw.send(new PutMetricDataCommand({ Namespace: 'Limits', MetricData: metrics }));
    expect(inspector.records[0]!.gzipLayers).to.equal(1);
    expect(inspector.records[0]!.metricCount).to.equal(300);
    expect(inspector.records[0]!.problems).to.deep.equal([]);

    const error = await sendingGzipBody(inspector.url, zlib.gzipSync(Buffer.alloc(2 * MiB))).send(putMetric()).catch((e: unknown) => e);
    expect(error).to.have.nested.property('$metadata.httpStatusCode', 413);
    expect(inspector.records[1]!.problems.join('\n')).to.contain('content-encoding layer 1 of 1 (gzip) decodes to more than 1048576 bytes (maxDecodedBytes)');
  });

  it('maxBodyBytes: a larger body is read to its end, answered 413, and not kept; its record keeps its size', async () => {
    await start({ maxBodyBytes: 100 * 1024 });
    const s3 = s3Client(inspector.url, { maxAttempts: 1 });
    const error = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'big', Body: Buffer.alloc(200 * 1024, 1) })).catch((e: unknown) => e);
    expect(error).to.have.nested.property('$metadata.httpStatusCode', 413);
    const [record] = inspector.records;
    expect(record!.wireBody.length).to.equal(0);
    expect(record!.bodySizes!.wire).to.be.at.least(200 * 1024);
    expect(record!.bodiesDropped).to.match(/more than 102400 \(maxBodyBytes\): not kept, not verified/);
    expect(inspector.object('b', 'big')).to.equal(undefined);
    // A body within the limit is kept and stored as ever.
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'small', Body: Buffer.alloc(50 * 1024, 2) }));
    expect(inspector.records[1]!.wireBody.length).to.be.at.least(50 * 1024);
  });

  it('maxStoredBodyBytes: the oldest records lose their bodies first, keeping sizes and verification; S3 objects stay whole', async () => {
    await start({ maxStoredBodyBytes: MiB });
    const s3 = s3Client(inspector.url);
    for (const key of ['one', 'two', 'three']) await s3.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: Buffer.alloc(600 * 1024, key.length) }));
    const [one, two, three] = inspector.records;
    for (const dropped of [one!, two!]) {
      expect(dropped.wireBody.length).to.equal(0);
      expect(dropped.bodySizes!.payload).to.equal(600 * 1024);
      expect(dropped.bodiesDropped).to.contain('maxStoredBodyBytes');
      expect(dropped.signature.valid).to.equal(true);
    }
    expect(three!.payload.length).to.equal(600 * 1024);
    expect(three!.bodiesDropped).to.equal(undefined);
    const object = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'one' }));
    expect((await object.Body!.transformToByteArray()).length).to.equal(600 * 1024);
  });

  it('maxRecords: the newest records are kept', async () => {
    await start({ maxRecords: 3 });
    const cw = cloudWatchClient(inspector.url);
    for (let i = 0; i < 5; i++) await cw.send(putMetric());
    expect(inspector.records.map((record) => record.id)).to.deep.equal([3, 4, 5]);
  });

  it('bad limits are TypeErrors naming the option; the CLI takes them as flags', async () => {
    for (const name of ['maxBodyBytes', 'maxDecodedBytes', 'maxRecords', 'maxStoredBodyBytes']) {
      for (const bad of [0, -1, 1.5, 'many']) {
        let thrown: unknown;
        await startInspector({ [name]: bad } as InspectorOptions).then((started) => started.close(), (error: unknown) => (thrown = error));
        expect(thrown, `${name}: ${String(bad)}`).to.be.instanceOf(TypeError).with.property('message').that.contains(name);
      }
    }
    const { options } = parseCliArgs(['--max-body-bytes', '10', '--max-decoded-bytes', '20', '--max-records', '30', '--max-stored-body-bytes', '40']);
    expect(options).to.include({ maxBodyBytes: 10, maxDecodedBytes: 20, maxRecords: 30, maxStoredBodyBytes: 40 });
  });
});
