import { ANY } from './any.js';

/** Where expected and actual parameters first differ, and how. */
export interface ParamsDifference {
  /** A path such as `MetricData[0].Value`; empty for the top level. */
  path: string;
  expected: unknown;
  actual: unknown;
}

/**
 * Compares a call's parameters with the expected ones: `ANY` matches
 * any value of a member that is present, a member set to `undefined` counts as absent (the SDK sends
 * nothing for it), bytes and dates compare by value. Returns the first
 * difference, or undefined when they match.
 */
export function firstDifference(expected: unknown, actual: unknown, path = ''): ParamsDifference | undefined {
  if (expected === ANY || Object.is(expected, actual)) return undefined;
  const differ = { path, expected, actual };
  if (expected instanceof Uint8Array || actual instanceof Uint8Array) return sameBytes(expected, actual) ? undefined : differ;
  if (expected instanceof Date || actual instanceof Date) return sameTime(expected, actual) ? undefined : differ;
  if (expected instanceof Set || actual instanceof Set) return sameSet(expected, actual) ? undefined : differ;
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual) || expected.length !== actual.length) return differ;
    for (let i = 0; i < expected.length; i++) {
      const found = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(expected) || !isPlainObject(actual)) return differ;
  for (const key of new Set([...definedKeys(expected), ...definedKeys(actual)])) {
    const at = path ? `${path}.${key}` : key;
    // As botocore's: ANY stands for any value of a member that is there, not for a missing one.
    if (expected[key] === ANY && actual[key] === undefined) return { path: at, expected: ANY, actual: undefined };
    const found = firstDifference(expected[key], actual[key], at);
    if (found) return found;
  }
  return undefined;
}

/**
 * `expected` with each `ANY` replaced by what `actual` has there, and
 * `undefined` members dropped from both: what a diff of the two should
 * show is then only what really differs.
 */
export function resolveAny(expected: unknown, actual: unknown): unknown {
  if (expected === ANY) return actual;
  if (Array.isArray(expected)) return expected.map((e, i) => resolveAny(e, Array.isArray(actual) ? actual[i] : undefined));
  if (!isPlainObject(expected)) return expected;
  const source = isPlainObject(actual) ? actual : {};
  return Object.fromEntries(definedKeys(expected).map((key) => [key, resolveAny(expected[key], source[key])]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function definedKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).filter((key) => object[key] !== undefined);
}

function sameBytes(a: unknown, b: unknown): boolean {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.byteLength !== b.byteLength) return false;
  return a.every((byte, i) => byte === b[i]);
}

function sameTime(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
}

function sameSet(a: unknown, b: unknown): boolean {
  return a instanceof Set && b instanceof Set && a.size === b.size && [...a].every((x) => b.has(x));
}
