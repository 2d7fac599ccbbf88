/**
 * The CRCs S3's flexible checksums use, over bytes, as big-endian digests:
 * CRC-32 (ISO-HDLC, zlib's), CRC-32C (Castagnoli) and CRC-64/NVME. Node has
 * none but CRC-32 built in (zlib.crc32, from 20.15), browsers none at all,
 * so they are table-driven here.
 */
import { nativeCrc32 } from '#platform';

/** Builds the 256-entry table of a reflected 32-bit CRC. */
function crc32Table(reflectedPolynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ reflectedPolynomial : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

function reflected32(table: Uint32Array, bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const CRC32_TABLE = crc32Table(0xedb88320);
const CRC32C_TABLE = crc32Table(0x82f63b78);

function be32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}

/** CRC-32 (the one in zlib and gzip) of `bytes`, as 4 big-endian bytes. */
export function crc32(bytes: Uint8Array): Uint8Array {
  return be32(nativeCrc32 ? nativeCrc32(bytes) : reflected32(CRC32_TABLE, bytes));
}

/** CRC-32C (Castagnoli) of `bytes`, as 4 big-endian bytes. */
export function crc32c(bytes: Uint8Array): Uint8Array {
  return be32(reflected32(CRC32C_TABLE, bytes));
}

// CRC-64/NVME: poly 0xad93d23594c93659, reflected in and out, init and xorout all ones
// (check value of "123456789": 0xae8b14860a799888). The 64-bit table is kept as two
// 32-bit halves so the inner loop stays in fast integer arithmetic.
const CRC64_NVME_REFLECTED = 0x9a6c9329ac4bc9b5n; // bit-reversal of 0xad93d23594c93659
const CRC64_HI = new Uint32Array(256);
const CRC64_LO = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = BigInt(n);
  for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ CRC64_NVME_REFLECTED : c >> 1n;
  CRC64_HI[n] = Number(c >> 32n);
  CRC64_LO[n] = Number(c & 0xffffffffn);
}

/** CRC-64/NVME of `bytes`, as 8 big-endian bytes. */
export function crc64nvme(bytes: Uint8Array): Uint8Array {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    const index = (lo ^ bytes[i]!) & 0xff;
    // (crc >> 8) ^ table[index], on the two halves
    const shiftedLo = ((lo >>> 8) | (hi << 24)) >>> 0;
    const shiftedHi = hi >>> 8;
    lo = (shiftedLo ^ CRC64_LO[index]!) >>> 0;
    hi = (shiftedHi ^ CRC64_HI[index]!) >>> 0;
  }
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, (hi ^ 0xffffffff) >>> 0);
  view.setUint32(4, (lo ^ 0xffffffff) >>> 0);
  return out;
}
