// minBytes and level, and the defaults of the three exports.
import { expect } from 'chai';
import { gunzipSync } from 'node:zlib';
import { createGzipHandler, DEFAULT_MIN_BYTES, gzipRequest, gzipRequestBody } from '@sdk-events/gzip';
import { bodyBytes, metricJson, request } from './helpers.js';

describe('gzip: minBytes and level', () => {
  it('leaves bodies shorter than minBytes alone and compresses those of exactly minBytes', async () => {
    const body = 'x'.repeat(100);
    const below = request(body);
    expect(await gzipRequest(below, { minBytes: 101 })).to.deep.equal({ compressed: false, reason: 'below-min-bytes' });
    expect(below.body).to.equal(body);
    expect(below.headers).to.deep.equal({});
    const at = request(body);
    expect(await gzipRequest(at, { minBytes: 100 })).to.include({ compressed: true, originalBytes: 100 });
  });

  it('measures minBytes in bytes, not characters', async () => {
    const body = 'é'.repeat(60); // 60 characters, 120 bytes
    expect((await gzipRequest(request(body), { minBytes: 100 })).compressed).to.equal(true);
  });

  it('createGzipHandler defaults to minBytes 1024', async () => {
    expect(DEFAULT_MIN_BYTES).to.equal(1024);
    const handler = createGzipHandler();
    const small = request('a'.repeat(1023));
    await handler({ request: small });
    expect(small.headers['content-encoding']).to.equal(undefined);
    const big = request('a'.repeat(1024));
    await handler({ request: big });
    expect(big.headers['content-encoding']).to.equal('gzip');
  });

  it('gzipRequestBody compresses any non-empty body, like the seed', async () => {
    const req = request('{}', { 'content-length': '2' });
    await gzipRequestBody({ request: req });
    expect(req.headers['content-encoding']).to.equal('gzip');
    expect(gunzipSync(bodyBytes(req)).toString()).to.equal('{}');
    const empty = request('', { 'content-length': '0' });
    await gzipRequestBody({ request: empty });
    expect(empty.headers).to.deep.equal({ 'content-length': '0' });
  });

  it('minBytes Infinity never compresses', async () => {
    const req = request(metricJson(50_000));
    expect(await gzipRequest(req, { minBytes: Infinity })).to.deep.equal({ compressed: false, reason: 'below-min-bytes' });
  });

  it('applies the level: 0 stores (larger than the input), 9 compresses at least as well as 1', async () => {
    const text = metricJson(20_000);
    const sizes: Record<number, number> = {};
    for (const level of [0, 1, 9, -1]) {
      const req = request(text);
      await createGzipHandler({ level, minBytes: 0 })({ request: req });
      const sent = bodyBytes(req);
      expect(gunzipSync(sent).toString()).to.equal(text);
      sizes[level] = sent.length;
    }
    expect(sizes[0]).to.be.greaterThan(text.length);
    expect(sizes[1]).to.be.lessThan(text.length / 2);
    expect(sizes[9]).to.be.at.most(sizes[1]!);
    expect(sizes[-1]).to.be.at.most(sizes[1]!);
  });
});
