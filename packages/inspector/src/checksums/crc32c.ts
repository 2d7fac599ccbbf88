import { reflectedCrc32, reflectedCrc32Table } from './crc32.js';

/** CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as S3's `x-amz-checksum-crc32c` uses. */
const TABLE = reflectedCrc32Table(0x82f63b78);

/** The CRC-32C of `bytes` as an unsigned 32-bit number. */
export function crc32c(bytes: Uint8Array): number {
  return reflectedCrc32(TABLE, bytes);
}
