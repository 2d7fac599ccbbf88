import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type ChecksumAlgorithm,
} from '@aws-sdk/client-s3';
import { computeChecksum, startInspector, type Inspector } from '@sdk-events/inspector';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { s3Client } from '../helpers/clients.js';

const streamOf = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));

describe('inspector: S3', () => {
  let inspector: Inspector;
  beforeEach(async () => {
    inspector = await startInspector();
  });
  afterEach(async () => {
    await inspector.close();
  });

  it('PutObject with a string body: flexible checksum header verified, then GetObject returns the bytes', async () => {
    const client = s3Client(inspector.url);
    const put = await client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'greeting.txt', Body: 'hello, inspector' }));
    expect(put.ETag).to.equal(`"${createHash('md5').update('hello, inspector').digest('hex')}"`);
    const [record] = inspector.records;
    expect(record).to.include({ service: 's3', operation: 'PutObject', protocol: 'restXml', resource: 'bucket/greeting.txt', status: 200 });
    expect(record!.signature).to.include({ valid: true, signingService: 's3' });
    expect(record!.payloadHash).to.include({ kind: 'sha256', valid: true });
    expect(record!.checksums).to.have.length(1);
    expect(record!.checksums[0]).to.include({ name: 'x-amz-checksum-crc32', source: 'header', valid: true });
    expect(record!.problems).to.deep.equal([]);

    const got = await client.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'greeting.txt' }));
    expect(await got.Body!.transformToString()).to.equal('hello, inspector');
    expect(got.ETag).to.equal(put.ETag);
    expect(inspector.records[1]).to.include({ operation: 'GetObject', status: 200 });
    expect(inspector.records[1]!.signature.valid).to.equal(true);
  });

  it('PutObject with a stream body: aws-chunked framing, trailer checksum and decoded length verified', async () => {
    const client = s3Client(inspector.url);
    const parts = ['streamed ', 'body ', 'in three parts'];
    const total = parts.join('');
    await client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'stream.txt', Body: streamOf(...parts), ContentLength: total.length }));
    const [record] = inspector.records;
    expect(record!.contentEncoding).to.include('aws-chunked');
    expect(record!.payloadHash).to.include({ header: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', kind: 'streaming-unsigned-trailer', valid: true });
    expect(record!.contentLength.valid).to.equal(undefined);
    expect(record!.decodedContentLength).to.deep.equal({ header: total.length, valid: true });
    expect(record!.wireBody.length).to.be.above(total.length);
    expect(record!.payload.toString()).to.equal(total);
    expect(record!.decodedBody.toString()).to.equal(total);
    expect(Object.keys(record!.trailers)).to.deep.equal(['x-amz-checksum-crc32']);
    expect(record!.checksums).to.deep.equal([
      { name: 'x-amz-checksum-crc32', expected: record!.trailers['x-amz-checksum-crc32'], actual: computeChecksum('x-amz-checksum-crc32', Buffer.from(total)), valid: true, source: 'trailer' },
    ]);
    expect(record!.signature.valid).to.equal(true);
    expect(record!.problems).to.deep.equal([]);
    expect(inspector.object('bucket', 'stream.txt')!.body.toString()).to.equal(total);

    const got = await client.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'stream.txt' }));
    expect(await got.Body!.transformToString()).to.equal(total);
  });

  for (const algorithm of ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as ChecksumAlgorithm[]) {
    it(`agrees with the SDK on ${algorithm}, for string and stream bodies, and the SDK validates it on GetObject`, async () => {
      const client = s3Client(inspector.url);
      const header = `x-amz-checksum-${algorithm.toLowerCase()}`;
      const body = 'The quick brown fox jumps over the lazy dog. '.repeat(50);
      const put = await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'string', Body: body, ChecksumAlgorithm: algorithm }));
      await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'stream', Body: streamOf(body.slice(0, 100), body.slice(100)), ContentLength: body.length, ChecksumAlgorithm: algorithm }));
      const [fromString, fromStream] = inspector.records;
      expect(fromString!.checksums.map((check) => [check.name, check.source, check.valid])).to.deep.equal([[header, 'header', true]]);
      expect(fromStream!.checksums.map((check) => [check.name, check.source, check.valid])).to.deep.equal([[header, 'trailer', true]]);
      expect(fromString!.checksums[0]!.expected).to.equal(fromStream!.checksums[0]!.expected);
      const echoed = (put as unknown as Record<string, string | undefined>)[`Checksum${algorithm}`];
      expect(echoed).to.equal(fromString!.checksums[0]!.expected);

      // The SDK checks the full-object checksum the inspector returns.
      const got = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'stream', ChecksumMode: 'ENABLED' }));
      expect(await got.Body!.transformToString()).to.equal(body);
      expect((got as unknown as Record<string, string | undefined>)[`Checksum${algorithm}`]).to.equal(fromString!.checksums[0]!.expected);
      expect(inspector.records.every((record) => record.problems.length === 0)).to.equal(true);
    });
  }

  it('verifies content-md5 as S3 does: over the bytes sent, gzip content-encoding included', async () => {
    const client = s3Client(inspector.url);
    const original = Buffer.from(JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ i })) }));
    const compressed = gzipSync(original);
    const md5 = createHash('md5').update(compressed).digest('base64');
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'data.json.gz', Body: compressed, ContentEncoding: 'gzip', ContentMD5: md5 }));
    const [record] = inspector.records;
    expect(record!.checksums.find((check) => check.name === 'content-md5')).to.include({ expected: md5, valid: true });
    expect(record!.gzipLayers).to.equal(1);
    expect(record!.payload.equals(compressed)).to.equal(true);
    expect(record!.decodedBody.equals(original)).to.equal(true);
    expect(record!.problems).to.deep.equal([]);
    // S3 keeps content-encoding as object metadata and the bytes as sent.
    const got = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'data.json.gz' }));
    expect(got.ContentEncoding).to.equal('gzip');
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(compressed)).to.equal(true);
  });

  it('reports a wrong checksum and a wrong content-md5 supplied by the caller', async () => {
    const client = s3Client(inspector.url);
    const wrongMd5 = createHash('md5').update('something else').digest('base64');
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'k1', Body: 'payload', ContentMD5: wrongMd5 }));
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'k2', Body: 'payload', ChecksumCRC32: 'AAAAAA==' }));
    const [md5Record, crcRecord] = inspector.records;
    expect(md5Record!.checksums.find((check) => check.name === 'content-md5')).to.include({ expected: wrongMd5, valid: false });
    expect(md5Record!.problems.join('\n')).to.match(/content-md5 is .* but the payload's is /);
    expect(crcRecord!.checksums).to.deep.equal([
      { name: 'x-amz-checksum-crc32', expected: 'AAAAAA==', actual: computeChecksum('x-amz-checksum-crc32', Buffer.from('payload')), valid: false, source: 'header' },
    ]);
    expect(crcRecord!.problems).to.deep.equal([`x-amz-checksum-crc32 is AAAAAA== but the payload's is ${crcRecord!.checksums[0]!.actual}`]);
    // The signature itself is fine: the mismatch is what the caller supplied.
    expect(crcRecord!.signature.valid).to.equal(true);
  });

  it('in strict mode answers a bad checksum with BadDigest, as S3 does', async () => {
    const strict = await startInspector({ strict: true });
    try {
      const client = s3Client(strict.url);
      const error = (await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'payload', ChecksumCRC32: 'AAAAAA==' })).catch((e: unknown) => e)) as Error;
      expect(error.name).to.equal('BadDigest');
      expect(strict.records[0]!.status).to.equal(400);
      expect(strict.object('b', 'k')).to.equal(undefined);
    } finally {
      await strict.close();
    }
  });

  it('signs keys with spaces, plus signs, unicode and slashes as S3 does (encoded once, not normalized)', async () => {
    const client = s3Client(inspector.url);
    const keys = ['dir/a b+c.txt', 'ünïcødé/ключ', 'a//double/./dot/../x', "quote'(paren)*star!"];
    for (const key of keys) await client.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: key }));
    for (const key of keys) {
      const got = await client.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
      expect(await got.Body!.transformToString()).to.equal(key);
    }
    expect(inspector.records.map((record) => record.resource)).to.deep.equal([...keys, ...keys].map((key) => `b/${key}`));
    expect(inspector.records.map((record) => record.signature.valid)).to.deep.equal(new Array(keys.length * 2).fill(true));
    const dotted = inspector.records[2]!;
    expect(dotted.signature.canonicalRequest!.split('\n')[1]).to.equal(dotted.path);
  });

  it('answers the bucket and object operations a test needs', async () => {
    const client = s3Client(inspector.url);
    await client.send(new CreateBucketCommand({ Bucket: 'made' }));
    await client.send(new HeadBucketCommand({ Bucket: 'made' }));
    await client.send(new PutObjectCommand({ Bucket: 'made', Key: 'a/1', Body: 'one', ContentType: 'text/plain', Metadata: { owner: 'tests' } }));
    await client.send(new PutObjectCommand({ Bucket: 'made', Key: 'a/2', Body: 'two!' }));
    const head = await client.send(new HeadObjectCommand({ Bucket: 'made', Key: 'a/1' }));
    expect([head.ContentLength, head.ContentType, head.Metadata?.['owner']]).to.deep.equal([3, 'text/plain', 'tests']);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'made', Prefix: 'a/' }));
    expect(listed.Contents?.map((object) => [object.Key, object.Size])).to.deep.equal([
      ['a/1', 3],
      ['a/2', 4],
    ]);
    const ranged = await client.send(new GetObjectCommand({ Bucket: 'made', Key: 'a/2', Range: 'bytes=1-2' }));
    expect(await ranged.Body!.transformToString()).to.equal('wo');
    await client.send(new DeleteObjectCommand({ Bucket: 'made', Key: 'a/1' }));
    const missing = (await client.send(new GetObjectCommand({ Bucket: 'made', Key: 'a/1' })).catch((e: unknown) => e)) as Error & { $metadata: { httpStatusCode?: number } };
    expect(missing.name).to.equal('NoSuchKey');
    expect(missing.$metadata.httpStatusCode).to.equal(404);
    const headMissing = (await client.send(new HeadObjectCommand({ Bucket: 'made', Key: 'a/1' })).catch((e: unknown) => e)) as Error & { $metadata: { httpStatusCode?: number } };
    expect(headMissing.$metadata.httpStatusCode).to.equal(404);
    expect(inspector.records.map((record) => record.operation)).to.deep.equal([
      'CreateBucket',
      'HeadBucket',
      'PutObject',
      'PutObject',
      'HeadObject',
      'ListObjectsV2',
      'GetObject',
      'DeleteObject',
      'GetObject',
      'HeadObject',
    ]);
    expect(inspector.records.every((record) => record.signature.valid && record.problems.length === 0)).to.equal(true);
    expect(inspector.records.every((record) => record.headers['host'] !== undefined && record.requestId.length > 0)).to.equal(true);
  });
});
