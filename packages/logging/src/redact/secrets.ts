import { REDACTED, SDK_SENSITIVE_STRING } from './marker.js';
import { isSecretMemberName } from './secret-names.js';

/** Secrets shorter than this are only redacted where a whole value equals them, never inside other text. */
const MIN_SUBSTRING_LENGTH = 4;

/**
 * The secret strings seen during one call (sensitive member values, redacted
 * header and query values), and `scrub`, which removes them from any text
 * about to be logged: a secret copied somewhere unexpected (an error
 * message, a path, another header) is still never written.
 */
export class SecretSet {
  readonly #exact = new Set<string>();
  #longestFirst: string[] = [];

  /** Whether no secret is known. */
  get size(): number {
    return this.#exact.size;
  }

  /**
   * Adds a secret, with the forms it takes on the wire: URI-encoded (paths,
   * queries) and base64 (headers such as the SSE-C key).
   */
  add(value: string): void {
    if (value.length === 0 || value === SDK_SENSITIVE_STRING || value === REDACTED) return;
    this.#put(value);
    this.#put(encodeURIComponent(value));
    this.#put(encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
    this.#put(Buffer.from(value, 'utf8').toString('base64'));
  }

  /** Adds secret bytes: their base64 form and, when they are text, the text. */
  addBytes(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) return;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#put(buffer.toString('base64'));
    const text = buffer.toString('utf8');
    if (!text.includes('\uFFFD')) this.add(text);
  }

  /**
   * Adds the value of a credential-bearing header or query parameter, and
   * the parts of it that are secret on their own (the `Credential=` and
   * `Signature=` of an `Authorization` header, the access key of an
   * `X-Amz-Credential`).
   */
  addCredentialValue(value: string): void {
    this.add(value);
    for (const match of value.matchAll(/(?:Credential|Signature)=([^,\s]+)/g)) this.#addCredentialPart(match[1]!);
    this.#addCredentialPart(value);
  }

  #addCredentialPart(part: string): void {
    this.add(part);
    let decoded = part;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      // not URI-encoded
    }
    this.add(decoded);
    // `AKID/20250101/us-east-1/s3/aws4_request`: the access key id is the identifying part.
    const slash = decoded.indexOf('/');
    if (slash > 0) this.add(decoded.slice(0, slash));
  }

  /** `text` with every known secret replaced by `[REDACTED]`. */
  scrub(text: string): string {
    if (text.length === 0) return text;
    if (this.#exact.has(text)) return REDACTED;
    let out = text;
    for (const secret of this.#longestFirst) {
      if (secret.length < MIN_SUBSTRING_LENGTH) break;
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return redactSecretAssignments(out);
  }

  /** Adds a value redacted only where a whole logged value equals it (numbers: `7` inside other text is no leak). */
  addWholeValue(value: string): void {
    if (value.length > 0) this.#exact.add(value);
  }

  #put(value: string): void {
    if (value.length === 0 || this.#longestFirst.includes(value)) return;
    this.#exact.add(value);
    this.#longestFirst.push(value);
    this.#longestFirst.sort((a, b) => b.length - a.length);
  }
}

/**
 * Walks a value and the SDK's filtered copy of it (`inputFilterSensitiveLog`
 * / `outputFilterSensitiveLog`) side by side and adds every value the filter
 * replaced with `***SensitiveInformation***` to `secrets`: strings, numbers
 * and bytes anywhere below a sensitive member.
 */
export function collectSensitiveValues(original: unknown, filtered: unknown, secrets: SecretSet, depth = 0): void {
  // The filters copy what they change: a value they handed back as it was hides nothing.
  if (original === null || original === undefined || original === filtered || depth > 32) return;
  if (filtered === SDK_SENSITIVE_STRING) {
    if (original !== SDK_SENSITIVE_STRING) addLeaves(original, secrets, 0);
    return;
  }
  if (typeof filtered !== 'object' || filtered === null || !isPlainData(original)) return;
  if (Array.isArray(original)) {
    if (!Array.isArray(filtered)) return;
    original.forEach((item, index) => collectSensitiveValues(item, filtered[index], secrets, depth + 1));
    return;
  }
  const filteredObject = filtered as Record<string, unknown>;
  for (const [key, value] of Object.entries(original as Record<string, unknown>)) {
    collectSensitiveValues(value, filteredObject[key], secrets, depth + 1);
  }
}

/** Arrays and plain objects: what a structure, list or map member of an input or output is (streams and sockets are not walked). */
function isPlainData(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function addLeaves(value: unknown, secrets: SecretSet, depth: number): void {
  if (value === null || value === undefined || depth > 32) return;
  if (typeof value === 'string') secrets.add(value);
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    // A lone `true` or `7` cannot be searched for inside text without false hits.
    secrets.addWholeValue(String(value));
  } else if (value instanceof Date) secrets.add(value.toISOString());
  else if (ArrayBuffer.isView(value)) secrets.addBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  else if (Array.isArray(value)) value.forEach((item) => addLeaves(item, secrets, depth + 1));
  else if (isPlainData(value)) Object.values(value).forEach((item) => addLeaves(item, secrets, depth + 1));
}

/**
 * Adds the values of members that are secrets by name (`isSecretMemberName`:
 * `SessionToken`, `SecretString`, `Password`, …) anywhere in `value`, whether
 * or not the service model marks them sensitive.
 */
export function collectSecretMembers(value: unknown, secrets: SecretSet, depth = 0): void {
  if (depth > 32 || !isPlainData(value)) return;
  if (Array.isArray(value)) {
    value.forEach((item) => collectSecretMembers(item, secrets, depth + 1));
    return;
  }
  for (const [key, member] of Object.entries(value)) {
    if (isSecretMemberName(key)) addLeaves(member, secrets, 0);
    else collectSecretMembers(member, secrets, depth + 1);
  }
}

/**
 * `name: value`, `"name":"value"` or `name=value` in free text (a JSON body
 * quoted in an error message, a query string); a quoted value may be cut
 * short, with no closing quote.
 */
const ASSIGNMENT = /(\\?["']?)([A-Za-z][\w-]*)\1(\s*[:=]\s*)(\\?"(?:[^"\\]|\\[^"])*(?:\\?"|$)|'[^']*(?:'|$)|[^\s,;&}\]"']+)/g;

/** `text` with the value of every secret-by-name member it spells out replaced by `[REDACTED]`. */
export function redactSecretAssignments(text: string): string {
  return text.replace(ASSIGNMENT, (whole, quote: string, name: string, separator: string, value: string) => {
    if (!isSecretMemberName(name) || value.includes(REDACTED)) return whole;
    const open = value.startsWith('\\"') ? '\\"' : value[0] === '"' || value[0] === "'" ? value[0] : '';
    const close = open && value.length > open.length && value.endsWith(open) ? open : '';
    return `${quote}${name}${quote}${separator}${open}${REDACTED}${close}`;
  });
}
