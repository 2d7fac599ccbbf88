// content-encoding and content-length: appended, fixed, whatever the case of their keys.
import { expect } from 'chai';
import { gzipRequest } from '@sdk-events/gzip';
import { bodyBytes, metricJson, request, unwrapGzip } from './helpers.js';

const text = metricJson(2000);

describe('gzip: headers', () => {
  it('sets content-encoding and fixes content-length to the compressed length', async () => {
    const req = request(text, { 'content-type': 'application/json', 'content-length': String(text.length) });
    await gzipRequest(req);
    const sent = bodyBytes(req);
    expect(sent.length).to.be.lessThan(text.length);
    expect(req.headers).to.deep.equal({
      'content-type': 'application/json',
      'content-length': String(sent.length),
      'content-encoding': 'gzip',
    });
  });

  it('appends gzip to an existing content-encoding list, keeping its key', async () => {
    const req = request(text, { 'Content-Encoding': 'br', 'content-length': String(text.length) });
    await gzipRequest(req);
    expect(req.headers['Content-Encoding']).to.equal('br, gzip');
    expect(Object.keys(req.headers).filter((k) => k.toLowerCase() === 'content-encoding')).to.deep.equal(['Content-Encoding']);
  });

  it('appends to a list of several encodings', async () => {
    const req = request(text, { 'content-encoding': 'deflate, br' });
    await gzipRequest(req);
    expect(req.headers['content-encoding']).to.equal('deflate, br, gzip');
  });

  it('replaces a lone identity encoding', async () => {
    const req = request(text, { 'content-encoding': 'identity' });
    await gzipRequest(req);
    expect(req.headers['content-encoding']).to.equal('gzip');
  });

  it('fixes content-length whatever the case of its key, keeping the key', async () => {
    for (const key of ['Content-Length', 'CONTENT-LENGTH', 'content-length']) {
      const req = request(text, { [key]: String(text.length) });
      await gzipRequest(req);
      expect(req.headers[key]).to.equal(String(bodyBytes(req).length));
      expect(Object.keys(req.headers).filter((k) => k.toLowerCase() === 'content-length')).to.deep.equal([key]);
    }
  });

  it('leaves one content-length when the request had it under two cases', async () => {
    const req = request(text, { 'Content-Length': String(text.length), 'content-length': String(text.length) });
    await gzipRequest(req);
    const keys = Object.keys(req.headers).filter((k) => k.toLowerCase() === 'content-length');
    expect(keys).to.deep.equal(['Content-Length']);
    expect(req.headers['Content-Length']).to.equal(String(bodyBytes(req).length));
  });

  it('adds content-length when there was none', async () => {
    const req = request(text, {});
    await gzipRequest(req);
    expect(req.headers['content-length']).to.equal(String(bodyBytes(req).length));
  });

  it('adds no content-length to a body sent with transfer-encoding: chunked', async () => {
    const req = request(text, { 'Transfer-Encoding': 'chunked' });
    await gzipRequest(req);
    expect(unwrapGzip(bodyBytes(req)).layers).to.equal(1);
    expect(Object.keys(req.headers).map((k) => k.toLowerCase())).to.not.include('content-length');
  });

  it('treats a header whose value is undefined as absent', async () => {
    const req = request(text, { 'content-encoding': undefined as unknown as string });
    await gzipRequest(req);
    expect(req.headers['content-encoding']).to.equal('gzip');
  });

  it('writes the headers as they are when compression ends, not as they were when it began', async () => {
    const big = metricJson(64 * 1024); // compressed on the threadpool: other code runs meanwhile
    const req = request(big, { 'content-length': String(big.length) });
    const pending = gzipRequest(req);
    delete req.headers['content-length'];
    req.headers['Content-Length'] = String(big.length);
    req.headers['Content-Encoding'] = 'identity';
    expect((await pending).compressed).to.equal(true);
    expect(Object.keys(req.headers).filter((k) => k.toLowerCase() === 'content-length')).to.deep.equal(['Content-Length']);
    expect(req.headers['Content-Length']).to.equal(String(bodyBytes(req).length));
    expect(Object.keys(req.headers).filter((k) => k.toLowerCase() === 'content-encoding')).to.deep.equal(['Content-Encoding']);
    expect(req.headers['Content-Encoding']).to.equal('gzip');
  });

  it('leaves other headers and the rest of the request as they were', async () => {
    const req = request(text, { 'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData', host: 'example' });
    req.query = { a: 'b' };
    await gzipRequest(req);
    expect(req.headers['x-amz-target']).to.equal('GraniteServiceVersion20100801.PutMetricData');
    expect(req.headers.host).to.equal('example');
    expect(req.query).to.deep.equal({ a: 'b' });
    expect(req.method).to.equal('POST');
  });
});
