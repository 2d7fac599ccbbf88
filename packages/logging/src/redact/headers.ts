import { REDACTED } from './marker.js';
import type { SecretSet } from './secrets.js';
import { isSecretHeaderName } from './secret-names.js';

/** Whether a header's value must not be logged: `isSecretHeaderName`, or one of `extra` (lowercase names). */
export function isSensitiveHeader(name: string, extra?: ReadonlySet<string>): boolean {
  return isSecretHeaderName(name) || extra?.has(name.toLowerCase()) === true;
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
