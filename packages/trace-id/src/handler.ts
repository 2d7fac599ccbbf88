import type { HttpRequest } from '@smithy/protocol-http';
import type { CallContext, EventPayload, SignatureVersion } from '@sdk-events/core';
import { hasHeader, isValidHeaderValue, replaceHeader } from './headers.js';
import { buildTraceparent, isTraceparent, randomTraceId } from './ids.js';
import { resolveTraceIdOptions, type ResolvedTraceIdOptions, type TraceIdOptions } from './options.js';
import { describeValue } from '@sdk-events/core/internal';
import { currentTraceId } from './scope.js';

/**
 * Where the default id of a call is kept in its `context`: shared by every
 * trace-id handler without a `value`, so an `x-trace-id` and a `traceparent`
 * handler on the same call carry the same trace id.
 */
export const CALL_TRACE_ID = Symbol.for('@sdk-events/trace-id');

/** What a trace-id handler needs from its payload (`request-created` and `before-sign` have it). */
export interface TraceIdPayload extends EventPayload {
  request: HttpRequest;
  context?: CallContext;
  operationName?: string;
  /** On `before-sign`: botocore's signature version; a presign's ends in `-query` (`v4-query`, `s3v4-query`). */
  signatureVersion?: SignatureVersion | null;
}

/** A per-call decision, cached in the call's context so every attempt agrees. */
interface CallId {
  id: string | undefined;
}

/**
 * A handler that sets a trace-id header on the request. Register it on
 * `before-sign` (so the header is signed) or `request-created`; registered
 * after signing (`before-send`) the header would break the signature.
 *
 * ```ts
 * eventsOf(lambda).register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id', value: 'trace-trace' }));
 * ```
 *
 * The id is decided once per call and reused by its retries: `value` if
 * given, else the id of the enclosing `withTraceId`, else a fresh random
 * 32-hex-digit id. With `format: 'w3c'` the header (default `traceparent`)
 * is `00-<trace id>-<parent id>-01`, with a fresh parent id per attempt
 * (each attempt is its own client span). A header already on the request
 * (any case) is left alone unless `overwrite: true`. A presigned URL gets
 * no header unless `presigned: true` (see `TraceIdOptions.presigned`).
 *
 * @throws TypeError naming the bad option.
 */
export function createTraceIdHandler(options?: TraceIdOptions): (payload: TraceIdPayload) => Promise<void> {
  return handlerFor(resolveTraceIdOptions(options, 'createTraceIdHandler'));
}

/** The handler for already-validated options (shared with `traceIdPlugin`). */
export function handlerFor(options: ResolvedTraceIdOptions): (payload: TraceIdPayload) => Promise<void> {
  // A handler with its own `value` keeps its own per-call id.
  const cacheKey = options.value === undefined ? CALL_TRACE_ID : Symbol('@sdk-events/trace-id value');

  return async function traceIdHandler(payload: TraceIdPayload): Promise<void> {
    const request = payload?.request;
    if (typeof request !== 'object' || request === null || typeof request.headers !== 'object' || request.headers === null) {
      throw new TypeError(
        `trace-id handler: the payload of "${payload?.eventName}" has no request; register it on before-sign or request-created`,
      );
    }
    if (!options.overwrite && hasHeader(request.headers, options.header)) return;
    if (!options.presigned && isPresign(payload)) return;

    const { id } = await callId(payload, options, cacheKey);
    if (id === undefined) return;
    const headerValue = options.format === 'w3c' && !isTraceparent(id) ? await buildTraceparent(id) : id;
    replaceHeader(request.headers, options.header, headerValue);
  };
}

/** Whether the payload is a presign's `before-sign` (botocore's `-query` signature versions). */
function isPresign(payload: TraceIdPayload): boolean {
  return typeof payload.signatureVersion === 'string' && payload.signatureVersion.endsWith('-query');
}

async function callId(payload: TraceIdPayload, options: ResolvedTraceIdOptions, cacheKey: symbol): Promise<CallId> {
  const context = payload.context;
  const cached = context?.[cacheKey] as CallId | undefined;
  if (cached) return cached;
  const decided: CallId = { id: await decideId(payload, options) };
  if (context) context[cacheKey] = decided;
  return decided;
}

async function decideId(payload: TraceIdPayload, options: ResolvedTraceIdOptions): Promise<string | undefined> {
  const { value } = options;
  if (typeof value === 'string') return value;
  if (value === undefined) return currentTraceId() ?? randomTraceId();
  const result = await value({
    operationName: payload.operationName ?? payload.eventName.split('.')[2] ?? '',
    service: payload.eventName.split('.')[1],
    request: payload.request,
    context: payload.context ?? ({} as CallContext),
  });
  if (result === undefined || result === null) return undefined;
  if (typeof result !== 'string' || !isValidHeaderValue(result)) {
    throw new TypeError(
      `trace-id handler: the value function must return a non-empty string of visible ASCII characters, undefined or null; got ${describeValue(result)}`,
    );
  }
  return result;
}
