// The seed's use cases in a real browser: headless Chromium (Debian's `chromium`, driven by
// playwright-core) loads a page bundled with `esbuild --platform=browser` from the built
// packages and sends to the inspector, which verifies what arrives: gzip, SigV4 and the trace
// header. The page's server forwards the API requests to the inspector byte for byte (Host
// included, so the signature is checked as the browser made it): same origin, no CORS needed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { TEST_CREDENTIALS } from '@sdk-events/inspector';
import { useInspector } from '../helpers/inspector.js';
import type { PageResult } from './page.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The page's script, bundled as a browser app would be: browser conditions, no `source` (the built packages). */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Serves the page and its script on 127.0.0.1, and forwards every other request to the inspector unchanged. */
async function servePage(script: string, inspectorUrl: string): Promise<Server> {
  const inspector = new URL(inspectorUrl);
  const html = '<!doctype html><meta charset="utf-8"><title>sdk-events</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script>';
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/page.js')) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else if (request.method === 'GET' && (request.url?.startsWith('/?') || request.url === '/')) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    } else {
      const upstream = forward(
        { host: inspector.hostname, port: inspector.port, method: request.method, path: request.url, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', (error) => response.writeHead(502).end(String(error)));
      request.pipe(upstream);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('browser: the seed in headless Chromium against the inspector', function () {
  this.timeout(120_000);
  const inspector = useInspector();
  let browser: BrowserContext | undefined;
  let pageServer: Server | undefined;
  let profile: string | undefined;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`);
    }
    pageServer = await servePage(await bundlePage(), inspector.url);
    profile = mkdtempSync(join(tmpdir(), 'sdk-events-chromium-'));
    // A fresh profile each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => pageServer?.close(resolve));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('sends a gzipped PutMetricData and an Invoke with x-trace-id, both signed; withTraceId says it cannot work there', async () => {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const { port } = pageServer!.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    const query = new URLSearchParams({ endpoint: origin, key: TEST_CREDENTIALS.accessKeyId, secret: TEST_CREDENTIALS.secretAccessKey });
    await page.goto(`${origin}/?${query}`);
    await page.waitForFunction(() => 'sdkEventsResult' in globalThis);
    const outcome = (await page.evaluate(() => (globalThis as { sdkEventsResult?: unknown }).sdkEventsResult)) as
      | { ok: true; result: PageResult }
      | { ok: false; error: string };
    await page.close();

    expect(outcome.ok ? '' : outcome.error, 'the page failed').to.equal('');
    expect(problems).to.deep.equal([]);
    const { result } = outcome as { ok: true; result: PageResult };
    expect(result.putMetricData.status).to.equal(200);
    expect(result.invoke.status).to.equal(200);
    expect(result.withTraceIdError).to.match(/no AsyncLocalStorage/);

    const calls = inspector.records;
    expect(calls.map((record) => `${record.service} ${record.operation}`)).to.deep.equal(['cloudwatch PutMetricData', 'lambda Invoke']);
    const [put, invoke] = calls;
    for (const record of calls) {
      expect(record.signature.valid, `${record.operation}: ${record.signature.reason}`).to.equal(true);
      expect(record.problems, record.operation).to.deep.equal([]);
    }
    expect(put!.headers['content-encoding']).to.equal('gzip');
    expect(put!.gzipLayers).to.equal(1);
    expect(put!.metricCount).to.equal(40);
    expect(invoke!.headers['x-trace-id']).to.equal('trace-trace');
    expect(invoke!.signature.signedHeaders).to.include('x-trace-id');
  });
});
