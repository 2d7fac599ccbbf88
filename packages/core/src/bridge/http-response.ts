import { HttpResponse } from '@smithy/protocol-http';
import type { AbortSignalLike } from './call.js';

/**
 * Turns a `before-send` handler's response into the `HttpResponse` the SDK
 * parses: an `HttpResponse`, or a plain `{ statusCode, headers?, body? }`
 * whose body is a string, bytes or a stream (web `ReadableStream`, Node
 * `Readable` or any async iterable of bytes). Anything else is a TypeError
 * naming the event. A stream that has not ended within `timeoutMs` (the
 * client's request timeout), or by the call's abort, fails the call as a
 * network response would.
 */
export function toHttpResponse(value: unknown, eventName: string, timeoutMs: number | undefined, abortSignal: AbortSignalLike | undefined): HttpResponse {
  const problem = describeProblem(value);
  if (problem) throw new TypeError(`${eventName}: a handler returned ${problem}; expected an HttpResponse or { statusCode, headers?, body? }`);
  const { statusCode, headers = {}, body, reason } = value as HttpResponse;
  return new HttpResponse({ statusCode, reason, headers: { ...headers }, body: toStream(body, eventName, timeoutMs, abortSignal) });
}

function describeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return `a ${value === null ? 'null' : typeof value}`;
  const { statusCode, headers, body } = value as Record<string, unknown>;
  if (!Number.isInteger(statusCode) || (statusCode as number) < 100 || (statusCode as number) > 599) return `a statusCode of ${String(statusCode)}`;
  if (headers !== undefined && (typeof headers !== 'object' || headers === null)) return 'headers that are not an object';
  if (!isBody(body)) return `a body of type ${body === null ? 'null' : typeof body}`;
  return undefined;
}

function isBody(body: unknown): boolean {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array || isWebStream(body) || isAsyncIterable(body);
}

const isWebStream = (body: unknown): body is ReadableStream<Uint8Array> => typeof (body as any)?.getReader === 'function';
const isAsyncIterable = (body: unknown): body is AsyncIterable<Uint8Array> => typeof (body as any)?.[Symbol.asyncIterator] === 'function';

/** A web stream of the body (the SDK reads those on Node and in browsers), failing when the deadline passes first. */
function toStream(body: unknown, eventName: string, timeoutMs: number | undefined, abortSignal: AbortSignalLike | undefined): ReadableStream<Uint8Array> {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    return new ReadableStream({
      start(controller) {
        if (bytes !== undefined && bytes.byteLength > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
  }
  const source = isWebStream(body) ? body : fromIterable(body as AsyncIterable<Uint8Array>);
  if (!timeoutMs && !abortSignal) return source;
  const reader = source.getReader();
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const timer = timeoutMs ? setTimeout(() => fail(timeoutError(eventName, timeoutMs)), timeoutMs) : undefined;
  const onAbort = () => fail(abortError(abortSignal!.reason));
  abortSignal?.addEventListener('abort', onAbort);
  const done = () => {
    clearTimeout(timer);
    abortSignal?.removeEventListener('abort', onAbort);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await Promise.race([reader.read(), failed]);
        if (chunk.done) {
          done();
          controller.close();
        } else controller.enqueue(chunk.value);
      } catch (error) {
        done();
        void reader.cancel(error).catch(() => {});
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
}

function fromIterable(body: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel(reason) {
      await chunks.return?.(reason);
    },
  });
}

function timeoutError(eventName: string, timeoutMs: number): Error {
  return Object.assign(new Error(`${eventName}: the body of a handler's response did not end within the client's requestTimeout (${timeoutMs} ms)`), { name: 'TimeoutError' });
}

export function abortError(reason: unknown): Error {
  return reason instanceof Error ? reason : Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}
