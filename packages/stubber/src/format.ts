import { ANY } from './any.js';

const WIDTH = 80;

/**
 * Parameters as a mismatch message shows them: a JavaScript literal, keys
 * sorted, on one line when it fits, else indented; `ANY` as `ANY`, bytes by length and
 * first bytes, streams by class name. Never throws, whatever it is given.
 */
export function formatValue(value: unknown, indent = ''): string {
  if (value === ANY) return 'ANY';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()})`;
  if (value instanceof Uint8Array) return formatBytes(value);
  if (Array.isArray(value)) return formatEntries('[', ']', value.map((v) => [undefined, v]), indent);
  if (value instanceof Set) return formatEntries('Set {', '}', [...value].map((v) => [undefined, v]), indent);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return `<${proto?.constructor?.name ?? 'object'}>`;
  // Keys sorted, as botocore's pformat sorts them: expected and received line up.
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return formatEntries('{', '}', entries, indent);
}

function formatEntries(open: string, close: string, entries: [string | undefined, unknown][], indent: string): string {
  if (entries.length === 0) return `${open}${close}`;
  const inner = `${indent}  `;
  const parts = entries.map(([key, v]) => (key === undefined ? '' : `${formatKey(key)}: `) + formatValue(v, inner));
  const oneLine = `${open} ${parts.join(', ')} ${close}`;
  if (oneLine.length + indent.length <= WIDTH && !oneLine.includes('\n')) return oneLine;
  return `${open}\n${parts.map((p) => `${inner}${p}`).join(',\n')}\n${indent}${close}`;
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

/** A string literal in single quotes, as Node's inspect and botocore's pformat write them. */
function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function formatBytes(bytes: Uint8Array): string {
  const shown = Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `Uint8Array(${bytes.byteLength}) <${shown}${bytes.byteLength > 16 ? ' …' : ''}>`;
}
