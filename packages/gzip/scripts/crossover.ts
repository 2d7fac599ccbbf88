// Measures where compressing a request body asynchronously (zlib on the libuv
// threadpool) starts to pay off against compressing it synchronously.
//
//   npx tsx packages/gzip/scripts/crossover.ts
//
// For each body size it measures, on CloudWatch-like JSON:
//   sync      the time `gzipSync` blocks the event loop (median of many runs)
//   async     the latency of one `await gzip(...)` (median), same work plus the
//             round trip to the threadpool
//   overhead  async - sync: what going async costs the caller in latency
// The crossover is the smallest size where the sync time (the event loop is
// blocked for everyone) exceeds the async overhead (only this call waits).
// Below it, sync is cheaper for everyone; above it, async is.
import { gzip, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';

const gzipAsync = promisify(gzip);

/** A PutMetricData-like JSON body of about `size` bytes (realistic compressibility). */
function metricJson(size: number): Buffer {
  const datums: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const datum = JSON.stringify({
      MetricName: `latency_${i % 37}`,
      Dimensions: [{ Name: 'Host', Value: `host-${(i * 7919) % 113}` }],
      Value: Math.round(((i * 2654435761) % 100000) / 7) / 10,
      Unit: 'Milliseconds',
      Timestamp: 1_700_000_000 + i,
    });
    datums.push(datum);
    length += datum.length + 1;
  }
  const json = `{"Namespace":"App","MetricData":[${datums.join(',')}]}`;
  return Buffer.from(json.slice(0, Math.max(size, 2)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** How many timed runs a size gets: more for small bodies (noisier), 30 to 2000. */
function runsFor(size: number): number {
  return Math.max(30, Math.min(2000, Math.floor(4_000_000 / Math.max(size, 1))));
}

async function measure(size: number): Promise<{ sync: number; async: number }> {
  const body = metricJson(size);
  const runs = runsFor(size);
  for (let i = 0; i < 20; i++) gzipSync(body); // warm up
  for (let i = 0; i < 20; i++) await gzipAsync(body);
  const syncTimes: number[] = [];
  const asyncTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    gzipSync(body);
    syncTimes.push(performance.now() - t);
    t = performance.now();
    await gzipAsync(body);
    asyncTimes.push(performance.now() - t);
  }
  return { sync: median(syncTimes) * 1000, async: median(asyncTimes) * 1000 };
}

const sizes = [128, 256, 512, 1024, 2048, 4096, 8192, 12288, 16384, 24576, 32768, 65536, 131072, 262144, 1048576];
const rows: Array<{ size: number; sync: number; async: number; overhead: number }> = [];
for (const size of sizes) {
  const { sync, async } = await measure(size);
  rows.push({ size, sync, async, overhead: async - sync });
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log('bytes      sync µs   async µs  overhead µs');
for (const r of rows) {
  console.log(
    `${String(r.size).padEnd(10)} ${r.sync.toFixed(1).padStart(8)} ${r.async.toFixed(1).padStart(10)} ${r.overhead.toFixed(1).padStart(12)}`,
  );
}
const overhead = median(rows.map((r) => r.overhead));
const crossover = rows.find((r) => r.sync > overhead);
console.log(`median async overhead: ${overhead.toFixed(1)} µs`);
console.log(
  crossover
    ? `crossover: sync blocks longer than the async overhead from about ${crossover.size} bytes`
    : 'crossover: not reached in the sizes measured',
);
