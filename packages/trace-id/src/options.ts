import type { HttpRequest } from '@smithy/protocol-http';
import type { CallContext } from '@sdk-events/core';
import { isValidHeaderName, isValidHeaderValue } from './headers.js';
import { describeValue } from '@sdk-events/core/internal';

/** What a `value` function is told about the call it names. */
export interface TraceIdCall {
  /** The operation, e.g. `Invoke`. */
  operationName: string;
  /** The hyphenized service id from the event name, e.g. `lambda` (`undefined` if the name has none). */
  service: string | undefined;
  /** The request of the call's first attempt (before signing when registered on `before-sign`). */
  request: HttpRequest;
  /** The call's context: one object per call, shared by all its events. */
  context: CallContext;
}

/**
 * A trace id: a fixed string, or a function called once per call (on its
 * first attempt; retries reuse the result) that returns the id, or
 * `undefined`/`null` to send no header on that call. It may be async.
 */
export type TraceIdValue = string | ((call: TraceIdCall) => string | undefined | null | Promise<string | undefined | null>);

/** `'plain'`: the id as the header value. `'w3c'`: a W3C Trace Context `traceparent` built from the id. */
export type TraceIdFormat = 'plain' | 'w3c';

/** Options of `createTraceIdHandler`. */
export interface TraceIdOptions {
  /** The header to set. Default `x-trace-id`, or `traceparent` with `format: 'w3c'`. */
  header?: string;
  /** The id; default: the enclosing `withTraceId` id, else a fresh random id per call. */
  value?: TraceIdValue;
  /** How the id is written. Default `'plain'`. */
  format?: TraceIdFormat;
  /** Replace a header of that name already on the request (any case). Default `false`: leave it. */
  overwrite?: boolean;
  /**
   * Also set the header when a URL is presigned (`getSignedUrl`; a `before-sign`
   * whose `signatureVersion` ends in `-query`). Default `false`: the header
   * would be signed into the URL, and whoever fetches it (a browser, curl)
   * would have to send that exact header or get a signature error.
   */
  presigned?: boolean;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedTraceIdOptions {
  header: string;
  value: TraceIdValue | undefined;
  format: TraceIdFormat;
  overwrite: boolean;
  presigned: boolean;
}

const OPTION_NAMES = ['header', 'value', 'format', 'overwrite', 'presigned'] as const;

/**
 * Checks `options` and fills in defaults. `where` names the caller in error
 * messages; `extra` lists further option names the caller accepts.
 *
 * @throws TypeError naming the first bad option.
 */
export function resolveTraceIdOptions(options: unknown, where: string, extra: readonly string[] = []): ResolvedTraceIdOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object, got ${describeValue(options)}`);
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key) && !extra.includes(key)) {
      throw new TypeError(`${where}: unknown option "${key}" (known: ${[...OPTION_NAMES, ...extra].join(', ')})`);
    }
  }
  const { header, value, format = 'plain', overwrite = false, presigned = false } = given;
  if (format !== 'plain' && format !== 'w3c') {
    throw new TypeError(`${where}: format must be 'plain' or 'w3c', got ${describeValue(format)}`);
  }
  if (header !== undefined && (typeof header !== 'string' || !isValidHeaderName(header))) {
    throw new TypeError(`${where}: header must be a valid HTTP header name, got ${describeValue(header)}`);
  }
  if (value !== undefined && typeof value !== 'function' && (typeof value !== 'string' || !isValidHeaderValue(value))) {
    throw new TypeError(`${where}: value must be a function or a non-empty string of visible ASCII characters, got ${describeValue(value)}`);
  }
  if (typeof overwrite !== 'boolean') {
    throw new TypeError(`${where}: overwrite must be a boolean, got ${describeValue(overwrite)}`);
  }
  if (typeof presigned !== 'boolean') {
    throw new TypeError(`${where}: presigned must be a boolean, got ${describeValue(presigned)}`);
  }
  return {
    header: header ?? (format === 'w3c' ? 'traceparent' : 'x-trace-id'),
    value: value as TraceIdValue | undefined,
    format,
    overwrite,
    presigned,
  };
}
