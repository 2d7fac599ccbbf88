// `pnpm demo`: starts the inspector on a free port, runs the examples against
// it and prints what a reader wants to know at a glance. Exits 1 if a check fails.
import { openTarget } from './target.js';
import { run as runExperiment } from './gzip-experiment.js';
import { run as runGzip } from './gzip-put-metric-data.js';
import { run as runTraceId } from './trace-id-lambda.js';
import { run as runLogging } from './logging.js';
import { run as runGuard } from './payload-guard.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  return ok ? '✓' : '✗';
};
const n = (value: number) => value.toLocaleString('en-US');

const target = await openTarget();
try {
  console.log(`sdk-events demo: every call goes to ${target.description}\n`);

  const [plain, gzipped, sdkLarge, bothLarge] = await runExperiment(target);
  const seed = await runGzip(target);
  const saved = Math.round((1 - gzipped!.wireBytes / plain!.wireBytes) * 100);
  console.log("1. gzip on PutMetricData: eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody)");
  console.log(`   the seed's payload (${plain!.metrics} metrics): ${n(plain!.wireBytes)} bytes on the wire without gzip, ${n(gzipped!.wireBytes)} with it (${saved}% smaller)`);
  if (seed.verified) {
    const v = seed.verified;
    console.log(`   ${check(v.gzipLayers === 1 && v.signatureValid && v.problems.length === 0, 'gzip request valid')} arrived with ${v.gzipLayers} gzip layer, ${n(v.decodedBytes)} bytes decoded, signature ${v.signatureValid ? 'valid' : 'INVALID'}${v.problems.length ? `, problems: ${v.problems.join('; ')}` : ', payload hash and content-length valid'}`);
  }
  console.log(`   does the SDK gzip by default? only bodies of 10 KiB and more: ${sdkLarge!.metrics} metrics went as ${n(sdkLarge!.wireBytes)} bytes, content-encoding ${sdkLarge!.contentEncoding ?? 'none'}`);
  console.log(`   ${check(bothLarge!.gzipLayers === 1 && bothLarge!.valid === true, 'never compressed twice')} with gzipRequestBody too: ${n(bothLarge!.wireBytes)} bytes, still ${bothLarge!.gzipLayers} gzip layer (never compressed twice)\n`);

  const trace = await runTraceId(target);
  console.log("2. x-trace-id on Lambda Invoke: createTraceIdHandler({ header: 'x-trace-id', value: 'trace-trace' })");
  const tv = trace.verified;
  console.log(`   ${check(tv?.arrived === 'trace-trace' && tv.signed && tv.signatureValid, 'trace header seen and signed')} x-trace-id: ${tv?.arrived} arrived, ${tv?.signed ? 'among the signed headers' : 'NOT signed'}, signature ${tv?.signatureValid ? 'valid' : 'INVALID'}\n`);

  const logging = await runLogging(target);
  console.log('3. loggingPlugin({ logger, level: "debug" }): 2 calls, the second retried once');
  console.log(`   ${check(!logging.leaked, 'no secret logged')} ${logging.lines.length} lines, ${logging.leaked ? 'A SECRET WAS LOGGED' : 'no signature or secret key in any of them'}`);
  for (const line of logging.lines.slice(-2)) console.log(`   | ${line.length > 150 ? `${line.slice(0, 147)}...` : line}`);
  console.log();

  const pessimistic = await runGuard(target, 'pessimistic');
  const optimistic = await runGuard(target, 'optimistic');
  console.log('4. payloadGuardPlugin(): 2,500 metrics in one PutMetricData call (limits: 1 MB, 1,000 metrics per request)');
  for (const result of [pessimistic, optimistic]) {
    const a = result.arrived;
    const ok = a !== undefined && a.exactlyOnceInOrder && result.requests.length === 3;
    console.log(
      `   ${check(ok, `${result.strategy} delivery`)} ${result.strategy}: ${n(a?.metrics ?? 0)} metrics delivered in ${result.requests.length} requests (${result.requests.map(n).join(', ')}), ` +
        `${a?.exactlyOnceInOrder ? 'each exactly once, in order' : 'NOT exactly once'}${a?.rejected ? `, after ${a.rejected} rejected request${a.rejected > 1 ? 's' : ''} (413)` : ''}`,
    );
  }
  console.log();
  console.log(failures.length ? `${failures.length} check(s) failed: ${failures.join(', ')}` : 'All checks passed.');
  if (failures.length) process.exitCode = 1;
} finally {
  await target.close();
}
