/** An object the inspector's in-memory S3 holds. */
export interface StoredObject {
  bucket: string;
  key: string;
  /** The bytes as S3 would store them: aws-chunked framing removed, content-encoding kept. */
  body: Buffer;
  /** S3's ETag: the quoted MD5 hex of `body`; for a multipart upload, the MD5 of the parts' MD5s and `-` the number of parts. */
  etag: string;
  contentType?: string;
  /** `content-encoding` without `aws-chunked`. */
  contentEncoding?: string;
  /** `x-amz-meta-*` headers, names lowercase without the prefix. */
  metadata: Record<string, string>;
  /** Checksums sent with the upload that matched, by header name (`x-amz-checksum-crc32`). */
  checksums: Record<string, string>;
  lastModified: Date;
}

/** One part as uploaded: its bytes (content-encoding kept) and quoted MD5 ETag. */
export interface UploadedPart {
  body: Buffer;
  etag: string;
  md5: Buffer;
}

/** A multipart upload in progress: what CreateMultipartUpload declared, and its parts by number. */
export interface MultipartUpload {
  bucket: string;
  key: string;
  contentType?: string;
  contentEncoding?: string;
  metadata: Record<string, string>;
  parts: Map<number, UploadedPart>;
}

/** The inspector's in-memory S3: buckets, objects and multipart uploads in progress, path-style addressed. */
export class S3Store {
  private readonly buckets = new Set<string>();
  private readonly objects = new Map<string, StoredObject>();
  /** Multipart uploads in progress, by upload id. */
  readonly uploads = new Map<string, MultipartUpload>();

  /** Whether the bucket exists (created, or written to). */
  hasBucket(bucket: string): boolean {
    return this.buckets.has(bucket);
  }

  /** Creates a bucket (no-op when it exists). */
  createBucket(bucket: string): void {
    this.buckets.add(bucket);
  }

  /** Deletes an empty bucket; `false` when it still holds objects. */
  deleteBucket(bucket: string): boolean {
    if (this.list(bucket).length > 0) return false;
    this.buckets.delete(bucket);
    return true;
  }

  /** Bucket names, sorted. */
  bucketNames(): string[] {
    return [...this.buckets].sort();
  }

  /** Stores an object (creating its bucket: the inspector does not insist on CreateBucket). */
  put(object: StoredObject): void {
    this.buckets.add(object.bucket);
    this.objects.set(keyOf(object.bucket, object.key), object);
  }

  /** The object at `bucket`/`key`. */
  get(bucket: string, key: string): StoredObject | undefined {
    return this.objects.get(keyOf(bucket, key));
  }

  /** Deletes the object; `true` when it existed. */
  delete(bucket: string, key: string): boolean {
    return this.objects.delete(keyOf(bucket, key));
  }

  /** The bucket's objects whose key starts with `prefix`, sorted by key. */
  list(bucket: string, prefix = ''): StoredObject[] {
    return [...this.objects.values()]
      .filter((object) => object.bucket === bucket && object.key.startsWith(prefix))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

function keyOf(bucket: string, key: string): string {
  return `${bucket}\u0000${key}`;
}
