import type { IncomingHttpHeaders } from 'node:http';

/**
 * CORS, so that a browser app on another origin can be pointed at the
 * inspector: any origin may call it, with any method and header, and read
 * every response header the SDK reads (request ids, ETags, checksums,
 * versions, ranges, encodings).
 */

/** Response headers a browser SDK reads; CORS hides any not exposed. */
const EXPOSED_HEADERS = [
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-amz-id-2',
  'x-amzn-errortype',
  'x-amzn-query-error',
  'x-amz-executed-version',
  'x-amz-function-error',
  'x-amz-log-result',
  'x-amz-version-id',
  'x-amz-bucket-region',
  'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c',
  'x-amz-checksum-crc64nvme',
  'x-amz-checksum-sha1',
  'x-amz-checksum-sha256',
  'x-amz-checksum-type',
  'etag',
  'last-modified',
  'content-encoding',
  'content-range',
  'content-length',
  'accept-ranges',
  'smithy-protocol',
  'date',
].join(', ');

/** Whether `method`/`headers` are a CORS preflight (an OPTIONS asking whether another method may follow). */
export function isPreflight(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && headers['origin'] !== undefined && headers['access-control-request-method'] !== undefined;
}

/** The answer to a preflight: the origin, method and headers asked for are allowed, for a day. */
export function preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return {
    'access-control-allow-origin': String(headers['origin']),
    'access-control-allow-methods': 'GET, PUT, POST, DELETE, HEAD, PATCH',
    'access-control-allow-headers': String(headers['access-control-request-headers'] ?? '*'),
    'access-control-max-age': '86400',
    vary: 'Origin',
    'content-length': '0',
  };
}

/** CORS headers for any answer to a request from `origin` (none without one: not a browser's cross-origin call). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (origin === undefined) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS, vary: 'Origin' };
}
