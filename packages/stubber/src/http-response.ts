import { describeValue } from '@sdk-events/core/internal';

/** A raw HTTP response for `addHttpResponse`: what the service would send back for one attempt. */
export interface HttpResponseStub {
  /** The status code, 100 to 599. */
  statusCode: number;
  /** Response headers (`content-type`, `x-amzn-requestid`, checksum headers, …). */
  headers?: Record<string, string>;
  /** The body as the service would send it: a string, bytes, or a stream (read once). */
  body?: string | Uint8Array | { pipe(...args: any[]): unknown } | { getReader(...args: any[]): unknown };
}

/** Checks a response handed to `addHttpResponse` now, rather than when a call reaches it. */
export function checkHttpResponse(response: unknown, method: string): asserts response is HttpResponseStub {
  const problem = problemOf(response);
  if (problem) throw new TypeError(`${method}: ${problem}; expected { statusCode, headers?, body? }`);
}

function problemOf(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null) return `the response is ${describeValue(response)}`;
  const { statusCode, headers, body } = response as Record<string, unknown>;
  if (!Number.isInteger(statusCode) || (statusCode as number) < 100 || (statusCode as number) > 599) return `statusCode ${String(statusCode)} is not an HTTP status (100 to 599)`;
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string')))
    return 'headers must be an object of strings';
  const isBody = body === undefined || typeof body === 'string' || body instanceof Uint8Array || typeof (body as any)?.pipe === 'function' || typeof (body as any)?.getReader === 'function';
  return isBody ? undefined : `the body is ${describeValue(body)}, not a string, bytes or a stream`;
}

/** A fresh copy for one attempt: handlers may change what the SDK receives without touching the queued stub. */
export function copyHttpResponse({ statusCode, headers, body }: HttpResponseStub): HttpResponseStub {
  return { statusCode, headers: { ...headers }, body };
}
