import type { LogRecord } from './records.js';

/** The message of a record's line: `sdk-events attempt` or `sdk-events call`. */
export function messageOf(record: LogRecord): string {
  return `sdk-events ${record.kind}`;
}

/**
 * A record as one text line: its message, then `key=value` pairs (logfmt)
 * in the record's order. Strings with spaces, quotes, `=` or control
 * characters are JSON-quoted, so a value can never start a new line or
 * fake another key; objects are written as JSON.
 *
 * `sdk-events attempt service=lambda operation=Invoke attempt=1 method=POST host=127.0.0.1:4010 path=/2015-03-31/functions/f/invocations bodyBytes=13 status=200 durationMs=4`
 */
export function formatLine(record: LogRecord): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'kind' || value === undefined) continue;
    pairs.push(`${key}=${formatValue(value)}`);
  }
  return `${messageOf(record)} ${pairs.join(' ')}`;
}

/** A logfmt value. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=\\\x00-\x1f\x7f]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value) ?? 'undefined';
}
