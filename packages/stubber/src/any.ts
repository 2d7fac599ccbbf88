/**
 * A value in `expectedParams` that matches whatever the call sends there
 * (botocore's `stub.ANY`), at any depth; the member must be there, as
 * botocore's requires.
 *
 * @example
 * stubber.addResponse('PutObject', {}, { Bucket: 'photos', Key: ANY, Body: ANY });
 */
export const ANY: unique symbol = Symbol.for('@sdk-events/stubber.ANY');

/** Bytes, dates, sets, maps, streams and blobs: matched whole (or by `ANY`), never member by member. */
type Opaque = Uint8Array | Date | Set<unknown> | Map<unknown, unknown> | { pipe(...args: any[]): unknown } | { getReader(...args: any[]): unknown } | { arrayBuffer(): Promise<ArrayBuffer> };

/**
 * Expected parameters for input type `T`: the same shape, where any value
 * (a member, an element, a nested member) may be `ANY` instead.
 */
export type Expected<T> = T extends Opaque
  ? T | typeof ANY
  : T extends readonly (infer E)[]
    ? readonly Expected<E>[] | typeof ANY
    : T extends object
      ? { [K in keyof T]: Expected<T[K]> } | typeof ANY
      : T | typeof ANY;
