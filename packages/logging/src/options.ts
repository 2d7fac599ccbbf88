import { describeValue } from '@sdk-events/core/internal';
import { isLogLevel, LOG_LEVELS, type LogLevel } from './levels.js';
import { isLoggerLike, isStructuredLogger, type LoggerLike } from './logger.js';

/** Options of `loggingPlugin` and `createLoggingHandlers`. */
export interface LoggingOptions {
  /** Where lines go: anything with debug/info/warn/error. Default `console`. */
  logger?: LoggerLike;
  /** The minimum level written. Default `'info'`: one line per call, plus failed attempts that were retried. */
  level?: LogLevel;
  /**
   * Write one object per line (`logger.info(obj, msg)`, for pino and bunyan)
   * instead of a text line. Default: detected (pino and bunyan loggers are structured).
   */
  structured?: boolean;
  /** Add the (redacted) request and response headers to attempt lines. Default `false`. */
  headers?: boolean;
  /**
   * Add the input and output to call lines, as the SDK's sensitive-member
   * filters leave them, with bodies, blobs and streams reduced to sizes. Default `false`.
   */
  params?: boolean;
  /** More header names whose values are redacted (any case). */
  redactHeaders?: readonly string[];
  /** More query parameter names whose values are redacted (any case). */
  redactQuery?: readonly string[];
}

/** Options after validation, with defaults. */
export interface ResolvedLoggingOptions {
  logger: LoggerLike;
  level: LogLevel;
  structured: boolean;
  headers: boolean;
  params: boolean;
  redactHeaders: ReadonlySet<string>;
  redactQuery: ReadonlySet<string>;
}

const OPTION_NAMES = ['logger', 'level', 'structured', 'headers', 'params', 'redactHeaders', 'redactQuery'];

/**
 * Checks `options` and fills in defaults.
 *
 * @throws TypeError naming the first bad option.
 */
export function resolveLoggingOptions(options: unknown, where: string): ResolvedLoggingOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object, got ${describeValue(options)}`);
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!OPTION_NAMES.includes(key)) throw new TypeError(`${where}: unknown option "${key}" (known: ${OPTION_NAMES.join(', ')})`);
  }
  const { logger = console, level = 'info', structured, headers = false, params = false } = given;
  if (!isLoggerLike(logger)) {
    throw new TypeError(`${where}: logger must have debug, info, warn and error methods, got ${describeValue(logger)}`);
  }
  if (!isLogLevel(level)) throw new TypeError(`${where}: level must be one of ${LOG_LEVELS.join(', ')}, got ${describeValue(level)}`);
  for (const [name, value] of Object.entries({ structured, headers, params })) {
    if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`${where}: ${name} must be a boolean, got ${describeValue(value)}`);
  }
  return {
    logger,
    level,
    structured: (structured as boolean | undefined) ?? isStructuredLogger(logger),
    headers: headers as boolean,
    params: params as boolean,
    redactHeaders: nameSet(given.redactHeaders, 'redactHeaders', where),
    redactQuery: nameSet(given.redactQuery, 'redactQuery', where),
  };
}

function nameSet(value: unknown, option: string, where: string): ReadonlySet<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string' && name.length > 0)) {
    throw new TypeError(`${where}: ${option} must be an array of non-empty names, got ${describeValue(value)}`);
  }
  return new Set(value.map((name: string) => name.toLowerCase()));
}
