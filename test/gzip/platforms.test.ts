// The two implementations behind `#platform`: Node's (zlib, node:crypto) and the web one
// (CompressionStream, Web Crypto) that browsers get. Node has the web APIs too, so both run
// here against the same expectations; the browser test runs the web one where it belongs.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { expect } from 'chai';
import * as node from '../../packages/gzip/src/platform/node.js';
import * as web from '../../packages/gzip/src/platform/web.js';

const text = JSON.stringify({ metrics: Array.from({ length: 400 }, (_, i) => ({ name: `m${i}`, value: i })) });
const bytes = new TextEncoder().encode(text);

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

for (const platform of [node, web]) {
  describe(`gzip: the ${platform.PLATFORM} platform`, () => {
    it('gzips bytes into one gzip member of the same bytes', async () => {
      const compressed = await platform.gzipBytes(bytes, -1);
      expect(compressed[0]).to.equal(0x1f);
      expect(compressed[1]).to.equal(0x8b);
      expect(compressed.byteLength).to.be.below(bytes.byteLength / 2);
      expect(gunzipSync(compressed).toString('utf8')).to.equal(text);
    });

    it('gzips a web stream', async () => {
      const source = new Blob([bytes.subarray(0, 1000), bytes.subarray(1000)]).stream();
      expect(gunzipSync(await collect(platform.gzipWebStream(source, 6))).toString('utf8')).to.equal(text);
    });

    it('computes the digests it offers as node:crypto does, and base64 as Buffer does', async () => {
      for (const [name, digest] of Object.entries(platform.DIGESTS)) {
        if (digest === undefined) continue;
        const expected = createHash(name).update(bytes).digest();
        expect(Buffer.from(await digest(bytes)).equals(expected), name).to.equal(true);
      }
      const odd = bytes.subarray(3, 3 + 70_001);
      expect(platform.base64(odd)).to.equal(Buffer.from(odd).toString('base64'));
    });
  });
}

describe('gzip: what differs between platforms', () => {
  it('the web platform has no MD5 (Web Crypto has none) and no Node stream support', () => {
    expect(web.DIGESTS.md5).to.equal(undefined);
    expect(web.gzipNodeStream).to.equal(undefined);
    expect(web.ASYNC_THRESHOLD_BYTES).to.equal(0);
    expect(node.DIGESTS.md5).to.be.a('function');
  });

  it("the package's #platform import picks node on Node and web for a browser bundle", async () => {
    const { build } = await import('esbuild');
    const bundle = async (platform: 'node' | 'browser') => {
      const result = await build({
        stdin: { contents: "export { PLATFORM } from '#platform';", resolveDir: 'packages/gzip/src', sourcefile: 'probe.ts' },
        bundle: true, write: false, format: 'esm', platform, logLevel: 'silent',
      });
      return result.outputFiles[0]!.text;
    };
    expect(await bundle('node')).to.match(/PLATFORM = "node"/);
    const browser = await bundle('browser');
    expect(browser).to.match(/PLATFORM = "web"/);
    expect(browser).to.not.match(/node:/);
  });
});
