import { formatLine, messageOf } from './format.js';
import { atLeast, type LogLevel } from './levels.js';
import type { LogRecord } from './records.js';

/**
 * Anything with `debug`, `info`, `warn` and `error` methods: `console`, a
 * pino or bunyan logger, the SDK's `Logger` (`@smithy/types`).
 */
export interface LoggerLike {
  debug(...content: any[]): void;
  info(...content: any[]): void;
  warn(...content: any[]): void;
  error(...content: any[]): void;
}

/** Whether `value` has the four methods of a `LoggerLike`. */
export function isLoggerLike(value: unknown): value is LoggerLike {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['debug', 'info', 'warn', 'error'].every((method) => typeof candidate[method] === 'function');
}

/**
 * Whether `logger` takes structured objects first, as `logger.info(obj, msg)`:
 * pino (it has `bindings()`) and bunyan (it has `fields`), both with `child()`.
 */
export function isStructuredLogger(logger: unknown): boolean {
  if (!isLoggerLike(logger)) return false;
  const candidate = logger as unknown as Record<string, unknown>;
  return typeof candidate.child === 'function' && (typeof candidate.bindings === 'function' || (typeof candidate.fields === 'object' && candidate.fields !== null));
}

/** Writes records to a logger at or above a minimum level, as text lines or structured objects. */
export class LogSink {
  constructor(
    readonly logger: LoggerLike,
    readonly minimum: LogLevel,
    readonly structured: boolean,
  ) {}

  /** Whether a line at `level` would be written. */
  enabled(level: LogLevel): boolean {
    return atLeast(level, this.minimum);
  }

  /** Writes `record` at `level` (every line has a level of `debug` or above) if the level passes: `logger[level](record, message)` or `logger[level](line)`. */
  write(level: Exclude<LogLevel, 'trace'>, record: LogRecord): void {
    if (!this.enabled(level)) return;
    if (this.structured) this.logger[level](record, messageOf(record));
    else this.logger[level](formatLine(record));
  }
}
