/**
 * The decision and the change: whether a request's body can be gzipped with
 * the request staying valid, and if so, gzipping it and fixing the headers
 * that describe the body. Nothing is changed until everything is known, so
 * a request is either fully converted or untouched.
 */
import { classifyBody, startsWithGzipMagic } from './body.js';
import { hasBodyDigestHeader, planChecksums } from './checksums.js';
import { gzipBytes, gzipNodeStream, gzipWebStream } from '#platform';
import { headerTokens, headerValue, scanHeaders, setHeader, type HeaderMap, type HeaderScan } from './headers.js';
import type { GzipSettings } from './options.js';

/** The part of an HTTP request (`HttpRequest` from `@smithy/protocol-http`) this package reads and changes. */
export interface GzipableRequest {
  headers: Record<string, string>;
  body?: unknown;
  query?: Record<string, string | Array<string | null> | null | undefined>;
}

/** Why a request was left as it was. */
export type GzipSkipReason =
  /** No body (`undefined`/`null`). */
  | 'no-body'
  /** A body of zero bytes. */
  | 'empty'
  /** An in-memory body shorter than `minBytes`. */
  | 'below-min-bytes'
  /** `content-encoding` already lists `gzip` (or `x-gzip`): e.g. the SDK's own request compression ran. */
  | 'already-gzip'
  /** The body is already encoded and starts with the gzip magic bytes. */
  | 'gzip-magic'
  /** The request is already SigV4-signed (an `authorization: AWS4-…` header or `X-Amz-Signature` query): its signature covers the body. */
  | 'already-signed'
  /** An aws-chunked body (`content-encoding: aws-chunked`, `x-amz-decoded-content-length` or `x-amz-trailer`): framed, with trailing checksums over the original bytes. */
  | 'aws-chunked'
  /** An `x-amz-checksum-*` digest of an algorithm this package cannot compute. */
  | 'checksum-unknown'
  /** A checksum header that does not match the body as it is: not ours to replace. */
  | 'checksum-mismatch'
  /** An `x-amz-content-sha256` that is neither a hex SHA-256 nor `UNSIGNED-PAYLOAD`. */
  | 'payload-hash-unknown'
  /** A stream with a `content-length`: the compressed length is not known before the stream is read. */
  | 'stream-length'
  /** A stream with a header that covers its bytes (checksum, payload hash): not computable before the stream is read. */
  | 'stream-checksum'
  /** A stream already read to its end, destroyed, or (web) locked. */
  | 'stream-consumed'
  /** A body of a kind that cannot be compressed (neither string, bytes, Blob nor stream). */
  | 'unsupported-body'
  /** Someone replaced the body while it was being compressed. */
  | 'body-changed';

/** What `gzipRequest` did. */
export type GzipOutcome =
  | { compressed: true; body: 'bytes'; originalBytes: number; compressedBytes: number }
  | { compressed: true; body: 'stream' }
  | { compressed: false; reason: GzipSkipReason };

const skip = (reason: GzipSkipReason): GzipOutcome => ({ compressed: false, reason });

function isSigned(request: GzipableRequest, headers: HeaderMap, scan: HeaderScan): boolean {
  const authorization = headerValue(headers, scan.keys.authorization);
  if (authorization !== undefined && authorization.trimStart().startsWith('AWS4-')) return true;
  for (const key of Object.keys(request.query ?? {})) if (key.toLowerCase() === 'x-amz-signature') return true;
  return false;
}

/** Appends `gzip` to `content-encoding` (keeping the key's case), dropping a lone `identity`. */
function appendGzipEncoding(headers: HeaderMap, scan: HeaderScan): void {
  const keys = scan.keys['content-encoding'];
  const current = headerValue(headers, keys);
  const meaningful = headerTokens(current).some((token) => token !== 'identity');
  setHeader(headers, keys, 'content-encoding', meaningful ? `${current!.trim()}, gzip` : 'gzip');
}

/** Sets `content-length` (whatever the key's case); adds it when absent, unless the body is sent chunked. */
function setContentLength(headers: HeaderMap, scan: HeaderScan, length: number): void {
  const keys = scan.keys['content-length'];
  if (keys !== undefined || scan.keys['transfer-encoding'] === undefined) setHeader(headers, keys, 'content-length', String(length));
}

/**
 * gzips `request`'s body in place when the request stays valid (see the
 * README's rules), or leaves it exactly as it was. Safe to call twice on
 * one request: the second call finds `content-encoding: gzip` and stops.
 */
export async function gzipRequestInPlace(request: GzipableRequest, settings: GzipSettings): Promise<GzipOutcome> {
  const headers = request.headers as HeaderMap;
  const original = request.body;
  const body = classifyBody(original);
  if (body.kind === 'none') return skip('no-body');
  if (body.kind === 'unknown') return skip('unsupported-body');
  let scan = scanHeaders(headers);
  if (isSigned(request, headers, scan)) return skip('already-signed');

  const encodings = headerTokens(headerValue(headers, scan.keys['content-encoding']));
  if (encodings.includes('gzip') || encodings.includes('x-gzip')) return skip('already-gzip');
  if (
    encodings.includes('aws-chunked') ||
    scan.keys['x-amz-decoded-content-length'] !== undefined ||
    scan.keys['x-amz-trailer'] !== undefined
  ) {
    return skip('aws-chunked');
  }

  if (body.kind === 'node-stream' || body.kind === 'web-stream') {
    if (scan.keys['content-length'] !== undefined) return skip('stream-length');
    if (hasBodyDigestHeader(headers, scan.digestKeys)) return skip('stream-checksum');
    if (body.kind === 'web-stream') {
      if (body.stream.locked) return skip('stream-consumed');
      request.body = gzipWebStream(body.stream, settings.level);
    } else {
      const state = body.stream as Partial<{ readableEnded: boolean; destroyed: boolean }>;
      if (state.readableEnded === true || state.destroyed === true) return skip('stream-consumed');
      if (gzipNodeStream === undefined) return skip('unsupported-body');
      request.body = gzipNodeStream(body.stream, settings.level);
    }
    appendGzipEncoding(headers, scan);
    return { compressed: true, body: 'stream' };
  }

  let bytes: Uint8Array;
  if (body.kind === 'blob') {
    if (body.blob.size === 0) return skip('empty');
    if (body.blob.size < settings.minBytes) return skip('below-min-bytes');
    bytes = new Uint8Array(await body.blob.arrayBuffer());
    if (request.body !== original) return skip('body-changed');
    scan = scanHeaders(headers); // read again: they may have changed while the blob was read
  } else {
    bytes = body.bytes;
  }
  if (bytes.byteLength === 0) return skip('empty');
  if (bytes.byteLength < settings.minBytes) return skip('below-min-bytes');
  if (encodings.some((token) => token !== 'identity') && startsWithGzipMagic(bytes)) return skip('gzip-magic');

  const checksums = await planChecksums(headers, scan.digestKeys, bytes);
  if (!checksums.ok) return skip(checksums.reason);

  const compressed = await gzipBytes(bytes, settings.level);
  const digests = await checksums.recompute(compressed);
  if (request.body !== original) return skip('body-changed');
  Object.assign(headers, digests);
  scan = scanHeaders(headers); // read again: they may have changed while compressing
  appendGzipEncoding(headers, scan);
  setContentLength(headers, scan, compressed.byteLength);
  request.body = compressed;
  return { compressed: true, body: 'bytes', originalBytes: bytes.byteLength, compressedBytes: compressed.byteLength };
}

/** Whether `value` looks like a request this package can work on (an object with a headers object). */
export function isGzipableRequest(value: unknown): value is GzipableRequest {
  if (value === null || typeof value !== 'object') return false;
  const headers = (value as { headers?: unknown }).headers;
  return headers !== null && typeof headers === 'object';
}
