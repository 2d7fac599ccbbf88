// CORS: a browser app on another origin can be pointed at the inspector (the browser test drives Chromium through it).
import { expect } from 'chai';
import { useInspector } from '../helpers/inspector.js';
import { sendRaw } from './raw-http.js';

describe('inspector: CORS', () => {
  const inspector = useInspector();

  it('answers a preflight 204 allowing the origin, method and headers asked for, and does not record it', async () => {
    const answer = await sendRaw(inspector.url, {
      method: 'OPTIONS',
      path: '/',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,x-amz-date,content-encoding' },
    });
    expect(answer.status).to.equal(204);
    expect(answer.headers['access-control-allow-origin']).to.equal('http://app.example');
    expect(answer.headers['access-control-allow-methods']).to.contain('POST');
    expect(answer.headers['access-control-allow-headers']).to.equal('authorization,x-amz-date,content-encoding');
    expect(inspector.records).to.have.length(0);
  });

  it('every answer to a request with an Origin allows it and exposes the headers the SDK reads; without one, no CORS headers', async () => {
    const spec = { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData' }, body: Buffer.from('{}') };
    const cross = await sendRaw(inspector.url, { ...spec, headers: { ...spec.headers, origin: 'http://app.example' } });
    expect(cross.headers['access-control-allow-origin']).to.equal('http://app.example');
    const exposed = String(cross.headers['access-control-expose-headers']).split(', ');
    expect(exposed).to.include.members(['x-amzn-requestid', 'x-amz-request-id', 'etag', 'x-amz-checksum-crc32', 'x-amz-version-id']);
    const plain = await sendRaw(inspector.url, spec);
    expect(plain.headers['access-control-allow-origin']).to.equal(undefined);
    expect(inspector.records).to.have.length(2);
  });
});
