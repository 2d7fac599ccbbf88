/**
 * Case-insensitive access to a request's header object. The SDK's headers
 * are a plain object whose keys may be lowercase or SDK-cased
 * (`Content-Length`); a key whose value is `undefined` counts as absent.
 */

/** A request's headers as the SDK keeps them (values may be missing on odd requests). */
export type HeaderMap = Record<string, string | undefined>;

/** The keys of `headers` that name `name` (any case) and hold a value, in insertion order. */
export function headerKeys(headers: HeaderMap, name: string): string[] {
  const wanted = name.toLowerCase();
  return Object.keys(headers).filter((key) => key.toLowerCase() === wanted && headers[key] !== undefined);
}

/** The value of header `name` (any case); several keys of one name are joined with `, `. */
export function getHeader(headers: HeaderMap, name: string): string | undefined {
  const keys = headerKeys(headers, name);
  if (keys.length === 0) return undefined;
  return keys.map((key) => String(headers[key])).join(', ');
}

/** Whether header `name` (any case) is present with a value. */
export function hasHeader(headers: HeaderMap, name: string): boolean {
  return headerKeys(headers, name).length > 0;
}

/**
 * Sets header `name` to `value`, keeping the key it already has (any case).
 * Other keys of the same name in another case are removed, so exactly one
 * value goes on the wire. A header not there yet is added in lowercase.
 */
export function setHeader(headers: HeaderMap, name: string, value: string): void {
  const [first, ...others] = headerKeys(headers, name);
  for (const key of others) delete headers[key];
  headers[first ?? name.toLowerCase()] = value;
}

/** The tokens of a comma-separated header value, trimmed and lowercased (`'br, GZIP'` → `['br', 'gzip']`). */
export function headerTokens(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token.length > 0);
}
