// Every in-memory body kind: the exact bytes are compressed, never a string method of the body.
import { expect } from 'chai';
import { gzipRequest, gzipRequestBody } from '@sdk-events/gzip';
import { TrappedBytes, bodyBytes, metricJson, request, sdkPutMetricDataRequest, unwrapGzip } from './helpers.js';

const text = metricJson(3000);
const bytes = Buffer.from(text);

/** `payload` at offset 5 of a larger buffer, with noise on both sides. */
function embedded(payload: Uint8Array): ArrayBuffer {
  const buffer = new ArrayBuffer(payload.length + 16);
  new Uint8Array(buffer).fill(0x41);
  new Uint8Array(buffer, 5, payload.length).set(payload);
  return buffer;
}

describe('gzip: body kinds', () => {
  const cases: Array<[string, () => unknown, Uint8Array]> = [
    ['a string (UTF-8)', () => text, bytes],
    ['a string with non-ASCII text', () => `${text}ünïcødé ✓ 𝄞`, Buffer.from(`${text}ünïcødé ✓ 𝄞`, 'utf8')],
    ['a Uint8Array', () => new Uint8Array(bytes), bytes],
    ['a Buffer', () => Buffer.from(bytes), bytes],
    ['a Buffer slice of a larger buffer', () => Buffer.from(embedded(bytes), 5, bytes.length), bytes],
    ['a Uint8Array view with byteOffset', () => new Uint8Array(embedded(bytes), 5, bytes.length), bytes],
    ['a DataView with byteOffset', () => new DataView(embedded(bytes), 5, bytes.length), bytes],
    ['an ArrayBuffer', () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), bytes],
    ['a Uint8Array subclass whose string methods throw', () => TrappedBytes.fromText(text), bytes],
  ];
  const floats = new Float64Array([1.5, -2.25, Math.PI, 1e300, 0, 42]);
  const floatBytes = new Uint8Array(floats.buffer.slice(0));
  cases.push(['a Float64Array', () => new Float64Array(floats), floatBytes]);
  const wide = new Uint16Array(embedded(Buffer.alloc(64, 7)), 6, 30);
  cases.push(['a Uint16Array with byteOffset', () => wide, new Uint8Array(wide.buffer, 6, 60).slice()]);

  for (const [name, make, expected] of cases) {
    it(`compresses exactly the bytes of ${name}`, async () => {
      const req = request(make(), { 'content-length': String(expected.length) });
      const outcome = await gzipRequest(req, { minBytes: 1 });
      expect(outcome.compressed).to.equal(true);
      const sent = bodyBytes(req);
      const { layers, inner } = unwrapGzip(sent);
      expect(layers).to.equal(1);
      expect(inner.equals(Buffer.from(expected))).to.equal(true);
      expect(req.headers['content-encoding']).to.equal('gzip');
      expect(req.headers['content-length']).to.equal(String(sent.length));
    });
  }

  it('compresses a Blob', async () => {
    const req = request(new Blob([bytes]), {});
    const outcome = await gzipRequest(req, { minBytes: 1 });
    expect(outcome).to.include({ compressed: true, originalBytes: bytes.length });
    expect(unwrapGzip(bodyBytes(req)).inner.equals(bytes)).to.equal(true);
    expect(req.headers['content-length']).to.equal(String(bodyBytes(req).length));
  });

  it('leaves an empty Blob and a small Blob alone', async () => {
    expect(await gzipRequest(request(new Blob([])), { minBytes: 0 })).to.deep.equal({ compressed: false, reason: 'empty' });
    expect(await gzipRequest(request(new Blob(['abc'])), { minBytes: 10 })).to.deep.equal({
      compressed: false,
      reason: 'below-min-bytes',
    });
  });

  it('leaves requests without a body, and bodies it cannot read, alone', async () => {
    for (const body of [undefined, null]) {
      const req = request(body, { 'content-length': '0' });
      expect(await gzipRequest(req, { minBytes: 0 })).to.deep.equal({ compressed: false, reason: 'no-body' });
      expect(req.headers).to.deep.equal({ 'content-length': '0' });
    }
    for (const body of [42, { not: 'a body' }]) {
      const req = request(body);
      expect(await gzipRequest(req, { minBytes: 0 })).to.deep.equal({ compressed: false, reason: 'unsupported-body' });
      expect(req.body).to.equal(body);
    }
  });

  it('leaves empty bodies alone, even with minBytes 0', async () => {
    for (const body of ['', new Uint8Array(0), Buffer.alloc(0), new ArrayBuffer(0)]) {
      const req = request(body, { 'content-length': '0' });
      expect(await gzipRequest(req, { minBytes: 0 })).to.deep.equal({ compressed: false, reason: 'empty' });
      expect(req.body).to.equal(body);
      expect(req.headers).to.deep.equal({ 'content-length': '0' });
    }
  });

  it("compresses the SDK's own JSON body without calling its string methods (no warning)", async () => {
    const built = await sdkPutMetricDataRequest(20);
    const body = built.body as Uint8Array;
    expect(ArrayBuffer.isView(body)).to.equal(true);
    expect(body.constructor).to.not.equal(Uint8Array); // the SDK's string-adapter subclass
    const original = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const warnings: unknown[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    const consoleWarn = console.warn;
    process.on('warning', onWarning);
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const req = request(body, { ...built.headers });
      await gzipRequestBody({ request: req, eventName: 'before-sign.cloudwatch.PutMetricData' });
      expect(unwrapGzip(bodyBytes(req)).inner.equals(original)).to.equal(true);
    } finally {
      console.warn = consoleWarn;
      process.off('warning', onWarning);
    }
    expect(warnings).to.deep.equal([]);
    // The adapter caches the string it converted to: it must never have been asked for one.
    if ('string' in body) expect((body as { string: unknown }).string).to.equal(null);
  });
});
