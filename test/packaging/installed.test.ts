// What a user installs: every package under packages/ packed with `pnpm pack`, checked as a
// tarball, then installed with npm into a scratch app outside the workspace beside the latest
// AWS clients from the registry, running the seed's gzip and trace-id use cases against the
// inspector from ESM, from CommonJS, and from strict TypeScript (node16 and bundler resolution).
// Slow (an npm install from the registry): a file of its own with a generous timeout.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { TEST_CREDENTIALS } from '@sdk-events/inspector';
import { useInspector } from '../helpers/inspector.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const APP_SOURCES = fileURLToPath(new URL('./app/', import.meta.url));
const PNPM = ['-y', 'pnpm@10.34.8'];

interface PackedPackage {
  dir: string;
  name: string;
  tarball: string;
  files: string[];
  manifest: Record<string, unknown>;
  readme: string;
}

/** Every publishable package under packages/, found on disk (a new package is picked up by itself). */
function packageDirs(): string[] {
  return readdirSync(join(ROOT, 'packages'))
    .filter((dir) => existsSync(join(ROOT, 'packages', dir, 'package.json')))
    .filter((dir) => JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')).private !== true);
}

async function pack(dir: string, destination: string): Promise<PackedPackage> {
  const cwd = join(ROOT, 'packages', dir);
  const { stdout } = await run('npx', [...PNPM, 'pack', '--json', '--pack-destination', destination], { cwd });
  const report = JSON.parse(stdout) as { name: string; filename: string; files: Array<{ path: string }> };
  const tarball = report.filename;
  const read = async (path: string) => (await run('tar', ['-xzOf', tarball, `package/${path}`], { maxBuffer: 1 << 24 })).stdout;
  return {
    dir,
    name: report.name,
    tarball,
    files: report.files.map((file) => file.path),
    manifest: JSON.parse(await read('package.json')) as Record<string, unknown>,
    readme: await read('README.md'),
  };
}

describe('packaging: the packed tarballs, installed with npm outside the workspace', function () {
  this.timeout(600_000);
  const inspector = useInspector();
  let scratch: string;
  let app: string;
  const packed: PackedPackage[] = [];
  const env = () => ({
    ...process.env,
    NODE_OPTIONS: '', // none of the test runner's loaders or conditions: the app runs as a user's would
    INSPECTOR_URL: inspector.url,
    KEY_ID: TEST_CREDENTIALS.accessKeyId,
    SECRET: TEST_CREDENTIALS.secretAccessKey,
  });

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'sdk-events-installed-'));
    const tarballs = join(scratch, 'tarballs');
    for (const dir of packageDirs()) packed.push(await pack(dir, tarballs));

    app = join(scratch, 'app');
    mkdirSync(app);
    for (const file of readdirSync(APP_SOURCES)) copyFileSync(join(APP_SOURCES, file), join(app, file));
    const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module', dependencies }, null, 2));
    // The user's install: the tarballs (what the registry would serve) and the latest AWS clients.
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '@aws-sdk/client-cloudwatch@latest', '@aws-sdk/client-lambda@latest', '@types/node', 'typescript'],
      { cwd: app, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 1 << 24 },
    );
  });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('every tarball: a LICENSE, a README, built JavaScript with types, no .tsbuildinfo, and the metadata the registry shows', () => {
    expect(packed.map((p) => p.name)).to.include.members(['@sdk-events/core', '@sdk-events/gzip', '@sdk-events/trace-id']);
    for (const { name, files, manifest } of packed) {
      expect(files, name).to.include.members(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts']);
      expect(files.filter((file) => file.endsWith('.tsbuildinfo')), name).to.deep.equal([]);
      expect(manifest.license, name).to.equal('Apache-2.0');
      expect(manifest.repository, name).to.have.property('url').that.matches(/^git\+https:\/\/github\.com\//);
      expect(manifest.homepage, name).to.match(/^https:\/\//);
      expect(manifest.bugs, name).to.have.property('url').that.matches(/^https:\/\//);
      expect(JSON.stringify(manifest), name).to.not.include('workspace:');
    }
  });

  it('README links work on the registry page: absolute URLs or anchors, nothing relative', () => {
    for (const { name, readme } of packed) {
      const prose = readme.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
      const links = [...prose.matchAll(/\]\(([^)\s]+)[^)]*\)|^\[[^\]]+\]:\s*(\S+)/gm)].map((match) => match[1] ?? match[2]!);
      const relative = links.filter((link) => !/^(https?:\/\/|#|mailto:)/.test(link));
      expect(relative, `${name} README`).to.deep.equal([]);
    }
  });

  /** Runs one variant of the app, then checks what reached the inspector from it. */
  async function expectSeedCalls(variant: string, command: string, args: string[]): Promise<void> {
    await run(command, args, { cwd: app, env: { ...env(), VARIANT: variant } });
    const calls = inspector.records;
    expect(calls.map((record) => `${record.service} ${record.operation}`), variant).to.deep.equal(['cloudwatch PutMetricData', 'lambda Invoke']);
    for (const record of calls) {
      expect(record.signature.valid, `${variant} ${record.operation}: ${record.signature.reason}`).to.equal(true);
      expect(record.problems, `${variant} ${record.operation}`).to.deep.equal([]);
    }
    const [put, invoke] = calls;
    expect(put!.headers['content-encoding'], variant).to.equal('gzip');
    expect(put!.gzipLayers, variant).to.equal(1);
    expect(put!.metricCount, variant).to.equal(40);
    expect(new TextDecoder().decode(put!.decodedBody), variant).to.include(`${variant}-metric-39`);
    expect(invoke!.headers['x-trace-id'], variant).to.equal(variant);
    expect(invoke!.signature.signedHeaders, variant).to.include('x-trace-id');
  }

  it('ESM: import', async () => {
    await expectSeedCalls('esm', process.execPath, ['esm.mjs']);
  });

  it('CommonJS: require (require(esm), Node 20.19 and later)', async () => {
    await expectSeedCalls('cjs', process.execPath, ['cjs.cjs']);
  });

  it('the inspector bin is installed and runs (npx sdk-events-inspector)', async () => {
    const { stdout } = await run('npx', ['--no-install', 'sdk-events-inspector', '--help'], { cwd: app, env: env() });
    expect(stdout).to.include('--port');
  });

  for (const resolution of ['node16', 'bundler']) {
    it(`strict TypeScript, ${resolution} resolution, skipLibCheck off: compiles and runs`, async () => {
      const tsc = join(app, 'node_modules', 'typescript', 'bin', 'tsc');
      await run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: app, env: env() }).catch((error: { stdout?: string }) => {
        throw new Error(`tsc -p tsconfig.${resolution}.json failed:\n${error.stdout}`);
      });
      await expectSeedCalls(`ts-${resolution}`, process.execPath, [join(`out-${resolution}`, 'seed.js')]);
    });
  }
});
