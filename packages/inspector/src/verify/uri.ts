/**
 * URI encoding as SigV4 defines it: every byte except the unreserved characters
 * `A-Z a-z 0-9 - _ . ~` is percent-encoded with upper-case hex.
 */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Percent-decodes `value`, leaving malformed escapes as they are (a client may send anything). */
export function lenientDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
      const code = parseInt(hex, 16);
      return code < 0x80 ? String.fromCharCode(code) : escape;
    });
  }
}

/**
 * The canonical URI of a request path as it arrived on the wire.
 *
 * S3 signs the path exactly as sent (encoded once, not normalized). Every other
 * service signs the normalized path (empty and `.` segments dropped, `..` applied)
 * encoded a second time, with `/` kept: the wire path `/functions/my%3Afn` is
 * canonically `/functions/my%253Afn`. That is what the v3 SDK's signer does with its
 * default `uriEscapePath: true` and botocore with its non-S3 auth classes.
 */
export function canonicalUri(wirePath: string, doubleEncode: boolean): string {
  if (!doubleEncode) return wirePath === '' ? '/' : wirePath;
  const segments: string[] = [];
  for (const segment of wirePath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const leading = wirePath.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && wirePath.endsWith('/') ? '/' : '';
  const normalized = `${leading}${segments.join('/')}${trailing}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

/** One `name=value` pair of a query string, decoded. */
export interface QueryPair {
  name: string;
  value: string;
}

/** Splits a raw query string (without `?`) into decoded pairs, in wire order. */
export function parseQueryPairs(rawQuery: string): QueryPair[] {
  if (rawQuery === '') return [];
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return { name: lenientDecode(name), value: lenientDecode(value) };
    });
}

/**
 * The canonical query string: every pair encoded with {@link escapeUri}, sorted by encoded
 * name then encoded value, joined with `&`. Pairs named in `exclude` (case-insensitive) are left out
 * (`X-Amz-Signature` of a presigned URL).
 */
export function canonicalQuery(pairs: readonly QueryPair[], exclude: readonly string[] = []): string {
  const excluded = new Set(exclude.map((name) => name.toLowerCase()));
  return pairs
    .filter((pair) => !excluded.has(pair.name.toLowerCase()))
    .map((pair) => [escapeUri(pair.name), escapeUri(pair.value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups query pairs into the record's `query` shape: one string, or an array for a repeated name. */
export function queryRecord(pairs: readonly QueryPair[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const { name, value } of pairs) {
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[name] = [existing, value];
  }
  return out;
}
