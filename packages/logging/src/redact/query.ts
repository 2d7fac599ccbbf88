import { REDACTED } from './marker.js';
import type { SecretSet } from './secrets.js';
import { isSecretQueryParameter } from './secret-names.js';

/** Whether a query parameter's value must not be logged: `isSecretQueryParameter`, or one of `extra` (lowercase names). */
export function isSensitiveQueryParameter(name: string, extra?: ReadonlySet<string>): boolean {
  return isSecretQueryParameter(name) || extra?.has(name.toLowerCase()) === true;
}

/** A request's query as `@smithy/protocol-http` keeps it. */
export type QueryBag = Record<string, string | Array<string | null> | null | undefined>;

/**
 * A copy of `query` with the values of sensitive parameters replaced by
 * `[REDACTED]` (and, with `secrets`, remembered as secrets; other values scrubbed).
 */
export function redactQuery(
  query: QueryBag | undefined,
  options: { extra?: ReadonlySet<string>; secrets?: SecretSet } = {},
): Record<string, string | string[] | null> {
  const out: Record<string, string | string[] | null> = {};
  if (!query) return out;
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    if (raw === null) {
      out[name] = null;
      continue;
    }
    const values = Array.isArray(raw) ? raw.map((v) => v ?? '') : [raw];
    const redacted = values.map((value) => {
      if (isSensitiveQueryParameter(name, options.extra)) {
        options.secrets?.addCredentialValue(value);
        return REDACTED;
      }
      return options.secrets ? options.secrets.scrub(value) : value;
    });
    out[name] = Array.isArray(raw) ? redacted : redacted[0]!;
  }
  return out;
}

/**
 * Redacts sensitive parameters inside a URL or a raw query string
 * (`?X-Amz-Signature=…`), leaving the rest as it is. For logging presigned URLs.
 */
export function redactUrl(url: string, extra?: ReadonlySet<string>): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const hashStart = url.indexOf('#', queryStart);
  const end = hashStart < 0 ? url.length : hashStart;
  const pairs = url
    .slice(queryStart + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: judge the name as written
      }
      return eq >= 0 && isSensitiveQueryParameter(name, extra) ? `${rawName}=${REDACTED}` : pair;
    });
  return `${url.slice(0, queryStart + 1)}${pairs.join('&')}${url.slice(end)}`;
}
