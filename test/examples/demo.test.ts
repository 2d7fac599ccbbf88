// Runs `pnpm demo` as a user would and checks its report.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `pnpm demo`, through the pnpm running this test run when there is one, else through npx. */
function runDemo(): Promise<{ code: number; stdout: string; stderr: string }> {
  const execPath = process.env.npm_execpath;
  const [command, args] = execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath, 'demo']] : ['npx', ['-y', 'pnpm@10.34.8', 'demo']];
  return new Promise((resolve) =>
    execFile(command, args, { cwd: root, timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('examples: pnpm demo', function () {
  this.timeout(200_000);
  let report: { code: number; stdout: string; stderr: string };
  before(async () => {
    report = await runDemo();
  });

  it('exits 0 by itself and says every check passed', () => {
    expect(report.code, report.stderr).to.equal(0);
    expect(report.stdout).to.contain('All checks passed.');
    expect(report.stdout).not.to.contain('✗');
  });

  it("shows the seed's payload smaller on the wire with gzip than without", () => {
    const match = /the seed's payload \(20 metrics\): ([\d,]+) bytes on the wire without gzip, ([\d,]+) with it/.exec(report.stdout);
    expect(match, report.stdout).to.not.equal(null);
    const [without, withGzip] = [match![1]!, match![2]!].map((s) => Number(s.replace(/,/g, '')));
    expect(withGzip).to.be.greaterThan(0).and.lessThan(without!);
    expect(report.stdout).to.match(/✓ arrived with 1 gzip layer, [\d,]+ bytes decoded, signature valid/);
  });

  it('shows the trace header seen and signed', () => {
    expect(report.stdout).to.contain('✓ x-trace-id: trace-trace arrived, among the signed headers, signature valid');
  });

  it('shows 2500 metrics delivered in 3 requests, exactly once, by both strategies', () => {
    expect(report.stdout).to.contain('✓ pessimistic: 2,500 metrics delivered in 3 requests (1,000, 1,000, 500), each exactly once, in order');
    expect(report.stdout).to.match(/✓ optimistic: 2,500 metrics delivered in 3 requests .*each exactly once, in order/);
  });

  it('prints no SDK warning', () => {
    expect(report.stderr).not.to.match(/Warning|deprecat/i);
  });
});
