/** One chunk of an aws-chunked body. */
export interface AwsChunk {
  /** Declared size (the bytes in `data` when the chunk is complete). */
  size: number;
  /** The `chunk-signature` extension, for signed streaming uploads. */
  signature?: string;
  /** The chunk's bytes. */
  data: Buffer;
}

/** An aws-chunked body taken apart. */
export interface AwsChunkedBody {
  /** Data chunks, the final empty one included. */
  chunks: AwsChunk[];
  /** The chunks' data concatenated: the payload. */
  payload: Buffer;
  /** Trailer headers after the final chunk, lowercase names, in order (`x-amz-trailer-signature` excluded). */
  trailers: Array<[string, string]>;
  /** The `x-amz-trailer-signature` trailer, for signed streaming uploads with trailers. */
  trailerSignature?: string;
  /** What is wrong with the framing, if anything; the parts before the fault are kept. */
  error?: string;
}

const CRLF = Buffer.from('\r\n');

/**
 * Takes apart an aws-chunked body: `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n` repeated,
 * a final chunk of size 0, then optional trailer lines `name:value\r\n` and an empty line.
 */
export function parseAwsChunked(body: Buffer): AwsChunkedBody {
  const chunks: AwsChunk[] = [];
  const trailers: Array<[string, string]> = [];
  let trailerSignature: string | undefined;
  let pos = 0;
  const result = (error?: string): AwsChunkedBody => ({
    chunks,
    payload: Buffer.concat(chunks.map((chunk) => chunk.data)),
    trailers,
    ...(trailerSignature !== undefined ? { trailerSignature } : {}),
    ...(error !== undefined ? { error } : {}),
  });

  for (;;) {
    const lineEnd = body.indexOf(CRLF, pos);
    if (lineEnd < 0) return result(`chunk header at byte ${pos} has no CRLF (body ends without the final 0-size chunk)`);
    const line = body.subarray(pos, lineEnd).toString('latin1');
    const [sizeText = '', ...extensions] = line.split(';');
    if (!/^[0-9a-fA-F]+$/.test(sizeText.trim())) return result(`chunk header at byte ${pos} is not a hex size: ${JSON.stringify(line.slice(0, 40))}`);
    const size = parseInt(sizeText.trim(), 16);
    let signature: string | undefined;
    for (const extension of extensions) {
      const [name, value] = extension.split('=');
      if (name?.trim() === 'chunk-signature' && value !== undefined) signature = value.trim();
    }
    const dataStart = lineEnd + 2;
    if (size === 0) {
      chunks.push({ size, ...(signature !== undefined ? { signature } : {}), data: Buffer.alloc(0) });
      pos = dataStart;
      break;
    }
    const dataEnd = dataStart + size;
    if (dataEnd > body.length) {
      chunks.push({ size, ...(signature !== undefined ? { signature } : {}), data: body.subarray(dataStart) });
      return result(`chunk at byte ${pos} declares ${size} bytes but only ${body.length - dataStart} follow`);
    }
    chunks.push({ size, ...(signature !== undefined ? { signature } : {}), data: body.subarray(dataStart, dataEnd) });
    if (!body.subarray(dataEnd, dataEnd + 2).equals(CRLF)) return result(`chunk at byte ${pos} (${size} bytes) is not followed by CRLF`);
    pos = dataEnd + 2;
  }

  // Trailer lines until the empty line.
  for (;;) {
    const lineEnd = body.indexOf(CRLF, pos);
    if (lineEnd < 0) {
      return result(pos >= body.length ? 'body ends without the empty line that closes the trailers' : `trailer at byte ${pos} has no CRLF`);
    }
    if (lineEnd === pos) {
      pos += 2;
      break;
    }
    const line = body.subarray(pos, lineEnd).toString('latin1');
    const colon = line.indexOf(':');
    if (colon <= 0) return result(`trailer at byte ${pos} is not name:value: ${JSON.stringify(line.slice(0, 60))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') trailerSignature = value;
    else trailers.push([name, value]);
    pos = lineEnd + 2;
  }
  if (pos < body.length) return result(`${body.length - pos} bytes follow the end of the aws-chunked body`);
  return result();
}
