/**
 * Checksum headers that cover a request's body bytes, and their
 * recomputation over new bytes. A checksum is only ever recomputed after it
 * was verified against the original bytes: a header that did not match to
 * begin with is not ours to "fix", so such a request is left as it was.
 */
import { base64, DIGESTS as HASHES } from '#platform';
import type { DigestFunction } from './platform/types.js';
import { crc32, crc32c, crc64nvme } from './crc.js';
import type { HeaderMap } from './headers.js';

/** A digest of the body as a header value (synchronous where the platform computes it so). */
type Digest = (bytes: Uint8Array) => string | Promise<string>;

const then = <T, R>(value: T | Promise<T>, map: (value: T) => R): R | Promise<R> =>
  value instanceof Promise ? value.then(map) : map(value);
const encoded = (hash: DigestFunction, encode: (bytes: Uint8Array) => string): Digest => (bytes) => then(hash(bytes), encode);
const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

// The body digest headers this package can recompute on this platform, by lowercase name.
const DIGESTS = new Map<string, Digest>();
if (HASHES.md5) DIGESTS.set('content-md5', encoded(HASHES.md5, base64));
DIGESTS.set('x-amz-checksum-crc32', (bytes) => base64(crc32(bytes)));
DIGESTS.set('x-amz-checksum-crc32c', (bytes) => base64(crc32c(bytes)));
DIGESTS.set('x-amz-checksum-crc64nvme', (bytes) => base64(crc64nvme(bytes)));
if (HASHES.sha1) DIGESTS.set('x-amz-checksum-sha1', encoded(HASHES.sha1, base64));
if (HASHES.sha256) DIGESTS.set('x-amz-checksum-sha256', encoded(HASHES.sha256, base64));

/** The body checksum headers this package recomputes over the compressed bytes (lowercase names; `content-md5` only where the platform has MD5: not in browsers). */
export const RECOMPUTABLE_CHECKSUM_HEADERS: readonly string[] = Object.freeze([...DIGESTS.keys()]);

/** `x-amz-checksum-` headers that name or select an algorithm but carry no digest of the body. */
const NOT_A_DIGEST = new Set(['x-amz-checksum-type', 'x-amz-checksum-algorithm', 'x-amz-checksum-mode']);

/** SigV4's payload hash header: a hex SHA-256 of the body, or a marker such as `UNSIGNED-PAYLOAD`. */
export const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';
/** The payload hash marker that covers no bytes, so stays valid whatever the body becomes. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const hexSha256: Digest = encoded(HASHES.sha256!, hex);

/** One header whose value is a digest of the body. */
interface BodyDigestHeader {
  /** The header key as the request has it (case kept). */
  key: string;
  value: string;
  digest: Digest;
}

/** The result of looking at a request's body checksums before changing its body. */
export type ChecksumPlan =
  | {
      ok: true;
      /** The value of every body digest header over `bytes`, under the key the request has. */
      recompute(bytes: Uint8Array): Promise<HeaderMap>;
    }
  | { ok: false; reason: 'checksum-unknown' | 'checksum-mismatch' | 'payload-hash-unknown' };

/**
 * Whether any of `digestKeys` (from `scanHeaders`) covers the body bytes:
 * `content-md5`, an `x-amz-checksum-<algorithm>` digest (known or not), or
 * a payload hash that is not `UNSIGNED-PAYLOAD`.
 */
export function hasBodyDigestHeader(headers: HeaderMap, digestKeys: readonly string[]): boolean {
  for (const key of digestKeys) {
    const name = key.toLowerCase();
    if (name === PAYLOAD_HASH_HEADER ? String(headers[key]).trim() !== UNSIGNED_PAYLOAD : !NOT_A_DIGEST.has(name)) return true;
  }
  return false;
}

const NOTHING_TO_RECOMPUTE: ChecksumPlan = { ok: true, recompute: async () => ({}) };

/**
 * Looks at every body digest header of a request with an in-memory body
 * (`digestKeys`, from `scanHeaders`), checks each against `original` and,
 * when all match, offers to recompute them over the new bytes. Refuses
 * (`ok: false`) when a header names an algorithm this package cannot
 * compute, when a header does not match the original bytes, or when the
 * payload hash is a marker other than `UNSIGNED-PAYLOAD` (the `STREAMING-…`
 * ones belong to aws-chunked bodies).
 */
export async function planChecksums(headers: HeaderMap, digestKeys: readonly string[], original: Uint8Array): Promise<ChecksumPlan> {
  if (digestKeys.length === 0) return NOTHING_TO_RECOMPUTE;
  const digests: BodyDigestHeader[] = [];
  for (const key of digestKeys) {
    const value = String(headers[key]).trim();
    const name = key.toLowerCase();
    if (name === PAYLOAD_HASH_HEADER) {
      if (value === UNSIGNED_PAYLOAD) continue;
      if (!HEX_SHA256.test(value)) return { ok: false, reason: 'payload-hash-unknown' };
      digests.push({ key, value: value.toLowerCase(), digest: hexSha256 });
      continue;
    }
    const digest = DIGESTS.get(name);
    if (digest) digests.push({ key, value, digest });
    else if (name === 'content-md5' || (name.startsWith('x-amz-checksum-') && !NOT_A_DIGEST.has(name))) {
      return { ok: false, reason: 'checksum-unknown' };
    }
  }
  for (const header of digests) {
    if ((await header.digest(original)) !== header.value) return { ok: false, reason: 'checksum-mismatch' };
  }
  return {
    ok: true,
    recompute: async (bytes) => {
      const values: HeaderMap = {};
      for (const header of digests) values[header.key] = await header.digest(bytes);
      return values;
    },
  };
}

