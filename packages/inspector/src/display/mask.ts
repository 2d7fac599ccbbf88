// The names of secrets are @sdk-events/logging's: one list for both packages, so they cannot drift.
import { isSecretHeaderName, isSecretQueryParameter } from '@sdk-events/logging/secret-names';

/** What a masked secret is replaced with. */
export const MASK = '****';

/** Shows the first 4 characters of an access key id, masks the rest. */
export function maskAccessKeyId(accessKeyId: string): string {
  return accessKeyId.length <= 4 ? MASK : `${accessKeyId.slice(0, 4)}${MASK}`;
}

/** Masks a credential `AKID/date/region/service/aws4_request`: the key id; the scope stays readable. */
export function maskCredential(credential: string): string {
  const slash = credential.indexOf('/');
  return slash < 0 ? maskAccessKeyId(credential) : `${maskAccessKeyId(credential.slice(0, slash))}${credential.slice(slash)}`;
}

/**
 * Masks an Authorization header: for SigV4, the access key id of `Credential=` and the whole
 * `Signature=` (the algorithm, scope and `SignedHeaders` stay readable); any other scheme keeps
 * only its name.
 */
export function maskAuthorization(value: string): string {
  const trimmed = value.trim();
  const space = trimmed.indexOf(' ');
  const scheme = space < 0 ? trimmed : trimmed.slice(0, space);
  if (!scheme.startsWith('AWS4-')) return space < 0 ? MASK : `${scheme} ${MASK}`;
  return trimmed
    .replace(/Credential=([^,\s]*)/, (_, credential: string) => `Credential=${maskCredential(credential)}`)
    .replace(/Signature=[^,\s]*/, `Signature=${MASK}`);
}

/**
 * Masks one header value by (any-case) name: every name logging redacts
 * (`isSecretHeaderName`); Authorization keeps its algorithm, scope and
 * signed headers readable. Other headers pass unchanged.
 */
export function maskHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization') return maskAuthorization(value);
  return isSecretHeaderName(lower) ? MASK : value;
}

/** A copy of `headers` with secrets masked: Authorization's signature and key id, session tokens, SSE-C keys, cookies. */
export function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = maskHeader(name, value);
  return out;
}

/**
 * Masks one query parameter value: every name logging redacts
 * (`isSecretQueryParameter`: `X-Amz-Signature`, `X-Amz-Security-Token`,
 * SigV2's `Signature`, …); `X-Amz-Credential` keeps its scope readable.
 */
export function maskQueryValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'x-amz-credential') return maskCredential(value);
  return isSecretQueryParameter(lower) ? MASK : value;
}

/** A copy of a decoded query with presigned-URL secrets masked. */
export function maskQuery(query: Readonly<Record<string, string | string[]>>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    out[name] = Array.isArray(value) ? value.map((item) => maskQueryValue(name, item)) : maskQueryValue(name, value);
  }
  return out;
}

/** A raw request target (`/path?query`) with presigned-URL secrets masked; the rest stays as sent. */
export function maskUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const masked = url
    .slice(question + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      const name = safeDecode(part.slice(0, eq));
      const value = safeDecode(part.slice(eq + 1));
      const replaced = maskQueryValue(name, value);
      return replaced === value ? part : `${part.slice(0, eq)}=${encodeURIComponent(replaced).replace(/%2A/g, '*')}`;
    })
    .join('&');
  return `${url.slice(0, question)}?${masked}`;
}

/** A canonical request with the values of secret headers masked (a signed session token appears in it). */
export function maskCanonicalRequest(canonicalRequest: string): string {
  return canonicalRequest
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      if (colon <= 0) return line;
      const name = line.slice(0, colon);
      return isSecretHeaderName(name) ? `${name}:${MASK}` : line;
    })
    .join('\n')
    .replace(/(^|&|\n)([^=&\n]+)=([^&\n]*)/g, (pair: string, start: string, name: string, value: string) => {
      const masked = maskQueryValue(safeDecode(name), safeDecode(value));
      return masked === safeDecode(value) ? pair : `${start}${name}=${masked}`;
    });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
