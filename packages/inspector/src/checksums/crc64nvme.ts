/**
 * CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5, init and xorout all ones),
 * as S3's `x-amz-checksum-crc64nvme` uses. Computed on two 32-bit halves so that no
 * BigInt arithmetic runs per byte.
 */

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
(() => {
  const polyHi = 0x9a6c9329;
  const polyLo = 0xac4bc9b5;
  for (let n = 0; n < 256; n++) {
    let hi = 0;
    let lo = n;
    for (let k = 0; k < 8; k++) {
      const carry = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (carry) {
        hi = (hi ^ polyHi) >>> 0;
        lo = (lo ^ polyLo) >>> 0;
      }
    }
    TABLE_HI[n] = hi;
    TABLE_LO[n] = lo;
  }
})();

/** The CRC-64/NVME of `bytes` as 8 big-endian bytes. */
export function crc64nvme(bytes: Uint8Array): Buffer {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    const index = (lo ^ bytes[i]!) & 0xff;
    // crc = table[index] ^ (crc >>> 8), on the two halves
    const shiftedLo = ((lo >>> 8) | ((hi & 0xff) << 24)) >>> 0;
    const shiftedHi = hi >>> 8;
    hi = (TABLE_HI[index]! ^ shiftedHi) >>> 0;
    lo = (TABLE_LO[index]! ^ shiftedLo) >>> 0;
  }
  const out = Buffer.alloc(8);
  out.writeUInt32BE((hi ^ 0xffffffff) >>> 0, 0);
  out.writeUInt32BE((lo ^ 0xffffffff) >>> 0, 4);
  return out;
}
