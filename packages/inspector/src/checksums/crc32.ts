import zlib from 'node:zlib';

/** The lookup table of a reflected CRC-32 whose (reversed) polynomial is `polynomial`. */
export function reflectedCrc32Table(polynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? polynomial ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** A reflected CRC-32 of `bytes` by `table` (initial value and final XOR 0xFFFFFFFF), unsigned. */
export function reflectedCrc32(table: Uint32Array, bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Plain CRC-32 (IEEE, as zlib and S3's `x-amz-checksum-crc32`). */
const TABLE = reflectedCrc32Table(0xedb88320);

// zlib.crc32 exists from node 20.15 / 22.2; older 20.x lines fall back to the table.
const native = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

/** The CRC-32 of `bytes` as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  if (native) return native(bytes) >>> 0;
  return reflectedCrc32(TABLE, bytes);
}
