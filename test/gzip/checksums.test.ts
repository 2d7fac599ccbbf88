// Checksum headers: recomputed over the compressed bytes, or the body is left alone.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { gzipRequest, RECOMPUTABLE_CHECKSUM_HEADERS } from '@sdk-events/gzip';
import { bodyBytes, metricJson, request, sdkChecksum, unwrapGzip } from './helpers.js';

const text = metricJson(4000);
const original = Buffer.from(text);
const hash = (algorithm: string, bytes: Uint8Array, encoding: 'base64' | 'hex' = 'base64') =>
  createHash(algorithm).update(bytes).digest(encoding);

describe('gzip: checksums', () => {
  it('recomputes content-md5, x-amz-checksum-sha1 and -sha256 over the compressed bytes (node:crypto)', async () => {
    const req = request(text, {
      'Content-MD5': hash('md5', original),
      'x-amz-checksum-sha1': hash('sha1', original),
      'X-Amz-Checksum-Sha256': hash('sha256', original),
    });
    const outcome = await gzipRequest(req);
    expect(outcome.compressed).to.equal(true);
    const sent = bodyBytes(req);
    expect(unwrapGzip(sent).inner.equals(original)).to.equal(true);
    expect(req.headers['Content-MD5']).to.equal(hash('md5', sent));
    expect(req.headers['x-amz-checksum-sha1']).to.equal(hash('sha1', sent));
    expect(req.headers['X-Amz-Checksum-Sha256']).to.equal(hash('sha256', sent));
  });

  for (const algorithm of ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const) {
    it(`recomputes x-amz-checksum-${algorithm.toLowerCase()} as the S3 client computes it`, async () => {
      const header = `x-amz-checksum-${algorithm.toLowerCase()}`;
      const req = request(text, { [header]: await sdkChecksum(algorithm, original), 'x-amz-sdk-checksum-algorithm': algorithm });
      expect((await gzipRequest(req)).compressed).to.equal(true);
      const sent = bodyBytes(req);
      expect(req.headers[header]).to.equal(await sdkChecksum(algorithm, sent));
      expect(req.headers[header]).to.not.equal(await sdkChecksum(algorithm, original));
      expect(req.headers['x-amz-sdk-checksum-algorithm']).to.equal(algorithm);
    });
  }

  it('computes the CRCs right on the standard check input "123456789"', async () => {
    // Check values from the CRC catalogue: CRC-32 cbf43926, CRC-32C e3069283, CRC-64/NVME ae8b14860a799888.
    const check = Buffer.from('123456789');
    const expected: Record<string, string> = {
      CRC32: Buffer.from('cbf43926', 'hex').toString('base64'),
      CRC32C: Buffer.from('e3069283', 'hex').toString('base64'),
      CRC64NVME: Buffer.from('ae8b14860a799888', 'hex').toString('base64'),
    };
    for (const [algorithm, value] of Object.entries(expected)) {
      // A request whose body is the check input: the header matches, so it is recomputed (not refused).
      const req = request(check, { [`x-amz-checksum-${algorithm.toLowerCase()}`]: value });
      expect(await gzipRequest(req, { minBytes: 0 })).to.include({ compressed: true });
    }
  });

  it('recomputes a hex x-amz-content-sha256 set before signing', async () => {
    const req = request(text, { 'x-amz-content-sha256': hash('sha256', original, 'hex') });
    expect((await gzipRequest(req)).compressed).to.equal(true);
    expect(req.headers['x-amz-content-sha256']).to.equal(hash('sha256', bodyBytes(req), 'hex'));
  });

  it('keeps x-amz-content-sha256: UNSIGNED-PAYLOAD (it covers no bytes)', async () => {
    const req = request(text, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' });
    expect((await gzipRequest(req)).compressed).to.equal(true);
    expect(req.headers['x-amz-content-sha256']).to.equal('UNSIGNED-PAYLOAD');
  });

  it('ignores x-amz-checksum- headers that carry no digest', async () => {
    const req = request(text, {
      'x-amz-checksum-type': 'FULL_OBJECT',
      'x-amz-checksum-algorithm': 'CRC32',
      'x-amz-checksum-crc32': await sdkChecksum('CRC32', original),
    });
    expect((await gzipRequest(req)).compressed).to.equal(true);
    expect(req.headers['x-amz-checksum-type']).to.equal('FULL_OBJECT');
    expect(req.headers['x-amz-checksum-crc32']).to.equal(await sdkChecksum('CRC32', bodyBytes(req)));
  });

  const refusals: Array<[string, Record<string, string>, string]> = [
    ['an algorithm it cannot compute', { 'x-amz-checksum-xxhash64': 'AAAAAAAAAAA=' }, 'checksum-unknown'],
    ['a content-md5 that does not match the body', { 'content-md5': hash('md5', Buffer.from('other')) }, 'checksum-mismatch'],
    ['a crc32 that does not match the body', { 'x-amz-checksum-crc32': 'AAAAAA==' }, 'checksum-mismatch'],
    ['a payload hash of other bytes', { 'x-amz-content-sha256': hash('sha256', Buffer.from('x'), 'hex') }, 'checksum-mismatch'],
    ['a streaming payload hash marker', { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' }, 'payload-hash-unknown'],
    ['an x-amz-trailer', { 'x-amz-trailer': 'x-amz-checksum-crc32' }, 'aws-chunked'],
    ['an x-amz-decoded-content-length', { 'x-amz-decoded-content-length': String(text.length) }, 'aws-chunked'],
  ];
  for (const [name, headers, reason] of refusals) {
    it(`leaves the body and headers as they were with ${name}`, async () => {
      const req = request(text, { ...headers, 'content-length': String(text.length) });
      const before = { ...req.headers };
      const outcome = await gzipRequest(req);
      expect(outcome).to.deep.equal({ compressed: false, reason });
      expect(req.body).to.equal(text);
      expect(req.headers).to.deep.equal(before);
    });
  }

  it('lists the headers it recomputes', () => {
    expect([...RECOMPUTABLE_CHECKSUM_HEADERS].sort()).to.deep.equal([
      'content-md5',
      'x-amz-checksum-crc32',
      'x-amz-checksum-crc32c',
      'x-amz-checksum-crc64nvme',
      'x-amz-checksum-sha1',
      'x-amz-checksum-sha256',
    ]);
  });
});
