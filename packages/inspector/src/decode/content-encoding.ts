import buffer from 'node:buffer';
import zlib from 'node:zlib';

/** The result of undoing content-encoding layers. */
export interface ContentDecoding {
  /** The bytes after every layer that could be undone. */
  body: Buffer;
  /** gzip layers undone. */
  gzipLayers: number;
  /** gzip layers found that `content-encoding` did not declare (counted in `gzipLayers` too). */
  undeclaredGzipLayers: number;
  /** Readable descriptions of layers that could not be undone. */
  problems: string[];
  /** Set when a layer decodes to more than the limit: decoding stopped there (`body` is that layer's input). */
  tooLarge?: string;
}

/** Splits a `content-encoding` header into its lowercase codings, in the order they were applied. */
export function parseContentEncoding(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '');
}

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

/** Whether `bytes` start like a gzip member. */
export function looksGzipped(bytes: Uint8Array): boolean {
  return bytes.length >= 18 && GZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * Undoes the content-encoding layers of `payload` in reverse order of `codings`
 * (`aws-chunked` and `identity` are skipped: aws-chunked framing is removed before this).
 * With `detectUndeclaredGzip`, a result that is still gzip is decoded further and reported:
 * for JSON, query and CBOR bodies, gzip the header does not declare is a bug.
 * No layer decodes to more than `maxDecodedBytes`: zlib stops there (a gzip bomb costs at most
 * that much memory and the time to inflate that much), and `tooLarge` says so.
 */
export function undoContentEncoding(payload: Buffer, codings: readonly string[], detectUndeclaredGzip: boolean, maxDecodedBytes = Infinity): ContentDecoding {
  const bounded = { maxOutputLength: Math.min(maxDecodedBytes, buffer.kMaxLength) };
  let body = payload;
  let gzipLayers = 0;
  let undeclaredGzipLayers = 0;
  const problems: string[] = [];
  const layers = codings.filter((coding) => coding !== 'aws-chunked' && coding !== 'identity');
  for (let i = layers.length - 1; i >= 0; i--) {
    const coding = layers[i]!;
    const position = `content-encoding layer ${layers.length - i} of ${layers.length} (${coding})`;
    try {
      if (coding === 'gzip' || coding === 'x-gzip') {
        body = zlib.gunzipSync(body, bounded);
        gzipLayers++;
      } else if (coding === 'deflate') {
        body = inflateEither(body, bounded);
      } else if (coding === 'br') {
        body = zlib.brotliDecompressSync(body, bounded);
      } else {
        problems.push(`${position}: the inspector cannot decode '${coding}'`);
        return { body, gzipLayers, undeclaredGzipLayers, problems };
      }
    } catch (error) {
      if (isTooLarge(error)) {
        const tooLarge = `${position} decodes to more than ${maxDecodedBytes} bytes (maxDecodedBytes): not decoded further`;
        return { body, gzipLayers, undeclaredGzipLayers, problems: [...problems, tooLarge], tooLarge };
      }
      problems.push(`${position} does not decode: ${(error as Error).message}`);
      return { body, gzipLayers, undeclaredGzipLayers, problems };
    }
  }
  if (detectUndeclaredGzip) {
    while (looksGzipped(body) && undeclaredGzipLayers < 8) {
      let inner: Buffer;
      try {
        inner = zlib.gunzipSync(body, bounded);
      } catch (error) {
        if (isTooLarge(error)) {
          const tooLarge = `an undeclared gzip layer decodes to more than ${maxDecodedBytes} bytes (maxDecodedBytes): not decoded further`;
          return { body, gzipLayers, undeclaredGzipLayers, problems: [...problems, tooLarge], tooLarge };
        }
        break;
      }
      body = inner;
      gzipLayers++;
      undeclaredGzipLayers++;
    }
    if (undeclaredGzipLayers > 0) {
      problems.push(
        `the body is gzipped ${undeclaredGzipLayers} more time(s) than content-encoding declares (${gzipLayers - undeclaredGzipLayers} declared, ${gzipLayers} found)`,
      );
    }
  }
  return { body, gzipLayers, undeclaredGzipLayers, problems };
}

function inflateEither(body: Buffer, options: zlib.ZlibOptions): Buffer {
  try {
    return zlib.inflateSync(body, options);
  } catch (error) {
    if (isTooLarge(error)) throw error;
    return zlib.inflateRawSync(body, options);
  }
}

/** zlib's error when the output would pass `maxOutputLength`. */
function isTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}
