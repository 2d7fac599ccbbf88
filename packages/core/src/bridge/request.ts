import { HttpRequest } from '@smithy/protocol-http';

/**
 * A copy of `request` for one attempt's handlers (botocore builds a new
 * request per attempt), whose headers behave case-insensitively as
 * botocore's do: `delete headers['Content-Type']; headers['Content-Type'] = v`
 * leaves one `Content-Type` header, whatever case the SDK wrote it in.
 */
export function attemptRequest(request: HttpRequest): HttpRequest {
  const copy = HttpRequest.clone(request);
  copy.headers = caseInsensitive(copy.headers);
  return copy;
}

/** `headers` behind a proxy that finds, replaces and deletes names in any case. */
export function caseInsensitive(headers: Record<string, string>): Record<string, string> {
  const actual = (name: string | symbol) =>
    typeof name === 'string' ? Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase()) : name;
  return new Proxy(headers, {
    get: (target, name) => Reflect.get(target, actual(name) ?? name),
    has: (target, name) => actual(name) !== undefined && Reflect.has(target, actual(name)!),
    set: (target, name, value) => {
      const existing = actual(name);
      if (existing !== undefined && existing !== name) delete target[existing as string];
      return Reflect.set(target, name, value);
    },
    deleteProperty: (target, name) => Reflect.deleteProperty(target, actual(name) ?? name),
    getOwnPropertyDescriptor: (target, name) => Reflect.getOwnPropertyDescriptor(target, actual(name) ?? name),
  });
}

/**
 * After a handler replaced the body: `content-length` for its length (a
 * stream of unknown length loses a stale one), and a payload hash computed
 * for the old body dropped, so the signer hashes the new one. botocore does
 * both when it prepares the request, after the handlers ran.
 */
export function bodyReplaced(request: HttpRequest): void {
  const headers = caseInsensitive(request.headers);
  const length = byteLengthOf(request.body);
  if (length !== undefined) {
    if (length > 0 || 'content-length' in headers || !('transfer-encoding' in headers)) headers['content-length'] = String(length);
  } else if ('content-length' in headers && !isStreamingPayload(headers)) {
    delete headers['content-length'];
  }
  const hash = headers['x-amz-content-sha256'];
  if (hash !== undefined && /^[0-9a-f]{64}$/.test(hash)) delete headers['x-amz-content-sha256'];
}

/** SigV4's streaming (aws-chunked) payloads declare their decoded length elsewhere; leave those alone. */
function isStreamingPayload(headers: Record<string, string>): boolean {
  return String(headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
}

function byteLengthOf(body: unknown): number | undefined {
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return body.byteLength;
  return undefined;
}
