import type { CallContext, LifecycleEventMap } from '@sdk-events/core';
import type { HttpRequest } from '@smithy/protocol-http';
import { bodySize, headerValue } from './body.js';
import { callState, elapsed, type CallLogState } from './call-state.js';
import { LogSink } from './logger.js';
import { cutErrorMessage, isFailure, outcomeOf } from './outcome.js';
import { resolveLoggingOptions, type LoggingOptions, type ResolvedLoggingOptions } from './options.js';
import type { AttemptRecord, CallRecord, LogRecord } from './records.js';
import { redactHeaders } from './redact/headers.js';
import { redactQuery } from './redact/query.js';
import { collectSecretMembers, collectSensitiveValues, type SecretSet } from './redact/secrets.js';
import { summarizeValue } from './summarize.js';

type Payload<T extends keyof LifecycleEventMap> = LifecycleEventMap[T];

/** What `params: true` logs when the client has no sensitive-member filter: nothing is logged unfiltered. */
const UNAVAILABLE = '<unavailable: the client has no sensitive-member filter>';

/** The handlers the logging plugin registers, by lifecycle event type. */
export interface LoggingHandlers {
  /** Starts the call's clock. */
  'before-parameter-build': (payload: Payload<'before-parameter-build'>) => void;
  /** Learns the input's sensitive values (and keeps the filtered input for `params`). */
  'before-call': (payload: Payload<'before-call'>) => void;
  /** Records the signed request of an attempt, as it goes on the wire. */
  'before-send': (payload: Payload<'before-send'>) => void;
  /** Completes the attempt with its status; logs it (or holds a failure until it is known whether a retry follows). */
  'response-received': (payload: Payload<'response-received'>) => void;
  /** Completes the attempt if `response-received` did not; counts attempts. */
  'needs-retry': (payload: Payload<'needs-retry'>) => void;
  /** Logs the call line of a successful call. */
  'after-call': (payload: Payload<'after-call'>) => void;
  /** Logs the call line of a failed call. */
  'after-call-error': (payload: Payload<'after-call-error'>) => void;
}

/**
 * The handlers `loggingPlugin` is made of, to register yourself, e.g. on a
 * narrower name:
 *
 * ```ts
 * for (const [type, handler] of Object.entries(createLoggingHandlers({ level: 'debug' }))) {
 *   events.register(`${type}.s3`, handler);
 * }
 * ```
 *
 * All of them must be registered (on names covering the same calls) for
 * the lines to be complete. Per-call state lives in the call's `context`.
 *
 * @throws TypeError naming the bad option.
 */
export function createLoggingHandlers(options?: LoggingOptions): LoggingHandlers {
  return handlersFor(resolveLoggingOptions(options, 'createLoggingHandlers'));
}

/** The handlers for already-validated options. */
export function handlersFor(options: ResolvedLoggingOptions): LoggingHandlers {
  const sink = new LogSink(options.logger, options.level, options.structured);
  const key = Symbol('@sdk-events/logging call');
  const state = (payload: { eventName: string; context?: CallContext }) => callState(payload.context, key, payload.eventName);

  const write = (level: Parameters<LogSink['write']>[0], record: LogRecord, secrets: SecretSet) => {
    // Scrub, then cut: a secret is only recognised whole.
    if (sink.enabled(level)) sink.write(level, cutErrorMessage(scrubRecord(record, secrets)));
  };

  /** Logs a held failed attempt: `warn` when another attempt followed, else `debug` (the call line reports it). */
  const flushFailed = (call: CallLogState, retried: boolean) => {
    const failed = call.failed;
    if (!failed) return;
    call.failed = undefined;
    if (!retried) return write('debug', failed, call.secrets);
    const { requestHeaders, responseHeaders, ...rest } = failed;
    write('warn', definedOnly({ ...rest, retrying: true, requestHeaders, responseHeaders }), call.secrets);
  };

  const startAttempt = (call: CallLogState, request: HttpRequest | undefined) => {
    // An attempt whose answer we never saw (a handler before ours threw, the connection broke) ends here.
    if (call.open) completeAttempt(call, undefined, undefined, undefined, undefined);
    flushFailed(call, true);
    call.attempts += 1;
    const record: AttemptRecord = { kind: 'attempt', service: call.service, operation: call.operation, attempt: call.attempts };
    const requestHeaders = request ? describeRequest(record, request, call.secrets, options) : undefined;
    call.open = { record, sentAt: performance.now(), requestHeaders: options.headers ? requestHeaders : undefined };
  };

  const completeAttempt = (
    call: CallLogState,
    context: CallContext | undefined,
    response: { statusCode?: number; headers?: Record<string, string> } | undefined,
    parsed: Record<string, any> | undefined,
    exception: unknown,
  ) => {
    if (!call.open) startAttempt(call, undefined);
    const { record, sentAt, requestHeaders } = call.open!;
    call.open = undefined;
    if (parsed && context) learnSecrets(parsed, context.outputFilterSensitiveLog, call.secrets);
    const outcome = outcomeOf(response, parsed, exception);
    call.last = outcome;
    Object.assign(record, definedOnly({ ...outcome }), { durationMs: elapsed(sentAt) });
    // Redacted even when not logged: the values it hides become secrets scrubbed from every line.
    const responseHeaders = response?.headers ? redactHeaders(response.headers, { extra: options.redactHeaders, secrets: call.secrets }) : undefined;
    if (requestHeaders) record.requestHeaders = requestHeaders;
    if (options.headers && responseHeaders) record.responseHeaders = responseHeaders;
    if (isFailure(outcome)) call.failed = record;
    else write('debug', record, call.secrets);
  };

  const finishCall = (
    call: CallLogState,
    context: CallContext | undefined,
    end: { parsed?: Record<string, any>; exception?: unknown; response?: { statusCode?: number; headers?: Record<string, string> } },
  ) => {
    if (call.open) completeAttempt(call, context, end.response, end.parsed, end.exception);
    flushFailed(call, false);
    const failed = end.exception !== undefined && end.exception !== null;
    const outcome = outcomeOf(failed ? undefined : end.response, end.parsed, end.exception);
    const record: CallRecord = {
      kind: 'call',
      service: call.service,
      operation: call.operation,
      outcome: failed ? 'error' : 'success',
      status: outcome.status ?? call.last?.status,
      attempts: call.attempts,
      durationMs: elapsed(call.startedAt),
      requestId: outcome.requestId ?? call.last?.requestId,
      error: outcome.error,
      errorMessage: outcome.errorMessage,
    };
    if (end.parsed && context) learnSecrets(end.parsed, context.outputFilterSensitiveLog, call.secrets);
    if (options.params) {
      record.input = call.input ?? UNAVAILABLE;
      if (!failed) {
        const { $metadata: _metadata, ...output } = end.parsed ?? {};
        const filtered = filterWith(context?.outputFilterSensitiveLog, output);
        record.output = filtered === undefined ? UNAVAILABLE : summarizeValue(filtered, call.secrets);
      }
    }
    write(failed ? 'error' : 'info', definedOnly(record), call.secrets);
  };

  return {
    // Learned this early so that an error thrown before `before-call` cannot carry them out.
    'before-parameter-build': (payload) => void learnSecrets(payload.params, payload.context?.inputFilterSensitiveLog, state(payload).secrets),
    'before-call': (payload) => {
      const call = state(payload);
      const filtered = learnSecrets(payload.params, payload.context?.inputFilterSensitiveLog, call.secrets);
      call.body = payload.request?.body;
      if (options.params && filtered !== undefined) call.input = summarizeValue(filtered, call.secrets, call.body);
    },
    'before-send': (payload) => startAttempt(state(payload), payload.request),
    'response-received': (payload) => {
      completeAttempt(state(payload), payload.context, payload.response, payload.parsed, payload.exception);
    },
    'needs-retry': (payload) => {
      const call = state(payload);
      if (call.open) completeAttempt(call, payload.context, payload.response, payload.parsed, payload.exception);
      if (typeof payload.attempts === 'number' && payload.attempts > call.attempts) call.attempts = payload.attempts;
    },
    'after-call': (payload) => finishCall(state(payload), payload.context, { parsed: payload.parsed, response: payload.response }),
    'after-call-error': (payload) => finishCall(state(payload), payload.context, { exception: payload.exception }),
  };
}

/** Fills an attempt record from the signed request, learning the secrets in its headers and query; returns the redacted headers. */
function describeRequest(record: AttemptRecord, request: HttpRequest, secrets: SecretSet, options: ResolvedLoggingOptions): Record<string, string> {
  // Redact headers and query first: their secrets must be known before anything else is scrubbed.
  const headers = redactHeaders(request.headers, { extra: options.redactHeaders, secrets });
  const query = redactQuery(request.query, { extra: options.redactQuery, secrets });
  const size = bodySize(request.body, request.headers);
  record.method = request.method;
  record.host = request.port ? `${request.hostname}:${request.port}` : request.hostname;
  record.path = request.path;
  if (Object.keys(query).length > 0) record.query = query;
  if (size.bytes !== undefined) record.bodyBytes = size.bytes;
  if (size.streaming) record.bodyStreaming = true;
  const encoding = headerValue(request.headers, 'content-encoding');
  if (encoding) record.contentEncoding = encoding;
  return headers;
}

/** Runs the SDK's sensitive-member filter; `undefined` when there is none or it fails. */
function filterWith(filter: unknown, value: unknown): unknown {
  if (typeof filter !== 'function') return undefined;
  try {
    return filter(value);
  } catch {
    return undefined;
  }
}

/** Adds the values the SDK's filter hides in `value` to `secrets`; returns the filtered value (`undefined`: no filter). */
function learnSecrets(value: unknown, filter: unknown, secrets: SecretSet): unknown {
  collectSecretMembers(value, secrets);
  const filtered = filterWith(filter, value);
  if (filtered !== undefined) collectSensitiveValues(value, filtered, secrets);
  return filtered;
}

/** A copy of `record` with every string scrubbed of the call's secrets (the last line of defence). */
export function scrubRecord<R extends LogRecord>(record: R, secrets: SecretSet): R {
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return secrets.scrub(value);
    if (typeof value !== 'object' || value === null || depth > 16) return value;
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [secrets.scrub(k), scrub(v, depth + 1)]));
  };
  return scrub(record, 0) as R;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
