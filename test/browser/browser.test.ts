// The seed's use cases in a real browser: headless Chromium (Debian's `chromium`, driven by
// playwright-core) loads a page bundled with `esbuild --platform=browser` from the built
// packages and sends to the inspector, which verifies what arrives: gzip, SigV4 and the trace
// header. Same origin: the page's server forwards the API requests to the inspector byte for
// byte (Host included, so the signature is checked as the browser made it). Cross-origin: the
// page's clients call the inspector on its own port, through its CORS answers.
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

  /** Loads the page, whose clients send to `endpoint`; resolves to what the page reports and any error it logged. */
  async function runPage(endpoint: string): Promise<{ result: PageResult; problems: string[] }> {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const { port } = pageServer!.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    const query = new URLSearchParams({ endpoint, key: TEST_CREDENTIALS.accessKeyId, secret: TEST_CREDENTIALS.secretAccessKey });
    await page.goto(`${origin}/?${query}`);
    await page.waitForFunction(() => 'sdkEventsResult' in globalThis);
    const outcome = (await page.evaluate(() => (globalThis as { sdkEventsResult?: unknown }).sdkEventsResult)) as
      | { ok: true; result: PageResult }
      | { ok: false; error: string };
    await page.close();
    expect(outcome.ok ? '' : outcome.error, 'the page failed').to.equal('');
    return { result: (outcome as { ok: true; result: PageResult }).result, problems };
  }

  /** What the inspector must have verified of the page's two calls. */
  function expectVerifiedCalls(): void {
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
  }

  it('sends a gzipped PutMetricData and an Invoke with x-trace-id, both signed; withTraceId says it cannot work there', async () => {
    const { port } = pageServer!.address() as AddressInfo;
    const { result, problems } = await runPage(`http://127.0.0.1:${port}`);
    expect(problems).to.deep.equal([]);
    expect(result.putMetricData.status).to.equal(200);
    expect(result.invoke.status).to.equal(200);
    expect(result.withTraceIdError).to.match(/no AsyncLocalStorage/);
    expectVerifiedCalls();
  });

  it('cross-origin: the page on one port, the inspector on another; its CORS answers let the calls through, preflights unrecorded', async () => {
    const { port } = pageServer!.address() as AddressInfo;
    expect(new URL(inspector.url).port).to.not.equal(String(port));
    const { result, problems } = await runPage(inspector.url);
    expect(problems).to.deep.equal([]);
    expect(result.putMetricData.status).to.equal(200);
    expect(result.invoke.status).to.equal(200);
    // The SDK read the request id the response carries: exposed to the page by CORS.
    expect(result.putMetricData.requestId).to.equal(inspector.records[0]!.requestId);
    expectVerifiedCalls();
  });
});
