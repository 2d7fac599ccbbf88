import type { QueryPair } from '../verify/uri.js';

// Bucket sub-resources: `?tagging` on a bucket is Get/Put/DeleteBucketTagging, and so on.
const BUCKET_SUBRESOURCES: Record<string, string> = {
  acl: 'BucketAcl',
  cors: 'BucketCors',
  encryption: 'BucketEncryption',
  lifecycle: 'BucketLifecycleConfiguration',
  logging: 'BucketLogging',
  notification: 'BucketNotificationConfiguration',
  ownershipControls: 'BucketOwnershipControls',
  policy: 'BucketPolicy',
  publicAccessBlock: 'PublicAccessBlock',
  replication: 'BucketReplication',
  tagging: 'BucketTagging',
  versioning: 'BucketVersioning',
  website: 'BucketWebsite',
};

/**
 * The S3 operation of a REST-XML request: the SDK's `x-id` parameter when present, else
 * method, bucket, key and sub-resource as S3 routes them.
 */
export function detectS3Operation(
  method: string,
  bucket: string | undefined,
  key: string | undefined,
  query: readonly QueryPair[],
  headers: Readonly<Record<string, string>>,
): string | undefined {
  const has = (name: string) => query.some((pair) => pair.name === name);
  const xId = query.find((pair) => pair.name === 'x-id')?.value;
  if (xId) return xId;
  const verb = method.toUpperCase();
  if (bucket === undefined) return verb === 'GET' ? 'ListBuckets' : undefined;
  const prefix: Record<string, string> = { GET: 'Get', PUT: 'Put', DELETE: 'Delete' };

  if (key === undefined) {
    const sub = Object.keys(BUCKET_SUBRESOURCES).find(has);
    if (sub && prefix[verb]) return `${prefix[verb]}${BUCKET_SUBRESOURCES[sub]}`;
    switch (verb) {
      case 'PUT':
        return 'CreateBucket';
      case 'HEAD':
        return 'HeadBucket';
      case 'DELETE':
        return 'DeleteBucket';
      case 'POST':
        return has('delete') ? 'DeleteObjects' : undefined;
      case 'GET':
        if (has('location')) return 'GetBucketLocation';
        if (has('versions')) return 'ListObjectVersions';
        if (has('uploads')) return 'ListMultipartUploads';
        return query.some((pair) => pair.name === 'list-type' && pair.value === '2') ? 'ListObjectsV2' : 'ListObjects';
      default:
        return undefined;
    }
  }

  switch (verb) {
    case 'PUT':
      if (has('uploadId') && has('partNumber')) return headers['x-amz-copy-source'] ? 'UploadPartCopy' : 'UploadPart';
      if (has('tagging')) return 'PutObjectTagging';
      if (has('acl')) return 'PutObjectAcl';
      return headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject';
    case 'GET':
      if (has('uploadId')) return 'ListParts';
      if (has('tagging')) return 'GetObjectTagging';
      if (has('acl')) return 'GetObjectAcl';
      if (has('attributes')) return 'GetObjectAttributes';
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'DELETE':
      if (has('uploadId')) return 'AbortMultipartUpload';
      if (has('tagging')) return 'DeleteObjectTagging';
      return 'DeleteObject';
    case 'POST':
      if (has('uploads')) return 'CreateMultipartUpload';
      if (has('uploadId')) return 'CompleteMultipartUpload';
      if (has('restore')) return 'RestoreObject';
      if (has('select')) return 'SelectObjectContent';
      return undefined;
    default:
      return undefined;
  }
}
