import { expect } from 'chai';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { eventsOf } from '@sdk-events/core';
import { gzipPlugin, MULTIPART_PART_OPERATIONS } from '@sdk-events/gzip';
import { loggingPlugin } from '@sdk-events/logging';
import { useInspector } from '../helpers/inspector.js';
import { s3Client } from '../helpers/clients.js';
import { memoryLogger } from '../logging/memory-logger.js';

const text = JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, name: `metric-${i}` })));

describe('gzip: multipart parts and presigns are left alone (real clients)', () => {
  const inspector = useInspector();

  it('gzipPlugin refuses an event that names a multipart part, saying why', () => {
    expect(MULTIPART_PART_OPERATIONS).to.deep.equal(['UploadPart', 'UploadPartCopy']);
    expect(() => gzipPlugin({ events: ['before-sign.s3.PutObject', 'before-sign.s3.UploadPart'] })).to.throw(
      TypeError,
      /'before-sign\.s3\.UploadPart' names UploadPart.*GetObject would return bytes you never uploaded/,
    );
    expect(() => gzipPlugin({ events: 'before-sign.s3.UploadPartCopy' })).to.throw(TypeError, /UploadPartCopy/);
  });

  it('under a glob that covers UploadPart, a part is sent as it is', async () => {
    const s3 = s3Client(inspector.url);
    eventsOf(s3).use(gzipPlugin({ events: 'before-sign.s3', minBytes: 0 }));
    await s3.send(new UploadPartCommand({ Bucket: 'bucket', Key: 'k', UploadId: 'u', PartNumber: 1, Body: text })).catch(() => undefined);
    const record = inspector.records.at(-1)!;
    expect(record.headers['content-encoding']).to.equal(undefined);
    expect(record.wireBody.toString()).to.equal(text);
  });

  it("lib-storage's Upload (one part) with gzip on PutObject: GetObject gives back what was uploaded", async () => {
    const s3 = s3Client(inspector.url);
    eventsOf(s3).use(gzipPlugin({ events: 'before-sign.s3.PutObject' }));
    await new Upload({ client: s3, params: { Bucket: 'bucket', Key: 'upload.json', Body: Buffer.from(text) } }).done();
    const got = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'upload.json' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(got.ContentEncoding).to.equal('gzip');
    expect(gunzipSync(bytes).toString()).to.equal(text);
  });

  for (const events of ['before-sign.s3.PutObject', 'before-sign.s3']) {
    it(`lib-storage's multipart Upload (3 parts) with gzip on ${events}: no part is gzipped, GetObject gives back the bytes`, async () => {
      const s3 = s3Client(inspector.url);
      eventsOf(s3).use(gzipPlugin({ events }));
      const body = Buffer.from(text.repeat(Math.ceil((11 * 1024 * 1024) / text.length)));
      const result = await new Upload({ client: s3, params: { Bucket: 'bucket', Key: 'multipart.json', Body: body }, partSize: 5 * 1024 * 1024 }).done();
      const parts = inspector.records.filter((record) => record.operation === 'UploadPart');
      expect(parts).to.have.length(3);
      for (const part of parts) {
        expect(part.headers['content-encoding']).to.equal(undefined);
        expect(part.problems).to.deep.equal([]);
      }
      expect(result.ETag).to.match(/-3"$/);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'multipart.json' }));
      expect(got.ContentEncoding).to.equal(undefined);
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).to.equal(true);
    });
  }

  it('a presign: gzip compresses nothing, logging writes no line, handlers see s3v4-query', async () => {
    const s3 = s3Client(inspector.url);
    const logger = memoryLogger();
    const seen: Array<[string, unknown]> = [];
    eventsOf(s3).use(gzipPlugin({ events: 'before-sign.s3', minBytes: 0 }));
    eventsOf(s3).use(loggingPlugin({ logger, level: 'trace' }));
    eventsOf(s3).register('*.s3', (payload: { eventName: string; signatureVersion?: unknown }) => {
      seen.push([payload.eventName.split('.')[0]!, payload.signatureVersion]);
    });
    const url = new URL(await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'bucket', Key: 'p.json', Body: text }), { expiresIn: 60 }));
    expect(url.searchParams.get('X-Amz-Signature')).to.match(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).to.not.include('content-encoding');
    expect(logger.calls).to.deep.equal([]);
    expect(seen.map(([event]) => event)).to.deep.equal(['provide-client-params', 'before-parameter-build', 'choose-signer', 'before-sign']);
    expect(seen.filter(([event]) => event === 'choose-signer' || event === 'before-sign').map(([, version]) => version)).to.deep.equal([
      's3v4-query',
      's3v4-query',
    ]);
    // The URL works: the inspector verifies its signature as a request would be.
    const response = await fetch(url, { method: 'PUT', body: text });
    expect(response.status).to.be.lessThan(500);
  });
});
