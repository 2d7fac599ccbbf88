// The verifier against signatures someone else computed: AWS's SigV4 test suite and the worked
// examples of the S3 documentation (header, presigned URL, signed chunked upload) and the
// AWS CRT's trailer-signature test. A verifier that only agrees with itself would pass the
// real-client tests and still be wrong; these cannot be passed that way.
import { signingKey, trailerSignature, verifyChunkChain } from '@sdk-events/inspector';
import { useInspector } from '../helpers/inspector.js';
import { expect } from 'chai';
import { sendRaw } from './raw-http.js';

const SUITE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const S3_DOCS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const suiteAuth = (signature: string, signedHeaders = 'host;x-amz-date') =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${signedHeaders}, Signature=${signature}`;
const flip = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`;

describe('inspector: SigV4 against published vectors', () => {
  const inspector = useInspector({ credentials: [SUITE, S3_DOCS] });
  const last = () => inspector.records.at(-1)!;

  const suiteCases = [
    { name: 'get-vanilla', method: 'GET', path: '/', signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31' },
    { name: 'post-vanilla', method: 'POST', path: '/', signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b' },
    { name: 'get-vanilla-query-order-key-case', method: 'GET', path: '/?Param2=value2&Param1=value1', signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500' },
    { name: 'get-vanilla-query-order-key', method: 'GET', path: '/?Param1=value2&Param1=Value1', signature: 'eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1' },
  ];
  for (const vector of suiteCases) {
    it(`test suite ${vector.name}: verifies, and one changed signature digit does not`, async () => {
      for (const [signature, valid] of [
        [vector.signature, true],
        [flip(vector.signature), false],
      ] as const) {
        await sendRaw(inspector.url, {
          method: vector.method,
          path: vector.path,
          headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z', authorization: suiteAuth(signature) },
        });
        expect(last().signature, last().signature.canonicalRequest).to.include({ present: true, valid, kind: 'header', signingService: 'service' });
      }
    });
  }

  it('S3 documentation, GET Object with a range: verifies', async () => {
    await sendRaw(inspector.url, {
      method: 'GET',
      path: '/test.txt',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date': '20130524T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      },
    });
    expect(last()).to.include({ service: 's3', operation: 'GetObject', resource: 'examplebucket/test.txt' });
    expect(last().signature.valid).to.equal(true);
    expect(last().problems).to.deep.equal([]);
  });

  it('S3 documentation, presigned GET URL: its signature matches (expired since 2013); a changed expiry does not', async () => {
    const url = (expires: string) =>
      `/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404`;
    await sendRaw(inspector.url, { method: 'GET', path: url('86400'), headers: { host: 'examplebucket.s3.amazonaws.com' } });
    // The signature matched: only then is the expiry checked, and the 2013 example is long expired.
    expect(last().signature).to.include({ present: true, valid: false, kind: 'query', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
    expect(last().signature.reason).to.equal('the presigned URL expired at 2013-05-25T00:00:00.000Z (X-Amz-Date 20130524T000000Z + X-Amz-Expires 86400 s)');
    await sendRaw(inspector.url, { method: 'GET', path: url('86401'), headers: { host: 'examplebucket.s3.amazonaws.com' } });
    expect(last().signature.valid).to.equal(false);
    expect(last().signature.reason).to.match(/^signature mismatch/);
  });

  describe('S3 documentation, signed chunked upload (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)', () => {
    const seed = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
    const chunkSignatures = [
      'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
      '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
      'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
    ];
    const body = (corrupt: boolean) => {
      const parts: Buffer[] = [];
      for (const [i, size] of [65536, 1024, 0].entries()) {
        const data = Buffer.alloc(size, 'a');
        if (corrupt && size === 1024) data[10] = 'b'.charCodeAt(0);
        parts.push(Buffer.from(`${size.toString(16)};chunk-signature=${chunkSignatures[i]}\r\n`), data, Buffer.from('\r\n'));
      }
      return Buffer.concat(parts);
    };
    const send = (payload: Buffer) =>
      sendRaw(inspector.url, {
        method: 'PUT',
        path: '/examplebucket/chunkObject.txt',
        headers: {
          host: 's3.amazonaws.com',
          'x-amz-date': '20130524T000000Z',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
          'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
          'content-encoding': 'aws-chunked',
          'x-amz-decoded-content-length': '66560',
          'content-length': String(payload.length),
          authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=${seed}`,
        },
        body: payload,
      });

    it('verifies the seed and every chunk signature', async () => {
      const payload = body(false);
      expect(payload.length).to.equal(66824);
      await send(payload);
      const record = last();
      expect(record).to.include({ operation: 'PutObject', resource: 'examplebucket/chunkObject.txt' });
      expect(record.signature.valid).to.equal(true);
      expect(record.signature.chunks).to.deep.equal({ count: 3, valid: true });
      expect(record.payloadHash).to.include({ kind: 'streaming-signed', valid: true });
      expect(record.decodedContentLength).to.deep.equal({ header: 66560, valid: true });
      expect(record.payload.equals(Buffer.alloc(66560, 'a'))).to.equal(true);
      expect(record.problems).to.deep.equal([]);
      expect(inspector.object('examplebucket', 'chunkObject.txt')?.body.length).to.equal(66560);
    });

    it('names the chunk whose data changed', async () => {
      await send(body(true));
      expect(last().signature.valid).to.equal(true);
      expect(last().signature.chunks).to.deep.equal({ count: 3, valid: false, reason: 'chunk 2 (1024 bytes): chunk-signature does not match' });
      expect(last().payloadHash.valid).to.equal(false);
      expect(last().problems).to.deep.equal(['chunk signatures: chunk 2 (1024 bytes): chunk-signature does not match']);
    });
  });

  it('AWS CRT vector: the trailer signature after the final chunk', () => {
    const chain = {
      key: signingKey(S3_DOCS.secretAccessKey, '20130524', 'us-east-1', 's3'),
      amzDate: '20130524T000000Z',
      scope: '20130524/us-east-1/s3/aws4_request',
      seedSignature: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
    };
    const trailers = [
      ['first', '1st'],
      ['second', '2nd'],
      ['third', '3rd'],
    ] as const;
    const finalChunk = 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9';
    expect(trailerSignature(chain, finalChunk, trailers)).to.equal('df5735bd9f3295cd9386572292562fefc93ba94e80a0a1ddcbd652c4e0a75e6c');
    const chunks = [65536, 1024, 0].map((size, i) => ({
      size,
      data: Buffer.alloc(size, 'a'),
      signature: ['ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648', '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497', finalChunk][i]!,
    }));
    const good = verifyChunkChain(chain, chunks, { expected: true, trailers, signature: 'df5735bd9f3295cd9386572292562fefc93ba94e80a0a1ddcbd652c4e0a75e6c' });
    expect(good).to.deep.equal({ count: 3, valid: true });
    const tampered = verifyChunkChain(chain, chunks, { expected: true, trailers: [...trailers.slice(0, 2), ['third', '4th']], signature: 'df5735bd9f3295cd9386572292562fefc93ba94e80a0a1ddcbd652c4e0a75e6c' });
    expect(tampered).to.deep.equal({ count: 3, valid: false, reason: 'x-amz-trailer-signature does not match the trailers' });
  });
});
