import { createHash } from 'node:crypto';
import { crc32 } from './crc32.js';
import { crc32c } from './crc32c.js';
import { crc64nvme } from './crc64nvme.js';

/** The checksum headers the inspector knows how to verify, with how each value is computed (base64). */
export const CHECKSUM_ALGORITHMS: Readonly<Record<string, (bytes: Uint8Array) => string>> = {
  'content-md5': (bytes) => createHash('md5').update(bytes).digest('base64'),
  'x-amz-checksum-crc32': (bytes) => uint32Base64(crc32(bytes)),
  'x-amz-checksum-crc32c': (bytes) => uint32Base64(crc32c(bytes)),
  'x-amz-checksum-crc64nvme': (bytes) => crc64nvme(bytes).toString('base64'),
  'x-amz-checksum-sha1': (bytes) => createHash('sha1').update(bytes).digest('base64'),
  'x-amz-checksum-sha256': (bytes) => createHash('sha256').update(bytes).digest('base64'),
};

/**
 * Computes the base64 value of checksum header `name` (`content-md5`, `x-amz-checksum-crc32`,
 * `-crc32c`, `-crc64nvme`, `-sha1`, `-sha256`) over `bytes`; `undefined` for an unknown name.
 */
export function computeChecksum(name: string, bytes: Uint8Array): string | undefined {
  const algorithm = CHECKSUM_ALGORITHMS[name.toLowerCase()];
  return algorithm ? algorithm(bytes) : undefined;
}

function uint32Base64(value: number): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0, 0);
  return out.toString('base64');
}
