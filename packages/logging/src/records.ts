/** One line per attempt: what went on the wire and what came back. */
export interface AttemptRecord {
  kind: 'attempt';
  /** The hyphenized service id, e.g. `lambda`. */
  service: string;
  /** The operation, e.g. `Invoke`. */
  operation: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  method?: string;
  /** `hostname[:port]`. */
  host?: string;
  /** The request path, with any secret in it redacted. */
  path?: string;
  /** The query, sensitive parameters redacted; absent when empty. */
  query?: Record<string, string | string[] | null>;
  /** The body's size as sent (bytes), when known. */
  bodyBytes?: number;
  /** Present (true) when the body is a stream. */
  bodyStreaming?: true;
  /** The `content-encoding` header as sent, e.g. `gzip`. */
  contentEncoding?: string;
  status?: number;
  requestId?: string;
  /** The error's name (the service's error code), when the attempt failed. */
  error?: string;
  errorMessage?: string;
  /** True when the attempt failed and another attempt followed. */
  retrying?: boolean;
  /** From sending the request to its parsed response. */
  durationMs?: number;
  /** With the `headers` option: the signed request's headers, redacted. */
  requestHeaders?: Record<string, string>;
  /** With the `headers` option: the response's headers, redacted. */
  responseHeaders?: Record<string, string>;
}

/** One line per call: how it ended, how long it took, how many attempts. */
export interface CallRecord {
  kind: 'call';
  service: string;
  operation: string;
  outcome: 'success' | 'error';
  /** The HTTP status of the last response, when there was one. */
  status?: number;
  /** The number of attempts sent (0 when a `before-call` handler answered). */
  attempts: number;
  /** From the start of the call (parameter building) to its end. */
  durationMs: number;
  requestId?: string;
  error?: string;
  errorMessage?: string;
  /** With the `params` option: the input after the SDK's sensitive-member filter. */
  input?: unknown;
  /** With the `params` option: the output after the SDK's sensitive-member filter. */
  output?: unknown;
}

/** A line the logging plugin writes. */
export type LogRecord = AttemptRecord | CallRecord;
