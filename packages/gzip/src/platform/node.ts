/**
 * The Node.js platform (the `node` condition of `#platform`): zlib for
 * gzip, `node:crypto` for digests. In-memory bodies are gzipped
 * synchronously when small and on the libuv threadpool when large; streams
 * go through a zlib transform. `web.ts` has the same exports.
 */
import { createHash } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { DigestFunction } from './types.js';

const gzipAsync = promisify(zlib.gzip);

/** Which implementation this is (shown by tests and diagnostics). */
export const PLATFORM = 'node';

/**
 * Bodies of this many bytes or more are gzipped asynchronously (zlib on the
 * libuv threadpool, the event loop stays free); smaller ones synchronously.
 *
 * A round trip to the threadpool costs about 25–35 µs more latency than the
 * same work done inline, while `gzipSync` of CloudWatch-like JSON blocks the
 * loop for about 30 µs at 4 KiB, 45 µs at 8 KiB and 80–110 µs at 16 KiB
 * (`npx tsx packages/gzip/scripts/crossover.ts`, node 20, 2 cores). From
 * about 8 KiB on, blocking everyone costs more than making this one call
 * wait, so that is where async starts.
 */
export const ASYNC_THRESHOLD_BYTES = 8 * 1024;

/** gzips `bytes` at `level`: synchronously below `ASYNC_THRESHOLD_BYTES` (no promise), else on the threadpool. */
export function gzipBytes(bytes: Uint8Array, level: number): Uint8Array | Promise<Uint8Array> {
  if (bytes.byteLength < ASYNC_THRESHOLD_BYTES) return zlib.gzipSync(bytes, { level });
  return gzipAsync(bytes, { level });
}

// Errors of the source reach the gzip stream (pipeline destroys it with the
// error), so the HTTP handler reading the compressed stream sees them.
const ignore = (): void => {};

/** A Node.js stream of the gzip of everything `source` yields. */
export function gzipNodeStream(source: NodeJS.ReadableStream, level: number): Readable {
  return pipeline(source, zlib.createGzip({ level }), ignore);
}

/** A WHATWG stream of the gzip of everything `source` yields (the fetch handler's kind of body). */
export function gzipWebStream(source: ReadableStream<Uint8Array>, level: number): ReadableStream<Uint8Array> {
  const compressed = gzipNodeStream(Readable.fromWeb(source as NodeWebReadableStream<Uint8Array>), level);
  return Readable.toWeb(compressed) as unknown as ReadableStream<Uint8Array>;
}


const hash =
  (algorithm: string): DigestFunction =>
  (bytes) =>
    createHash(algorithm).update(bytes).digest();

/** The hash digests the checksum headers use (every one exists on Node). */
export const DIGESTS: Readonly<Record<'md5' | 'sha1' | 'sha256', DigestFunction | undefined>> = {
  md5: hash('md5'),
  sha1: hash('sha1'),
  sha256: hash('sha256'),
};

// zlib.crc32 exists from node 20.15 / 22.2; undefined before (the table in crc.ts serves then).
/** zlib's native CRC-32, where the platform has one. */
export const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The base64 of `bytes`. */
export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
