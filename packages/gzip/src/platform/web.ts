/**
 * The web platform (browsers, and the default of `#platform` for runtimes
 * that are not Node): `CompressionStream` for gzip, Web Crypto for digests.
 * Same exports as `node.ts`. `CompressionStream` has no level: `level` is
 * accepted and ignored here (it compresses at its default). Web Crypto has
 * no MD5, so a request with `content-md5` is left uncompressed.
 */

import type { DigestFunction } from './types.js';

// The globals this file uses, declared here: the package compiles against Node's types, not the DOM's.
declare const CompressionStream: new (format: 'gzip') => {
  readable: ReadableStream<Uint8Array>;
  writable: WritableStream<Uint8Array>;
};

/** Which implementation this is (shown by tests and diagnostics). */
export const PLATFORM = 'web';

/** Every body is gzipped asynchronously here (`CompressionStream` has no synchronous form). */
export const ASYNC_THRESHOLD_BYTES = 0;

/** gzips `bytes` with `CompressionStream` (`level` is ignored: the stream has none). */
export async function gzipBytes(bytes: Uint8Array, _level: number): Promise<Uint8Array> {
  const compressed = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}

/** Node.js streams do not exist here: such a body is left alone. */
export const gzipNodeStream: ((source: NodeJS.ReadableStream, level: number) => unknown) | undefined = undefined;

/** A WHATWG stream of the gzip of everything `source` yields. */
export function gzipWebStream(source: ReadableStream<Uint8Array>, _level: number): ReadableStream<Uint8Array> {
  return source.pipeThrough(new CompressionStream('gzip'));
}


const subtle =
  (algorithm: 'SHA-1' | 'SHA-256'): DigestFunction =>
  async (bytes) =>
    new Uint8Array(await globalThis.crypto.subtle.digest(algorithm, bytes));

/** The hash digests the checksum headers use; Web Crypto has no MD5. */
export const DIGESTS: Readonly<Record<'md5' | 'sha1' | 'sha256', DigestFunction | undefined>> = {
  md5: undefined,
  sha1: subtle('SHA-1'),
  sha256: subtle('SHA-256'),
};

/** No native CRC-32 here: the table in crc.ts serves. */
export const nativeCrc32: ((data: Uint8Array) => number) | undefined = undefined;

/** The base64 of `bytes`. */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
