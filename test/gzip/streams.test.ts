// Streaming bodies: compressed as a stream only where the request stays valid.
import { expect } from 'chai';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { gzipRequest } from '@sdk-events/gzip';
import { metricJson, readAll, request, sdkPutObjectRequest } from './helpers.js';

const text = metricJson(5000);
const chunks = () => [Buffer.from(text.slice(0, 1000)), Buffer.from(text.slice(1000, 3000)), Buffer.from(text.slice(3000))];
const nodeStream = () => Readable.from(chunks());
const webStream = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks()) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });

describe('gzip: streaming bodies', () => {
  it('compresses a Node stream of unknown length as a stream', async () => {
    const source = nodeStream();
    const req = request(source, { 'content-type': 'application/json' });
    expect(await gzipRequest(req)).to.deep.equal({ compressed: true, body: 'stream' });
    expect(req.body).to.not.equal(source);
    expect(req.body).to.be.instanceOf(Readable);
    expect(req.headers).to.deep.equal({ 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(gunzipSync(await readAll(req.body)).toString()).to.equal(text);
  });

  it('compresses a web ReadableStream into a web ReadableStream', async () => {
    const req = request(webStream(), { 'Content-Encoding': 'br' });
    expect(await gzipRequest(req, { level: 9 })).to.deep.equal({ compressed: true, body: 'stream' });
    expect(typeof (req.body as ReadableStream).getReader).to.equal('function');
    expect(req.headers['Content-Encoding']).to.equal('br, gzip');
    expect(gunzipSync(await readAll(req.body)).toString()).to.equal(text);
  });

  it('keeps x-amz-content-sha256: UNSIGNED-PAYLOAD on a compressed stream', async () => {
    const req = request(nodeStream(), { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' });
    expect((await gzipRequest(req)).compressed).to.equal(true);
    expect(req.headers['x-amz-content-sha256']).to.equal('UNSIGNED-PAYLOAD');
    expect(gunzipSync(await readAll(req.body)).toString()).to.equal(text);
  });

  it('passes an error of the source on to the compressed stream', async () => {
    const source = new Readable({ read() {} });
    const req = request(source, {});
    await gzipRequest(req);
    source.push(Buffer.from('partial'));
    source.destroy(new Error('disk gone'));
    let failure: unknown;
    try {
      await readAll(req.body);
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(Error);
    expect((failure as Error).message).to.equal('disk gone');
  });

  const leftAlone: Array<[string, Record<string, string>, string]> = [
    ['a content-length (the compressed length is unknown until it is read)', { 'content-length': '5000' }, 'stream-length'],
    ['a Content-Length in another case', { 'Content-Length': '5000' }, 'stream-length'],
    ['a content-md5', { 'content-md5': 'XrY7u+Ae7tCTyyK7j1rNww==' }, 'stream-checksum'],
    ['an x-amz-checksum-crc32 header', { 'x-amz-checksum-crc32': 'DUoRhQ==' }, 'stream-checksum'],
    ['an x-amz-checksum of an unknown algorithm', { 'x-amz-checksum-xxhash3': 'AAAAAAAAAAA=' }, 'stream-checksum'],
    ['a hex payload hash', { 'x-amz-content-sha256': 'a'.repeat(64) }, 'stream-checksum'],
    ['aws-chunked framing', { 'content-encoding': 'aws-chunked' }, 'aws-chunked'],
    ['an x-amz-trailer', { 'x-amz-trailer': 'x-amz-checksum-crc32' }, 'aws-chunked'],
    ['an x-amz-decoded-content-length', { 'x-amz-decoded-content-length': '5000' }, 'aws-chunked'],
    ['content-encoding gzip', { 'content-encoding': 'gzip' }, 'already-gzip'],
  ];
  for (const [name, headers, reason] of leftAlone) {
    for (const [kind, make] of [['Node', nodeStream], ['web', webStream]] as const) {
      it(`leaves a ${kind} stream with ${name} alone`, async () => {
        const source = make();
        const req = request(source, headers);
        expect(await gzipRequest(req)).to.deep.equal({ compressed: false, reason });
        expect(req.body).to.equal(source);
        expect(req.headers).to.deep.equal(headers);
      });
    }
  }

  it('leaves a stream already read to its end, or destroyed, alone', async () => {
    const ended = nodeStream();
    await readAll(ended);
    expect(await gzipRequest(request(ended))).to.deep.equal({ compressed: false, reason: 'stream-consumed' });
    const destroyed = nodeStream();
    destroyed.destroy();
    expect(await gzipRequest(request(destroyed))).to.deep.equal({ compressed: false, reason: 'stream-consumed' });
  });

  it('leaves a locked web stream alone', async () => {
    const stream = webStream();
    const reader = stream.getReader();
    expect(await gzipRequest(request(stream))).to.deep.equal({ compressed: false, reason: 'stream-consumed' });
    reader.releaseLock();
  });

  it("leaves the S3 client's stream PutObject (aws-chunked with a trailing CRC32) alone", async () => {
    const built = await sdkPutObjectRequest({ Body: nodeStream(), ContentLength: text.length });
    expect(built.headers['content-encoding']).to.equal('aws-chunked');
    const req = request(built.body, { ...built.headers });
    expect(await gzipRequest(req)).to.deep.equal({ compressed: false, reason: 'aws-chunked' });
    expect(req.body).to.equal(built.body);
    expect(req.headers).to.deep.equal(built.headers);
  });

  it('compresses the stream of an S3 PutObject without checksums and without a length', async () => {
    const built = await sdkPutObjectRequest({ Body: nodeStream() }, { requestChecksumCalculation: 'WHEN_REQUIRED' });
    expect(Object.keys(built.headers).map((k) => k.toLowerCase())).to.not.include.members(['content-length', 'x-amz-trailer']);
    const req = request(built.body, { ...built.headers });
    expect(await gzipRequest(req)).to.deep.equal({ compressed: true, body: 'stream' });
    expect(gunzipSync(await readAll(req.body)).toString()).to.equal(text);
  });
});
