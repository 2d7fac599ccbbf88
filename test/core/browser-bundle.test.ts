// Core bundles for browsers: no Node-only import, no Node-only global.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { build } from 'esbuild';

const CORE_SRC = fileURLToPath(new URL('../../packages/core/src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('@sdk-events/core in browsers', () => {
  it('bundles with esbuild --platform=browser, with no Node-only import', async function () {
    this.timeout(20000);
    const nodeImports: string[] = [];
    const result = await build({
      entryPoints: [join(CORE_SRC, 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'no-node-builtins',
          setup(on) {
            on.onResolve({ filter: /^node:|^(stream|buffer|crypto|zlib|timers|timers\/promises|async_hooks|fs|path|os|util|events|http|https)$/ }, (args) => {
              nodeImports.push(`${args.path} (from ${args.importer})`);
              return { path: args.path, external: true };
            });
          },
        },
      ],
    });
    expect(nodeImports).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.outputFiles[0]!.text).to.include('sdk-events.UNSIGNED');
  });

  it("core's own code uses no Node-only global (Buffer, process, require)", () => {
    const offending = sourceFiles(CORE_SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line: line.replace(/\/\/.*$|^\s*\*.*$/, ''), where: `${file}:${index + 1}` }))
        .filter(({ line }) => /\b(Buffer|process|require|NodeJS)\b/.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(offending).to.deep.equal([]);
  });
});
