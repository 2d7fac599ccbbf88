/**
 * A request's headers, read in one pass. The SDK's headers are a plain
 * object whose keys may be lowercase or SDK-cased (`Content-Length`), and a
 * key whose value is `undefined` counts as absent.
 *
 * One pass rather than a lookup per question: each key is lowercased once,
 * and this is the one place that knows how the SDK spells header names.
 */

/** A request's headers as the SDK keeps them (values may be missing on odd requests). */
export type HeaderMap = Record<string, string | undefined>;

/** The headers this package reads or rewrites, by lowercase name. */
export type WatchedHeader =
  | 'authorization'
  | 'content-encoding'
  | 'content-length'
  | 'transfer-encoding'
  | 'x-amz-decoded-content-length'
  | 'x-amz-trailer';

/** What one pass over a request's headers found. */
export interface HeaderScan {
  /** The keys of each watched header present, as the request spells them, in insertion order (usually one). */
  readonly keys: Partial<Record<WatchedHeader, string[]>>;
  /** The keys of the headers that may cover the body bytes: `content-md5`, `x-amz-checksum-*`, `x-amz-content-sha256`. */
  readonly digestKeys: string[];
}

function isWatched(name: string): name is WatchedHeader {
  switch (name) {
    case 'authorization':
    case 'content-encoding':
    case 'content-length':
    case 'transfer-encoding':
    case 'x-amz-decoded-content-length':
    case 'x-amz-trailer':
      return true;
    default:
      return false;
  }
}

function mayCoverBody(name: string): boolean {
  return name === 'content-md5' || name === 'x-amz-content-sha256' || name.startsWith('x-amz-checksum-');
}

/** Reads `headers` once: where each watched header is, and which headers may cover the body. */
export function scanHeaders(headers: HeaderMap): HeaderScan {
  const keys: Partial<Record<WatchedHeader, string[]>> = {};
  const digestKeys: string[] = [];
  for (const key of Object.keys(headers)) {
    if (headers[key] === undefined) continue;
    const name = key.toLowerCase();
    if (isWatched(name)) (keys[name] ??= []).push(key);
    else if (mayCoverBody(name)) digestKeys.push(key);
  }
  return { keys, digestKeys };
}

/** The value under `keys` (from a scan); several keys of one name are joined with `, `. */
export function headerValue(headers: HeaderMap, keys: readonly string[] | undefined): string | undefined {
  if (keys === undefined) return undefined;
  return keys.length === 1 ? String(headers[keys[0]!]) : keys.map((key) => String(headers[key])).join(', ');
}

/**
 * Sets header `name` to `value` where the scan found it (`keys`), keeping
 * the first key's case and deleting the others, so exactly one value goes
 * on the wire. A header not there yet is added in lowercase.
 */
export function setHeader(headers: HeaderMap, keys: readonly string[] | undefined, name: WatchedHeader, value: string): void {
  if (keys === undefined) {
    headers[name] = value;
    return;
  }
  for (let i = 1; i < keys.length; i++) delete headers[keys[i]!];
  headers[keys[0]!] = value;
}

/** The tokens of a comma-separated header value, trimmed and lowercased (`'br, GZIP'` → `['br', 'gzip']`). */
export function headerTokens(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token.length > 0);
}
