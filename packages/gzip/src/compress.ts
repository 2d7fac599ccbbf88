/**
 * gzip itself: in-memory bodies synchronously when small, on the libuv
 * threadpool when large; streams through a zlib transform.
 */
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { createGzip, gzip, gzipSync } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * Bodies of this many bytes or more are gzipped asynchronously (zlib on the
 * libuv threadpool, the event loop stays free); smaller ones synchronously.
 *
 * Measured with `npx tsx packages/gzip/scripts/crossover.ts` (node 20.20,
 * linux x64, 2 cores; see the README): a round trip to the threadpool costs
 * about 25–35 µs more latency than the same work done inline, while
 * `gzipSync` of CloudWatch-like JSON blocks the loop for about 30 µs at
 * 4 KiB, 45 µs at 8 KiB and 80–110 µs at 16 KiB. From about 8 KiB on,
 * blocking everyone costs more than making this one call wait, so that is
 * where async starts.
 */
export const ASYNC_THRESHOLD_BYTES = 8 * 1024;

/** gzips `bytes` at `level`: synchronously below `ASYNC_THRESHOLD_BYTES` (no promise), else on the threadpool. */
export function gzipBytes(bytes: Uint8Array, level: number): Buffer | Promise<Buffer> {
  if (bytes.byteLength < ASYNC_THRESHOLD_BYTES) return gzipSync(bytes, { level });
  return gzipAsync(bytes, { level });
}

// Errors of the source reach the gzip stream (pipeline destroys it with the
// error), so the HTTP handler reading the compressed stream sees them.
const ignore = (): void => {};

/** A Node.js stream of the gzip of everything `source` yields. */
export function gzipNodeStream(source: NodeJS.ReadableStream, level: number): Readable {
  return pipeline(source, createGzip({ level }), ignore);
}

/** A WHATWG stream of the gzip of everything `source` yields (the fetch handler's kind of body). */
export function gzipWebStream(source: ReadableStream<Uint8Array>, level: number): ReadableStream<Uint8Array> {
  const compressed = gzipNodeStream(Readable.fromWeb(source as NodeWebReadableStream<Uint8Array>), level);
  return Readable.toWeb(compressed) as unknown as ReadableStream<Uint8Array>;
}
