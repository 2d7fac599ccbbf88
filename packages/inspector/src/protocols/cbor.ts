/**
 * A small CBOR (RFC 8949) reader and writer: enough to read what the rpcv2Cbor protocol sends
 * (maps, arrays, text, bytes, numbers, tags, simple values, indefinite lengths) and to write
 * maps of strings for responses.
 */

/** A decoded CBOR value. Tags are dropped (a timestamp tag yields its number). */
export type CborValue = null | undefined | boolean | number | bigint | string | Uint8Array | CborValue[] | { [key: string]: CborValue };

const BREAK = Symbol('break');

/** Decodes one CBOR data item that fills `bytes`; throws a readable error on malformed input. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;

  const need = (count: number) => {
    if (pos + count > bytes.length) throw new Error(`CBOR ends early at byte ${pos}`);
  };
  const readLength = (info: number): number | bigint | undefined => {
    if (info < 24) return info;
    if (info === 24) return need(1), bytes[pos++]!;
    if (info === 25) return need(2), (pos += 2), view.getUint16(pos - 2);
    if (info === 26) return need(4), (pos += 4), view.getUint32(pos - 4);
    if (info === 27) {
      need(8);
      const big = view.getBigUint64(pos);
      pos += 8;
      return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    if (info === 31) return undefined;
    throw new Error(`CBOR: reserved additional info ${info} at byte ${pos - 1}`);
  };
  const asCount = (length: number | bigint): number => {
    if (typeof length === 'bigint') throw new Error('CBOR: length too large');
    return length;
  };

  const item = (): CborValue | typeof BREAK => {
    need(1);
    const initial = bytes[pos++]!;
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (initial === 0xff) return BREAK;
    switch (major) {
      case 0: {
        const value = readLength(info);
        if (value === undefined) throw new Error('CBOR: indefinite integer');
        return value;
      }
      case 1: {
        const value = readLength(info);
        if (value === undefined) throw new Error('CBOR: indefinite integer');
        return typeof value === 'bigint' ? -1n - value : -1 - value;
      }
      case 2:
      case 3: {
        const length = readLength(info);
        let data: Uint8Array;
        if (length === undefined) {
          const parts: Uint8Array[] = [];
          for (;;) {
            const part = item();
            if (part === BREAK) break;
            parts.push(typeof part === 'string' ? Buffer.from(part, 'utf8') : (part as Uint8Array));
          }
          data = Buffer.concat(parts);
        } else {
          const count = asCount(length);
          need(count);
          data = bytes.subarray(pos, pos + count);
          pos += count;
        }
        return major === 3 ? Buffer.from(data).toString('utf8') : data;
      }
      case 4: {
        const length = readLength(info);
        const out: CborValue[] = [];
        if (length === undefined) {
          for (let value = item(); value !== BREAK; value = item()) out.push(value);
        } else {
          for (let i = 0; i < asCount(length); i++) out.push(definite(item()));
        }
        return out;
      }
      case 5: {
        const length = readLength(info);
        const out: { [key: string]: CborValue } = {};
        const entry = (key: CborValue) => {
          out[String(key)] = definite(item());
        };
        if (length === undefined) {
          for (let key = item(); key !== BREAK; key = item()) entry(key);
        } else {
          for (let i = 0; i < asCount(length); i++) entry(definite(item()));
        }
        return out;
      }
      case 6:
        readLength(info);
        return definite(item());
      default: {
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        if (info === 25) return need(2), (pos += 2), halfFloat(view.getUint16(pos - 2));
        if (info === 26) return need(4), (pos += 4), view.getFloat32(pos - 4);
        if (info === 27) return need(8), (pos += 8), view.getFloat64(pos - 8);
        if (info < 24) return info;
        if (info === 24) return need(1), bytes[pos++]!;
        throw new Error(`CBOR: unexpected simple value ${info}`);
      }
    }
  };
  const definite = (value: CborValue | typeof BREAK): CborValue => {
    if (value === BREAK) throw new Error(`CBOR: unexpected break at byte ${pos - 1}`);
    return value;
  };

  const value = definite(item());
  if (pos !== bytes.length) throw new Error(`CBOR: ${bytes.length - pos} bytes after the data item`);
  return value;
}

function halfFloat(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Encodes a flat map of text keys to text values (what error and empty responses need). */
export function encodeCborTextMap(entries: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const keys = Object.keys(entries);
  parts.push(head(5, keys.length));
  for (const key of keys) {
    parts.push(text(key), text(entries[key]!));
  }
  return Buffer.concat(parts);
}

function text(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([head(3, bytes.length), bytes]);
}

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) {
    const out = Buffer.alloc(3);
    out[0] = (major << 5) | 25;
    out.writeUInt16BE(length, 1);
    return out;
  }
  const out = Buffer.alloc(5);
  out[0] = (major << 5) | 26;
  out.writeUInt32BE(length, 1);
  return out;
}
