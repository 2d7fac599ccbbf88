/**
 * Checksum headers that cover a request's body bytes, and their
 * recomputation over new bytes. A checksum is only ever recomputed after it
 * was verified against the original bytes: a header that did not match to
 * begin with is not ours to "fix", so such a request is left as it was.
 */
import { createHash } from 'node:crypto';
import { crc32, crc32c, crc64nvme } from './crc.js';
import type { HeaderMap } from './headers.js';

type Digest = (bytes: Uint8Array) => string;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const hashBase64 = (algorithm: string): Digest => (bytes) => createHash(algorithm).update(bytes).digest('base64');

// The body digest headers this package can recompute, by lowercase name.
const DIGESTS = new Map<string, Digest>([
  ['content-md5', hashBase64('md5')],
  ['x-amz-checksum-crc32', (bytes) => base64(crc32(bytes))],
  ['x-amz-checksum-crc32c', (bytes) => base64(crc32c(bytes))],
  ['x-amz-checksum-crc64nvme', (bytes) => base64(crc64nvme(bytes))],
  ['x-amz-checksum-sha1', hashBase64('sha1')],
  ['x-amz-checksum-sha256', hashBase64('sha256')],
]);

/** The body checksum headers this package recomputes over the compressed bytes (lowercase names). */
export const RECOMPUTABLE_CHECKSUM_HEADERS: readonly string[] = Object.freeze([...DIGESTS.keys()]);

/** `x-amz-checksum-` headers that name or select an algorithm but carry no digest of the body. */
const NOT_A_DIGEST = new Set(['x-amz-checksum-type', 'x-amz-checksum-algorithm', 'x-amz-checksum-mode']);

/** SigV4's payload hash header: a hex SHA-256 of the body, or a marker such as `UNSIGNED-PAYLOAD`. */
export const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';
/** The payload hash marker that covers no bytes, so stays valid whatever the body becomes. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const hexSha256: Digest = (bytes) => createHash('sha256').update(bytes).digest('hex');

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
      /** Sets every body digest header of `headers` (under the key the request has) to its value over `bytes`. */
      recompute(headers: HeaderMap, bytes: Uint8Array): void;
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

const NOTHING_TO_RECOMPUTE: ChecksumPlan = { ok: true, recompute: () => {} };

/**
 * Looks at every body digest header of a request with an in-memory body
 * (`digestKeys`, from `scanHeaders`), checks each against `original` and,
 * when all match, offers to recompute them over the new bytes. Refuses
 * (`ok: false`) when a header names an algorithm this package cannot
 * compute, when a header does not match the original bytes, or when the
 * payload hash is a marker other than `UNSIGNED-PAYLOAD` (the `STREAMING-…`
 * ones belong to aws-chunked bodies).
 */
export function planChecksums(headers: HeaderMap, digestKeys: readonly string[], original: Uint8Array): ChecksumPlan {
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
    else if (name.startsWith('x-amz-checksum-') && !NOT_A_DIGEST.has(name)) return { ok: false, reason: 'checksum-unknown' };
  }
  for (const header of digests) {
    if (header.digest(original) !== header.value) return { ok: false, reason: 'checksum-mismatch' };
  }
  return {
    ok: true,
    recompute: (target, bytes) => {
      for (const header of digests) target[header.key] = header.digest(bytes);
    },
  };
}

