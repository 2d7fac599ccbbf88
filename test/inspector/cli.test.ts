import { InvokeCommand } from '@aws-sdk/client-lambda';
import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCliArgs } from '@sdk-events/inspector';
import { lambdaClient } from '../helpers/clients.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The CLI as a user runs it from a checkout, through tsx. */
function startCli(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string; errors: () => string; waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/inspector/src/cli.ts', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const match = pattern.exec(stdout);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`the CLI exited (${child.exitCode}) before printing ${pattern}: ${stdout}${stderr}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        child.once('exit', () => resolve());
      });
    }
  };
  return { child, output: () => stdout, errors: () => stderr, waitFor, exit };
}

describe('inspector: CLI', () => {
  let running: ReturnType<typeof startCli> | undefined;
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exit;
    }
    running = undefined;
  });

  it('prints the banner, then each request as it arrives; SIGINT closes it cleanly', async () => {
    running = startCli(['--port', '0']);
    const [, url] = await running.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(running.output()).to.contain(`endpoint: '${url}'`);
    expect(running.output()).to.contain('Signatures are verified for: AKIDTESTEXAMPLE');

    const output = await lambdaClient(url!).send(new InvokeCommand({ FunctionName: 'cli-fn', Payload: Buffer.from('{"from":"cli test"}') }));
    expect(Buffer.from(output.Payload!).toString()).to.equal('{"from":"cli test"}');
    await running.waitFor(/problems: +none/);
    const printed = running.output();
    expect(printed).to.match(/#1 POST \/2015-03-31\/functions\/cli-fn\/invocations/);
    expect(printed).to.contain('operation:       lambda Invoke (restJson1) on cli-fn');
    expect(printed).to.match(/signature: +verified/);
    expect(printed).to.contain('Signature=****');
    expect(printed).to.not.match(/Signature=[0-9a-f]{64}/);

    running.child.kill('SIGINT');
    expect(await running.exit).to.equal(0);
    expect(running.output()).to.contain('stopped after 1 request(s)');
  });

  it('--json prints one JSON object per line', async () => {
    running = startCli(['--port', '0', '--json', '--max-items', '5']);
    const [line] = await running.waitFor(/^\{"listening":"[^"]+"\}$/m);
    const url = (JSON.parse(line) as { listening: string }).listening;
    await lambdaClient(url).send(new InvokeCommand({ FunctionName: 'json-fn', Payload: Buffer.from('{}') }));
    const [requestLine] = await running.waitFor(/^\{"id":1,.*\}$/m);
    const summary = JSON.parse(requestLine) as Record<string, unknown>;
    expect(summary).to.include({ id: 1, service: 'lambda', operation: 'Invoke', status: 200, wireBytes: 2 });
    expect((summary['signature'] as { valid: boolean }).valid).to.equal(true);
    running.child.kill('SIGTERM');
    expect(await running.exit).to.equal(0);
  });

  it('rejects bad arguments with exit code 2 and a message naming the argument', async () => {
    running = startCli(['--port', 'eighty']);
    expect(await running.exit).to.equal(2);
    expect(running.errors()).to.contain("--port must be a whole number, got 'eighty'");
    expect(running.errors()).to.contain('Usage: sdk-events-inspector');
  });
});

describe('inspector: CLI arguments', () => {
  it('defaults to port 4566 and the test credentials', () => {
    const config = parseCliArgs([]);
    expect(config.options).to.deep.equal({ port: 4566 });
    expect([config.json, config.brief, config.bodyPreview, config.help]).to.deep.equal([false, false, 0, false]);
  });

  it('reads every option', () => {
    const config = parseCliArgs(
      ['--port', '0', '--host', '0.0.0.0', '--access-key-id', 'AKID1', '--secret-access-key', 's1', '--credentials-from-env', '--max-bytes', '1000000', '--max-items', '1000', '--strict', '--body', '200', '--brief'],
      { AWS_ACCESS_KEY_ID: 'AKID2', AWS_SECRET_ACCESS_KEY: 's2' },
    );
    expect(config.options).to.deep.equal({
      port: 0,
      host: '0.0.0.0',
      maxBytes: 1000000,
      maxItems: 1000,
      strict: true,
      credentials: [
        { accessKeyId: 'AKID1', secretAccessKey: 's1' },
        { accessKeyId: 'AKID2', secretAccessKey: 's2' },
      ],
    });
    expect([config.brief, config.bodyPreview]).to.deep.equal([true, 200]);
  });

  it('throws a TypeError naming what is wrong', () => {
    expect(() => parseCliArgs(['--port', '70000'])).to.throw(TypeError, '--port must be from 0 to 65535, got 70000');
    expect(() => parseCliArgs(['--max-items', '0'])).to.throw(TypeError, '--max-items must be from 1');
    expect(() => parseCliArgs(['--access-key-id', 'A'])).to.throw(TypeError, '--access-key-id and --secret-access-key go together');
    expect(() => parseCliArgs(['--credentials-from-env'], {})).to.throw(TypeError, 'AWS_ACCESS_KEY_ID');
    expect(() => parseCliArgs(['--json', '--brief'])).to.throw(TypeError, 'exclude each other');
    expect(() => parseCliArgs(['--colour'])).to.throw(TypeError, "Unknown option '--colour'");
  });
});
