/** What the log says about a request or response body: its size, if it can be known without reading it. */
export interface BodySize {
  /** Bytes, when the body is a string or bytes, or a stream with a `content-length`. */
  bytes: number | undefined;
  /** The body is a stream (its bytes are not read for logging). */
  streaming: boolean;
}

/** The size of a body as sent: measured for strings and bytes, else the `content-length` header of a stream. */
export function bodySize(body: unknown, headers: Record<string, string> | undefined): BodySize {
  if (body === undefined || body === null) return { bytes: 0, streaming: false };
  if (typeof body === 'string') return { bytes: Buffer.byteLength(body, 'utf8'), streaming: false };
  if (ArrayBuffer.isView(body)) return { bytes: body.byteLength, streaming: false };
  if (body instanceof ArrayBuffer) return { bytes: body.byteLength, streaming: false };
  const declared = Number(headerValue(headers, 'content-length'));
  return { bytes: Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined, streaming: true };
}

/** The value of a header, looked up without regard to case. */
export function headerValue(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers[name] !== undefined) return headers[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}
