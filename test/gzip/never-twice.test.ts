// Never two gzip layers: the SDK's own compression, earlier handlers, retries of one request object.
import { expect } from 'chai';
import { gzipSync } from 'node:zlib';
import { createGzipHandler, gzipRequest, gzipRequestBody } from '@sdk-events/gzip';
import { bodyBytes, metricJson, request, sdkPutMetricDataRequest, unwrapGzip } from './helpers.js';

const text = metricJson(3000);

describe('gzip: never compresses twice', () => {
  for (const encoding of ['gzip', 'GZIP', 'x-gzip', 'br, gzip', 'gzip, br', ' Gzip ']) {
    it(`leaves a body with content-encoding "${encoding}" alone`, async () => {
      const body = gzipSync(text);
      const req = request(body, { 'content-encoding': encoding, 'content-length': String(body.length) });
      expect(await gzipRequest(req, { minBytes: 0 })).to.deep.equal({ compressed: false, reason: 'already-gzip' });
      expect(req.body).to.equal(body);
      expect(req.headers['content-encoding']).to.equal(encoding);
    });
  }

  it('leaves an encoded body that starts with the gzip magic bytes alone', async () => {
    const body = gzipSync(text);
    const req = request(body, { 'content-encoding': 'compress' });
    expect(await gzipRequest(req, { minBytes: 0 })).to.deep.equal({ compressed: false, reason: 'gzip-magic' });
    expect(req.body).to.equal(body);
  });

  it('compresses unencoded data that happens to be gzip (e.g. an uploaded .gz file): it is data', async () => {
    const file = gzipSync(text);
    const req = request(file, {});
    expect((await gzipRequest(req, { minBytes: 0 })).compressed).to.equal(true);
    const { layers, inner } = unwrapGzip(bodyBytes(req));
    expect(layers).to.equal(2);
    expect(inner.toString()).to.equal(text);
  });

  it('is idempotent on one request object: a second run (a retry reusing the request) adds no layer', async () => {
    const req = request(text, { 'content-length': String(text.length) });
    const payload = { request: req, eventName: 'before-sign.cloudwatch.PutMetricData' };
    await gzipRequestBody(payload);
    const once = bodyBytes(req);
    await gzipRequestBody(payload);
    await createGzipHandler({ minBytes: 0 })(payload);
    expect(bodyBytes(req).equals(once)).to.equal(true);
    expect(unwrapGzip(once).layers).to.equal(1);
    expect(req.headers['content-encoding']).to.equal('gzip');
    expect(req.headers['content-length']).to.equal(String(once.length));
  });

  it("leaves a PutMetricData body the SDK compressed itself (>= 10 KiB) alone", async () => {
    const built = await sdkPutMetricDataRequest(300);
    expect(built.headers['content-encoding']).to.equal('gzip'); // the SDK's request compression ran
    const req = request(built.body, { ...built.headers });
    await gzipRequestBody({ request: req });
    expect(req.body).to.equal(built.body);
    expect(req.headers).to.deep.equal(built.headers);
    expect(unwrapGzip(bodyBytes(req)).layers).to.equal(1);
  });

  it('compresses a PutMetricData body below the SDK threshold once', async () => {
    const built = await sdkPutMetricDataRequest(20);
    expect(built.headers['content-encoding']).to.equal(undefined);
    const req = request(built.body, { ...built.headers });
    await gzipRequestBody({ request: req });
    expect(req.headers['content-encoding']).to.equal('gzip');
    expect(unwrapGzip(bodyBytes(req)).layers).to.equal(1);
  });

  it('leaves an already-signed request alone (its signature covers the body)', async () => {
    const signed = request(text, {
      authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=00',
    });
    expect(await gzipRequest(signed)).to.deep.equal({ compressed: false, reason: 'already-signed' });
    const presigned = request(text, {});
    presigned.query = { 'X-Amz-Signature': 'abc' };
    expect(await gzipRequest(presigned)).to.deep.equal({ compressed: false, reason: 'already-signed' });
    const bearer = request(text, { authorization: 'Bearer token' });
    expect((await gzipRequest(bearer)).compressed).to.equal(true);
  });
});
