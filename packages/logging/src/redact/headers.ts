import { REDACTED } from './marker.js';
import type { SecretSet } from './secrets.js';

/**
 * Header names (lowercase) whose values are always redacted: credentials,
 * signatures, session tokens, SSE-C keys, cookies.
 */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-amz-security-token',
  'x-amz-s3session-token',
  'x-amz-server-side-encryption-customer-key',
  'x-amz-copy-source-server-side-encryption-customer-key',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

/** Names that look like they carry a credential, whatever their exact spelling. */
const SECRET_LOOKING_NAME = /token|secret|passw(or)?d|credential|signature|cookie|api-?key|(^|-)auth(orization)?($|-)/i;

/** Whether a header's value must not be logged. `extra` holds further lowercase names. */
export function isSensitiveHeader(name: string, extra?: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADERS.has(lower) || extra?.has(lower) === true || SECRET_LOOKING_NAME.test(lower);
}

/**
 * A copy of `headers` with the value of every sensitive header replaced by
 * `[REDACTED]`. When `secrets` is given, the redacted values are added to it
 * (so they are scrubbed wherever else they show up) and the other values are
 * scrubbed of secrets already known.
 */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined> | undefined,
  options: { extra?: ReadonlySet<string>; secrets?: SecretSet } = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
    if (isSensitiveHeader(name, options.extra)) {
      options.secrets?.addCredentialValue(value);
      out[name] = REDACTED;
    } else {
      out[name] = options.secrets ? options.secrets.scrub(value) : value;
    }
  }
  return out;
}
