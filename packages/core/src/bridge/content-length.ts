import type { HttpRequest } from '@smithy/protocol-http';

/**
 * Sets `content-length` to the length of a body a handler replaced.
 * botocore computes Content-Length after `before-sign` (when it prepares the
 * request), so a handler ported from boto3 (`request.data = gzip.compress(…)`)
 * never sets it; v3 computed it earlier, in the build step. Bodies of unknown
 * length (streams) keep whatever the handler left.
 */
export function syncContentLength(request: HttpRequest): void {
  const length = byteLengthOf(request.body);
  if (length === undefined) return;
  const key = Object.keys(request.headers).find((name) => name.toLowerCase() === 'content-length');
  if (key === undefined && hasHeader(request, 'transfer-encoding')) return;
  request.headers[key ?? 'content-length'] = String(length);
}

function byteLengthOf(body: unknown): number | undefined {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (body === undefined || body === null) return 0;
  return undefined;
}

function hasHeader(request: HttpRequest, name: string): boolean {
  return Object.keys(request.headers).some((key) => key.toLowerCase() === name);
}
