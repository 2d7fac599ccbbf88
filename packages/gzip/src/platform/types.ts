/** What `node.ts` and `web.ts` share: the shape of a digest. */

/** A digest of bytes (synchronous where the platform computes it so). */
export type DigestFunction = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;
