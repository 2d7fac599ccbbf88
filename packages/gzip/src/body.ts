/**
 * What kind of body a request carries, and its bytes when it has them,
 * read without ever calling a method of the body object itself: the SDK's
 * JSON bodies are a `Uint8Array` subclass whose string methods print a
 * deprecation warning.
 */

const utf8 = new TextEncoder();

/** A body classified by how it can be compressed. */
export type ClassifiedBody =
  | { kind: 'none' }
  /** In memory: a string (UTF-8, as the HTTP handlers send it), any `ArrayBufferView`, an `ArrayBuffer`. */
  | { kind: 'bytes'; bytes: Uint8Array }
  /** In memory but read asynchronously. */
  | { kind: 'blob'; blob: Blob }
  /** A Node.js readable stream (`stream.Readable` or anything with `pipe`/`on`). */
  | { kind: 'node-stream'; stream: NodeJS.ReadableStream }
  /** A WHATWG `ReadableStream` (what the fetch handler sends). */
  | { kind: 'web-stream'; stream: ReadableStream<Uint8Array> }
  /** Anything else: left alone. */
  | { kind: 'unknown' };

/**
 * A plain `Uint8Array` over exactly the bytes of `view`: respects
 * `byteOffset`/`byteLength` (a `DataView`, a `Float64Array` or a slice of a
 * larger buffer), and is not the caller's subclass, so nothing downstream
 * can reach the subclass's methods through it.
 */
export function byteView(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function isArrayBufferLike(value: object): value is ArrayBuffer | SharedArrayBuffer {
  // Object.prototype.toString reads the internal tag; it never calls the value's own toString.
  const tag = Object.prototype.toString.call(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

/** Classifies a request body (see `ClassifiedBody`). */
export function classifyBody(body: unknown): ClassifiedBody {
  if (body === undefined || body === null) return { kind: 'none' };
  if (typeof body === 'string') return { kind: 'bytes', bytes: utf8.encode(body) };
  if (typeof body !== 'object') return { kind: 'unknown' };
  if (ArrayBuffer.isView(body)) return { kind: 'bytes', bytes: byteView(body) };
  if (isArrayBufferLike(body)) return { kind: 'bytes', bytes: new Uint8Array(body) };
  if (typeof Blob === 'function' && body instanceof Blob) return { kind: 'blob', blob: body };
  const candidate = body as Record<string, unknown>;
  if (typeof candidate.getReader === 'function') return { kind: 'web-stream', stream: body as ReadableStream<Uint8Array> };
  if (typeof candidate.pipe === 'function' && typeof candidate.on === 'function') {
    return { kind: 'node-stream', stream: body as NodeJS.ReadableStream };
  }
  return { kind: 'unknown' };
}

/** Whether `bytes` start with the gzip magic number (RFC 1952: 1f 8b). */
export function startsWithGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
