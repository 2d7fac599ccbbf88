import { expect } from 'chai';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { AliasedEventEmitter } from '@sdk-events/core';
import { GZIP_HANDLER_MARKER } from '@sdk-events/payload-guard';
import { gzipBound, gzipHandlerOf, measureWireBytes } from '../../packages/payload-guard/src/wire-size.js';

const model = { name: 'PutMetricData', serviceId: 'CloudWatch', serviceIdHyphenized: 'cloudwatch' };
const body = JSON.stringify({ Namespace: 'ns', MetricData: Array.from({ length: 200 }, (_, i) => ({ MetricName: `metric-${i % 7}`, Value: 1 })) });

function markedHandler(minBytes: number, level: number) {
  const handler = async () => undefined;
  return Object.assign(handler, { [GZIP_HANDLER_MARKER]: { minBytes, level } });
}

describe('payload-guard: measuring the wire size (unit)', () => {
  it('finds a marked gzip handler on before-sign or request-created of the operation, globs included', () => {
    const events = new AliasedEventEmitter();
    expect(gzipHandlerOf(events, model)).to.equal(undefined);
    events.register('before-sign.cloudwatch.PutMetricData', async () => undefined);
    expect(gzipHandlerOf(events, model)).to.equal(undefined);
    events.register('before-sign.cloudwatch.Put*', markedHandler(10, 9));
    expect(gzipHandlerOf(events, model)).to.deep.equal({ minBytes: 10, level: 9 });
    events.register('request-created.cloudwatch', markedHandler(5, 1));
    // request-created runs first: its handler compresses, the later one finds gzip already there
    expect(gzipHandlerOf(events, model)).to.deep.equal({ minBytes: 5, level: 1 });
    expect(gzipHandlerOf(events, { ...model, name: 'GetMetricData' })).to.deep.equal({ minBytes: 5, level: 1 });
  });

  it('measures the body as serialized when nothing will compress it (string and bytes alike)', async () => {
    expect(await measureWireBytes({ headers: {}, body }, undefined)).to.deep.equal({ bytes: Buffer.byteLength(body), exact: true, compressed: false });
    expect(await measureWireBytes({ headers: {}, body: 'é' }, undefined)).to.deep.equal({ bytes: 2, exact: true, compressed: false });
    expect(await measureWireBytes({ headers: {}, body: new TextEncoder().encode(body) }, undefined)).to.deep.equal({ bytes: Buffer.byteLength(body), exact: true, compressed: false });
    expect(await measureWireBytes({ headers: {} }, undefined)).to.deep.equal({ bytes: 0, exact: true, compressed: false });
  });

  it('measures the gzip handler\'s output exactly, at its level', async () => {
    for (const level of [1, 9]) {
      const expected = gzipSync(body, { level }).byteLength;
      expect(await measureWireBytes({ headers: {}, body }, { minBytes: 0, level })).to.deep.equal({ bytes: expected, exact: true, compressed: true });
    }
    expect(gzipSync(body, { level: 1 }).byteLength).to.not.equal(gzipSync(body, { level: 9 }).byteLength);
  });

  it('does not count compression the handler will not do: below minBytes, or already gzipped by the SDK', async () => {
    const size = Buffer.byteLength(body);
    expect(await measureWireBytes({ headers: {}, body }, { minBytes: size + 1, level: 6 })).to.deep.equal({ bytes: size, exact: true, compressed: false });
    const sdkCompressed = gzipSync(body);
    const measured = await measureWireBytes({ headers: { 'Content-Encoding': 'gzip' }, body: sdkCompressed }, { minBytes: 0, level: 6 });
    expect(measured).to.deep.equal({ bytes: sdkCompressed.byteLength, exact: true, compressed: true });
  });

  it('answers with an upper bound instead of compressing when even the worst case fits', async () => {
    const size = Buffer.byteLength(body);
    expect(await measureWireBytes({ headers: {}, body }, { minBytes: 0, level: 6 }, gzipBound(size))).to.deep.equal({ bytes: gzipBound(size), exact: false, compressed: true });
    const exact = await measureWireBytes({ headers: {}, body }, { minBytes: 0, level: 6 }, gzipBound(size) - 1);
    expect(exact).to.deep.equal({ bytes: gzipSync(body).byteLength, exact: true, compressed: true });
    // the bound really bounds: random bytes do not compress
    const noise = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 2654435761) >>> 24));
    expect(gzipSync(noise, { level: 9 }).byteLength).to.be.at.most(gzipBound(noise.byteLength));
  });

  it('cannot measure a stream', async () => {
    expect(await measureWireBytes({ headers: {}, body: Readable.from(['x']) }, undefined)).to.equal(undefined);
  });
});
