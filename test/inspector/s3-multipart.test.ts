// S3 multipart uploads against the inspector, driven by @aws-sdk/lib-storage as users drive them.
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { useInspector } from '../helpers/inspector.js';
import { s3Client } from '../helpers/clients.js';

const MiB = 1024 * 1024;
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest();

/** What `find` finds, once it finds it (within 5 s). */
async function arrival<T>(find: () => T | undefined): Promise<T> {
  for (const started = Date.now(); Date.now() - started < 5000; await new Promise((resolve) => setTimeout(resolve, 10))) {
    const found = find();
    if (found !== undefined) return found;
  }
  throw new Error('not arrived within 5 s');
}

describe('inspector: S3 multipart uploads', () => {
  const inspector = useInspector();

  it("lib-storage's Upload of 11 MiB: three verified parts, GetObject returns the bytes, S3's md5-of-md5s ETag", async () => {
    const s3 = s3Client(inspector.url);
    const body = randomBytes(11 * MiB);
    const upload = new Upload({ client: s3, params: { Bucket: 'bucket', Key: 'big.bin', Body: body, ContentType: 'application/octet-stream' }, partSize: 5 * MiB, queueSize: 2 });
    const result = await upload.done();
    const parts = inspector.records.filter((record) => record.operation === 'UploadPart');
    expect(parts).to.have.length(3);
    for (const part of parts) expect(part.problems, `part ${String(part.query['partNumber'])}`).to.deep.equal([]);
    expect(inspector.records.map((record) => record.operation)).to.include.members(['CreateMultipartUpload', 'CompleteMultipartUpload']);

    const expected = `"${createHash('md5').update(Buffer.concat([body.subarray(0, 5 * MiB), body.subarray(5 * MiB, 10 * MiB), body.subarray(10 * MiB)].map(md5))).digest('hex')}-3"`;
    expect(result.ETag).to.equal(expected);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'big.bin' }));
    expect(got.ETag).to.equal(expected);
    expect(got.ContentType).to.equal('application/octet-stream');
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).to.equal(true);
  });

  it('an Upload aborted midway leaves no object and forgets its parts', async () => {
    const s3 = s3Client(inspector.url);
    const controller = new AbortController();
    const upload = new Upload({ client: s3, params: { Bucket: 'bucket', Key: 'aborted.bin', Body: randomBytes(16 * MiB) }, partSize: 5 * MiB, queueSize: 1, abortController: controller });
    upload.on('httpUploadProgress', () => controller.abort());
    const failure = await upload.done().catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(Error);
    expect(inspector.object('bucket', 'aborted.bin')).to.equal(undefined);
    // done() rejects at the abort; lib-storage then sends AbortMultipartUpload.
    const abort = await arrival(() => inspector.records.find((record) => record.operation === 'AbortMultipartUpload'));
    expect(abort.status).to.equal(204);
    // Its parts are gone: the upload id is unknown now.
    const again = await s3
      .send(new UploadPartCommand({ Bucket: 'bucket', Key: 'aborted.bin', UploadId: String(abort.query['uploadId']), PartNumber: 9, Body: 'x' }))
      .catch((error: { name: string }) => error.name);
    expect(again).to.equal('NoSuchUpload');
  });

  it("S3's errors: NoSuchUpload, InvalidPart (wrong ETag), InvalidPartOrder, EntityTooSmall; Abort forgets the upload", async () => {
    const s3 = s3Client(inspector.url);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'bucket', Key: 'parts' }));
    const small = await s3.send(new UploadPartCommand({ Bucket: 'bucket', Key: 'parts', UploadId, PartNumber: 1, Body: 'tiny' }));
    const last = await s3.send(new UploadPartCommand({ Bucket: 'bucket', Key: 'parts', UploadId, PartNumber: 2, Body: 'last' }));
    const complete = (Parts: { ETag?: string; PartNumber: number }[]) =>
      s3.send(new CompleteMultipartUploadCommand({ Bucket: 'bucket', Key: 'parts', UploadId, MultipartUpload: { Parts } })).catch((error: { name: string }) => error.name);
    expect(await complete([{ ETag: '"0123"', PartNumber: 1 }])).to.equal('InvalidPart');
    expect(await complete([{ ETag: last.ETag, PartNumber: 2 }, { ETag: small.ETag, PartNumber: 1 }])).to.equal('InvalidPartOrder');
    expect(await complete([{ ETag: small.ETag, PartNumber: 1 }, { ETag: last.ETag, PartNumber: 2 }])).to.equal('EntityTooSmall');
    await s3.send(new AbortMultipartUploadCommand({ Bucket: 'bucket', Key: 'parts', UploadId }));
    const afterAbort = await s3.send(new UploadPartCommand({ Bucket: 'bucket', Key: 'parts', UploadId, PartNumber: 3, Body: 'x' })).catch((error: { name: string }) => error.name);
    expect(afterAbort).to.equal('NoSuchUpload');
    expect(inspector.object('bucket', 'parts')).to.equal(undefined);
  });
});
