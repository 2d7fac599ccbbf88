import type { HttpRequest } from '@smithy/protocol-http';

/**
 * Gives `request` headers that behave case-insensitively for handlers, as
 * botocore's do (`delete headers['Content-Type']; headers['Content-Type'] = v`
 * leaves one `Content-Type` header, whatever case the SDK wrote it in);
 * returns the function that puts the plain headers object back for the SDK.
 */
export function showHeadersCaseInsensitively(request: HttpRequest): () => void {
  const headers = request.headers;
  const view = caseInsensitive(headers);
  request.headers = view;
  // A handler may have replaced the whole object: then keep its contents, not a proxy.
  return () => void (request.headers = request.headers === view ? headers : Object.assign({}, request.headers));
}

/** Headers objects a handler wrote to through `caseInsensitive` (what `before-send` checks to sign again). */
const written = new WeakSet<object>();

/** Whether a handler set or deleted a header of `headers` through a case-insensitive view. */
export function headersWritten(headers: object): boolean {
  return written.has(headers);
}

/** The name `headers` holds for `name` in any case, or undefined. */
function actualName(headers: Record<string, string>, name: string | symbol): string | symbol | undefined {
  if (typeof name !== 'string' || Object.hasOwn(headers, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(headers).find((key) => key.toLowerCase() === lower);
}

/** One set of traps for every case-insensitive view: each finds the name the target holds. */
const CASE_INSENSITIVE: ProxyHandler<Record<string, string>> = {
  get: (target, name) => Reflect.get(target, actualName(target, name) ?? name),
  has: (target, name) => actualName(target, name) !== undefined && Reflect.has(target, actualName(target, name)!),
  set: (target, name, value) => {
    written.add(target);
    const existing = actualName(target, name);
    if (existing !== undefined && existing !== name) delete target[existing as string];
    return Reflect.set(target, name, value);
  },
  deleteProperty: (target, name) => {
    written.add(target);
    return Reflect.deleteProperty(target, actualName(target, name) ?? name);
  },
  getOwnPropertyDescriptor: (target, name) => Reflect.getOwnPropertyDescriptor(target, actualName(target, name) ?? name),
};

/** `headers` behind a proxy that finds, replaces and deletes names in any case. */
export function caseInsensitive(headers: Record<string, string>): Record<string, string> {
  return new Proxy(headers, CASE_INSENSITIVE);
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
