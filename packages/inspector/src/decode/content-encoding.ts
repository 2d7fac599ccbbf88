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
 */
export function undoContentEncoding(payload: Buffer, codings: readonly string[], detectUndeclaredGzip: boolean): ContentDecoding {
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
        body = zlib.gunzipSync(body);
        gzipLayers++;
      } else if (coding === 'deflate') {
        body = inflateEither(body);
      } else if (coding === 'br') {
        body = zlib.brotliDecompressSync(body);
      } else {
        problems.push(`${position}: the inspector cannot decode '${coding}'`);
        return { body, gzipLayers, undeclaredGzipLayers, problems };
      }
    } catch (error) {
      problems.push(`${position} does not decode: ${(error as Error).message}`);
      return { body, gzipLayers, undeclaredGzipLayers, problems };
    }
  }
  if (detectUndeclaredGzip) {
    while (looksGzipped(body) && undeclaredGzipLayers < 8) {
      let inner: Buffer;
      try {
        inner = zlib.gunzipSync(body);
      } catch {
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

function inflateEither(body: Buffer): Buffer {
  try {
    return zlib.inflateSync(body);
  } catch {
    return zlib.inflateRawSync(body);
  }
}
