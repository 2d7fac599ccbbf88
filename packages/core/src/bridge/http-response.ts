import { HttpResponse } from '@smithy/protocol-http';
import { Readable } from 'node:stream';

/**
 * Turns a `before-send` handler's response into the `HttpResponse` the SDK
 * parses: an `HttpResponse`, or a plain `{ statusCode, headers?, body? }`
 * whose body is a string, bytes or a stream. Anything else is a TypeError
 * naming the event.
 */
export function toHttpResponse(value: unknown, eventName: string): HttpResponse {
  const problem = describeProblem(value);
  if (problem) throw new TypeError(`${eventName}: a handler returned ${problem}; expected an HttpResponse or { statusCode, headers?, body? }`);
  const { statusCode, headers = {}, body, reason } = value as HttpResponse;
  return new HttpResponse({ statusCode, reason, headers: { ...headers }, body: toStream(body) });
}

function describeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  const { statusCode, headers, body } = value as Record<string, unknown>;
  if (!Number.isInteger(statusCode) || (statusCode as number) < 100 || (statusCode as number) > 599)
    return `a statusCode of ${String(statusCode)}`;
  if (headers !== undefined && (typeof headers !== 'object' || headers === null)) return 'headers that are not an object';
  if (!isBody(body)) return `a body of type ${body === null ? 'null' : typeof body}`;
  return undefined;
}

function isBody(body: unknown): boolean {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array || isStream(body);
}

function isStream(body: unknown): boolean {
  return typeof (body as any)?.pipe === 'function' || typeof (body as any)?.getReader === 'function';
}

/** The SDK's node deserializers read bodies as streams; strings and bytes become one. */
function toStream(body: unknown): unknown {
  if (typeof body === 'string' || body instanceof Uint8Array) return Readable.from([Buffer.from(body as any)]);
  if (body === undefined) return Readable.from([]);
  return body;
}
