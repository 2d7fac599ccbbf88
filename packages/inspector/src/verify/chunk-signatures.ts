import type { AwsChunk } from '../decode/aws-chunked.js';
import { EMPTY_SHA256, hmac, sameSignature, sha256Hex } from './sigv4-crypto.js';

/** What verifying a signed streaming upload needs. */
export interface ChunkChain {
  /** The SigV4 signing key of the request. */
  key: Buffer;
  /** The request's `x-amz-date`. */
  amzDate: string;
  /** The credential scope `date/region/service/aws4_request`. */
  scope: string;
  /** The request's own signature: the first chunk chains from it. */
  seedSignature: string;
}

/** The signature of one chunk of a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` body. */
export function chunkSignature(chain: ChunkChain, previousSignature: string, data: Uint8Array): string {
  const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', chain.amzDate, chain.scope, previousSignature, EMPTY_SHA256, sha256Hex(data)].join('\n');
  return hmac(chain.key, stringToSign).toString('hex');
}

/** The signature of the trailer block of a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER` body. */
export function trailerSignature(chain: ChunkChain, previousSignature: string, trailers: ReadonlyArray<readonly [string, string]>): string {
  const canonicalTrailers = trailers.map(([name, value]) => `${name}:${value}\n`).join('');
  const stringToSign = ['AWS4-HMAC-SHA256-TRAILER', chain.amzDate, chain.scope, previousSignature, sha256Hex(canonicalTrailers)].join('\n');
  return hmac(chain.key, stringToSign).toString('hex');
}

/** Verifies the signature chain of a signed streaming upload: every chunk, then the trailers when expected. */
export function verifyChunkChain(
  chain: ChunkChain,
  chunks: readonly AwsChunk[],
  trailer: { expected: boolean; trailers: ReadonlyArray<readonly [string, string]>; signature: string | undefined },
): { count: number; valid: boolean; reason?: string } {
  let previous = chain.seedSignature;
  for (const [index, chunk] of chunks.entries()) {
    if (chunk.signature === undefined) return { count: chunks.length, valid: false, reason: `chunk ${index + 1} has no chunk-signature` };
    const expected = chunkSignature(chain, previous, chunk.data);
    if (!sameSignature(expected, chunk.signature)) {
      return { count: chunks.length, valid: false, reason: `chunk ${index + 1} (${chunk.data.length} bytes): chunk-signature does not match` };
    }
    previous = expected;
  }
  if (trailer.expected) {
    if (trailer.signature === undefined) return { count: chunks.length, valid: false, reason: 'the trailers have no x-amz-trailer-signature' };
    if (!sameSignature(trailerSignature(chain, previous, trailer.trailers), trailer.signature)) {
      return { count: chunks.length, valid: false, reason: 'x-amz-trailer-signature does not match the trailers' };
    }
  }
  return { count: chunks.length, valid: true };
}
