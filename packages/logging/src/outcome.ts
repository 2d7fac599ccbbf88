import { headerValue } from './body.js';

/** The response headers that carry the service's request id, in order of preference. */
const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-amz-request-id', 'x-amzn-request-id'];

/** What the log says about how an attempt or a call ended. */
export interface Outcome {
  status: number | undefined;
  requestId: string | undefined;
  /** The error's name (the service's error code for service errors), when it failed. */
  error: string | undefined;
  /** The error's message, when it failed. */
  errorMessage: string | undefined;
}

interface ResponseLike {
  statusCode?: number;
  headers?: Record<string, string>;
}

interface MetadataBearer {
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** The outcome of an attempt or call from what the lifecycle events carry. */
export function outcomeOf(response: unknown, parsed: unknown, exception: unknown): Outcome {
  const res = (typeof response === 'object' && response !== null ? response : {}) as ResponseLike;
  const parsedMeta = (parsed as MetadataBearer | undefined)?.$metadata;
  const errorMeta = (exception as MetadataBearer | undefined)?.$metadata;
  const status = numberOr(res.statusCode, errorMeta?.httpStatusCode, parsedMeta?.httpStatusCode);
  let requestId: string | undefined;
  for (const name of REQUEST_ID_HEADERS) {
    requestId ??= headerValue(res.headers, name);
  }
  requestId ??= stringOr(errorMeta?.requestId, parsedMeta?.requestId);
  const failed = exception !== undefined && exception !== null;
  return {
    status,
    requestId,
    error: failed ? errorName(exception) : undefined,
    errorMessage: failed ? errorMessage(exception) : undefined,
  };
}

/** Whether an outcome is a failure: an error, or an HTTP status of 400 or more. */
export function isFailure(outcome: Outcome): boolean {
  return outcome.error !== undefined || (outcome.status !== undefined && outcome.status >= 400);
}

function errorName(exception: unknown): string {
  if (exception instanceof Error) return exception.name || exception.constructor.name || 'Error';
  if (typeof exception === 'object' && exception !== null) {
    const candidate = (exception as { name?: unknown; code?: unknown }).name ?? (exception as { code?: unknown }).code;
    if (typeof candidate === 'string' && candidate.length > 0) return candidate;
  }
  return typeof exception === 'string' ? 'Error' : typeof exception;
}

function errorMessage(exception: unknown): string | undefined {
  const message = exception instanceof Error ? exception.message : typeof exception === 'string' ? exception : (exception as { message?: unknown })?.message;
  return typeof message === 'string' && message.length > 0 ? message : undefined;
}

/** The longest error message written; longer ones are cut, after they were scrubbed of secrets. */
const MESSAGE_LIMIT = 300;

/**
 * `record` with its `errorMessage` cut to 300 characters. Call it only on a
 * scrubbed record: cutting first could split a secret so that the part
 * written no longer matches it.
 */
export function cutErrorMessage<R extends { errorMessage?: string }>(record: R): R {
  const message = record.errorMessage;
  if (message === undefined || message.length <= MESSAGE_LIMIT) return record;
  return { ...record, errorMessage: `${message.slice(0, MESSAGE_LIMIT)}…` };
}

function numberOr(...candidates: unknown[]): number | undefined {
  return candidates.find((c): c is number => typeof c === 'number' && Number.isFinite(c));
}

function stringOr(...candidates: unknown[]): string | undefined {
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
}
