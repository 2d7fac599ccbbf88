// Presigned URLs fetched with plain fetch, as a browser or curl would: the inspector verifies the
// query signature and, strict, answers a tampered or expired URL as S3 does.
import { expect } from 'chai';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { useInspector } from '../helpers/inspector.js';
import { s3Client } from '../helpers/clients.js';

describe('inspector: presigned URLs', () => {
  const inspector = useInspector({ strict: true });

  const presign = async (command: PutObjectCommand | GetObjectCommand, options: { expiresIn?: number; signingDate?: Date } = {}) =>
    new URL(await getSignedUrl(s3Client(inspector.url), command, { expiresIn: 300, ...options }));

  it('a presigned PUT and GET, fetched with plain fetch, verify; the GET returns what the PUT stored', async () => {
    const put = await presign(new PutObjectCommand({ Bucket: 'bucket', Key: 'shared.txt' }));
    expect((await fetch(put, { method: 'PUT', body: 'shared bytes' })).status).to.equal(200);
    const got = await fetch(await presign(new GetObjectCommand({ Bucket: 'bucket', Key: 'shared.txt' })));
    expect(got.status).to.equal(200);
    expect(await got.text()).to.equal('shared bytes');
    for (const record of inspector.records) {
      expect(record.signature).to.include({ kind: 'query', valid: true });
      expect(record.problems).to.deep.equal([]);
    }
  });

  const tamperings: Record<string, (url: URL) => void> = {
    'another key': (url) => void (url.pathname = url.pathname.replace('secret.txt', 'other.txt')),
    'a longer X-Amz-Expires': (url) => url.searchParams.set('X-Amz-Expires', '604800'),
    'a changed signature': (url) => url.searchParams.set('X-Amz-Signature', url.searchParams.get('X-Amz-Signature')!.replace(/.$/, (c) => (c === '0' ? '1' : '0'))),
  };
  for (const [what, tamper] of Object.entries(tamperings)) {
    it(`a URL with ${what} is refused: 403 SignatureDoesNotMatch in S3's XML, and the record says why`, async () => {
      const url = await presign(new GetObjectCommand({ Bucket: 'bucket', Key: 'secret.txt' }));
      tamper(url);
      const answer = await fetch(url);
      expect(answer.status).to.equal(403);
      expect(await answer.text()).to.match(/<Error><Code>SignatureDoesNotMatch<\/Code>/);
      const [record] = inspector.records;
      expect(record!.signature.valid).to.equal(false);
      expect(record!.problems.join('\n')).to.contain('signature mismatch');
    });
  }

  it('an expired URL is refused: 403 AccessDenied (Request has expired), and the record says when it expired', async () => {
    const url = await presign(new GetObjectCommand({ Bucket: 'bucket', Key: 'secret.txt' }), { expiresIn: 60, signingDate: new Date(Date.now() - 3600_000) });
    const answer = await fetch(url);
    expect(answer.status).to.equal(403);
    expect(await answer.text()).to.match(/<Code>AccessDenied<\/Code><Message>Request has expired/);
    expect(inspector.records[0]!.signature.reason).to.match(/^the presigned URL expired at /);
  });
});
