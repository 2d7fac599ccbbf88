/**
 * How many bytes a request's body will have on the wire: as serialized, or
 * gzipped when a gzip handler on the same emitter will compress it. The SDK's
 * own request compression runs before `before-call`, so a body it compressed
 * already says `content-encoding: gzip` and is measured as it is.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { EventHooks, OperationModel } from '@sdk-events/core';

const gzipAsync = promisify(gzip);

/**
 * The property every `@sdk-events/gzip` handler carries: `handler[GZIP_HANDLER_MARKER]`
 * is `{ minBytes, level }`. A handler of your own that gzips request bodies
 * can carry it too, so the guard measures what it will send.
 */
export const GZIP_HANDLER_MARKER = Symbol.for('sdk-events.gzip');

/** The value of `handler[GZIP_HANDLER_MARKER]`: what the gzip handler compresses and how. */
export interface GzipHandlerMarker {
  /** Bodies shorter than this are sent as they are. */
  minBytes: number;
  /** The zlib level it compresses at (-1 to 9). */
  level: number;
}

/** The per-attempt events, in the order they run, where a gzip handler may change the body before signing. */
const GZIP_EVENT_TYPES = ['request-created', 'before-sign'] as const;

/** The first handler of this operation's per-attempt events that carries the gzip marker. */
export function gzipHandlerOf(events: EventHooks, model: OperationModel): GzipHandlerMarker | undefined {
  for (const type of GZIP_EVENT_TYPES) {
    for (const handler of events.handlersFor(`${type}.${model.serviceIdHyphenized}.${model.name}`)) {
      const marker = (handler as unknown as Record<symbol, unknown>)[GZIP_HANDLER_MARKER];
      if (isMarker(marker)) return marker;
    }
  }
  return undefined;
}

function isMarker(value: unknown): value is GzipHandlerMarker {
  const m = value as Partial<GzipHandlerMarker> | null | undefined;
  return typeof m === 'object' && m !== null && typeof m.minBytes === 'number' && typeof m.level === 'number';
}

/** The body as bytes without calling methods of the SDK's byte-string subclasses; `undefined` for a stream or anything else. */
export function bodyBytes(body: unknown): Uint8Array | undefined {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

/** Whether the request's `content-encoding` already lists gzip (the SDK's own compression ran). */
export function isGzipEncoded(headers: Record<string, string> | undefined): boolean {
  const tokens = (headerValue(headers, 'content-encoding') ?? '').split(',').map((t) => t.trim().toLowerCase());
  return tokens.includes('gzip') || tokens.includes('x-gzip');
}

/**
 * The most bytes gzip can turn `n` bytes into (zlib's conservative
 * `deflateBound` plus the 18-byte gzip header and trailer).
 */
export function gzipBound(n: number): number {
  return n + ((n + 7) >> 3) + ((n + 63) >> 6) + 5 + 18;
}

/**
 * A measurement: `bytes` on the wire; `exact: false` when `bytes` is an
 * upper bound (see `measureWireBytes`); `compressed` when gzip makes it (the
 * SDK's or a gzip handler's), so sizes of runs do not add up.
 */
export interface WireSize {
  bytes: number;
  exact: boolean;
  compressed: boolean;
}

/** A request as `before-call` sees it (an `HttpRequest`, or the plain copy the SDK's compression makes). */
export interface MeasurableRequest {
  headers?: Record<string, string>;
  body?: unknown;
}

/** The body's length in bytes without copying it; `undefined` for a stream or anything else. */
export function bodyLength(body: unknown): number | undefined {
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return Buffer.byteLength(body, 'utf8');
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return body.byteLength;
  return undefined;
}

/** Whether the gzip handler leaves a body of `size` bytes as it is: it never compresses twice, skips empty and below-minBytes bodies. */
function leftAsItIs(request: MeasurableRequest, size: number, gzipHandler: GzipHandlerMarker | undefined): boolean {
  return !gzipHandler || size === 0 || size < gzipHandler.minBytes || isGzipEncoded(request.headers);
}

/** The body's size on the wire when no compression is left to run on it; `undefined` for a stream or a body the gzip handler will compress. */
export function sizeAsItIs(request: MeasurableRequest, gzipHandler: GzipHandlerMarker | undefined): number | undefined {
  const size = bodyLength(request.body);
  return size !== undefined && leftAsItIs(request, size, gzipHandler) ? size : undefined;
}

/**
 * Measures `request`'s body as it will go on the wire. `undefined` when the
 * body is a stream (its size is unknown before it is read). With `fitsUnder`,
 * a body that gzip could not make larger than it returns an upper bound
 * instead of compressing to find out (`exact: false`).
 */
export async function measureWireBytes(
  request: MeasurableRequest,
  gzipHandler: GzipHandlerMarker | undefined,
  fitsUnder?: number,
): Promise<WireSize | undefined> {
  const size = bodyLength(request.body);
  if (size === undefined) return undefined;
  if (!gzipHandler || leftAsItIs(request, size, gzipHandler)) return { bytes: size, exact: true, compressed: isGzipEncoded(request.headers) };
  if (fitsUnder !== undefined && gzipBound(size) <= fitsUnder) return { bytes: gzipBound(size), exact: false, compressed: true };
  // On the threadpool: large bodies do not block the event loop.
  const compressed = await gzipAsync(bodyBytes(request.body)!, { level: gzipHandler.level });
  return { bytes: compressed.byteLength, exact: true, compressed: true };
}

/**
 * Whether the SDK's own request compression may gzip a request of this
 * client: clients of operations that compress (CloudWatch's `PutMetricData`)
 * have the `disableRequestCompression` option; a client without it never
 * compresses. (Its threshold does not matter: a run long enough passes it,
 * and a compressed run can be shorter on the wire than a run of fewer items.)
 */
export async function sdkMayCompress(config: Record<string, unknown>): Promise<boolean> {
  if (!('disableRequestCompression' in config)) return false;
  const disabled = config['disableRequestCompression'];
  return (typeof disabled === 'function' ? await (disabled as () => unknown)() : disabled) !== true;
}
