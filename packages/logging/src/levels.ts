/**
 * The levels the logging plugin writes at, least to most severe. `trace` is
 * accepted as a minimum (as pino and the SDK's `Logger` have it) and writes
 * what `debug` writes; no line is written at `trace` itself.
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** All levels, least to most severe. */
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/** Whether `value` names a level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Whether a line at `level` passes a `minimum` level. */
export function atLeast(level: LogLevel, minimum: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minimum);
}
