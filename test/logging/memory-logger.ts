import type { LoggerLike, LogLevel } from '@sdk-events/logging';

/** One call on a logger: its level and its arguments. */
export interface LoggedCall {
  level: LogLevel;
  args: unknown[];
}

/** A logger (console-like or SDK-style) that keeps what it is given. */
export function memoryLogger(): LoggerLike & { calls: LoggedCall[]; text(): string } {
  const calls: LoggedCall[] = [];
  const at = (level: LogLevel) => (...args: unknown[]) => void calls.push({ level, args });
  return {
    calls,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    /** Everything logged, as one searchable string (objects as JSON). */
    text: () => calls.map((c) => c.args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')).join('\n'),
  };
}
