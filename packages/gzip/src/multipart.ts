/**
 * S3 operations that send one part of a multipart upload. S3 concatenates
 * the parts as they arrived, so gzipped parts would make an object of gzip
 * members stored without `Content-Encoding`: `GetObject` would return bytes
 * the user never uploaded. A part's request cannot tell whether its upload
 * declared `ContentEncoding: gzip`, so gzip never compresses a part: the
 * handler leaves parts alone, and `gzipPlugin` refuses an event that names one.
 */
export const MULTIPART_PART_OPERATIONS: readonly string[] = Object.freeze(['UploadPart', 'UploadPartCopy']);

/** The multipart part operation an event name names (`before-sign.s3.UploadPart`), if any. */
export function namedPartOperation(eventName: string): string | undefined {
  return MULTIPART_PART_OPERATIONS.find((operation) => eventName.split('.').includes(operation));
}
