import zlib from 'node:zlib';

/** Plain CRC-32 (IEEE, as zlib and S3's `x-amz-checksum-crc32`). */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

// zlib.crc32 exists from node 20.15 / 22.2; older 20.x lines fall back to the table.
const native = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

/** The CRC-32 of `bytes` as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  if (native) return native(bytes) >>> 0;
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
