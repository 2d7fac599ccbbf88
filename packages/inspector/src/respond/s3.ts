import { createHash } from 'node:crypto';
import type { Detection } from '../protocols/detect.js';
import type { InspectedRequest } from '../types.js';
import { errorReply } from './errors.js';
import { emptyReply, xmlEscape, xmlReply, xmlUnescape, type Reply } from './reply.js';
import { abortMultipartUpload, completeMultipartUpload, createMultipartUpload, uploadPart } from './s3-multipart.js';
import type { S3Store, StoredObject } from './s3-store.js';
import { lenientDecode } from '../verify/uri.js';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const OBJECT_OPERATIONS = new Set([
  'PutObject',
  'GetObject',
  'HeadObject',
  'DeleteObject',
  'CopyObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
]);

/**
 * A reply for S3 from the in-memory store: PutObject, GetObject (with simple ranges), HeadObject,
 * CopyObject, DeleteObject, DeleteObjects, CreateBucket, HeadBucket, DeleteBucket, ListBuckets, ListObjects(V2),
 * and multipart uploads (CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload).
 * Other operations answer 501 NotImplemented.
 */
export function s3Reply(record: InspectedRequest, detection: Detection, store: S3Store): Reply {
  const { bucket, key } = detection;
  const error = (status: number, code: string, message: string) =>
    errorReply({ status, code, message }, { service: 's3', protocol: 'restXml', method: record.method, requestId: record.requestId, queryMode: false });
  const noSuchBucket = () => error(404, 'NoSuchBucket', 'The specified bucket does not exist');
  if (record.operation !== 'ListBuckets' && bucket === undefined) return error(400, 'InvalidBucketName', 'The request names no bucket (the inspector serves path-style and <bucket>.localhost addressing)');
  if (OBJECT_OPERATIONS.has(record.operation ?? '') && key === undefined) return error(400, 'InvalidRequest', `${record.operation} needs an object key`);

  switch (record.operation) {
    case 'ListBuckets':
      return xmlReply(
        200,
        `<ListAllMyBucketsResult xmlns="${NS}"><Owner><ID>inspector</ID><DisplayName>inspector</DisplayName></Owner><Buckets>${store
          .bucketNames()
          .map((name) => `<Bucket><Name>${xmlEscape(name)}</Name><CreationDate>${new Date(0).toISOString()}</CreationDate></Bucket>`)
          .join('')}</Buckets></ListAllMyBucketsResult>`,
      );
    case 'CreateBucket':
      store.createBucket(bucket!);
      return emptyReply(200, { location: `/${bucket}` });
    case 'HeadBucket':
      return store.hasBucket(bucket!) ? emptyReply(200, { 'x-amz-bucket-region': 'us-east-1' }) : emptyReply(404);
    case 'DeleteBucket':
      if (!store.hasBucket(bucket!)) return noSuchBucket();
      return store.deleteBucket(bucket!) ? emptyReply(204) : error(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty');
    case 'ListObjects':
    case 'ListObjectsV2':
      return store.hasBucket(bucket!) ? listReply(record, bucket!, store) : noSuchBucket();
    case 'PutObject':
      return putObject(record, bucket!, key!, store);
    case 'GetObject':
    case 'HeadObject': {
      const object = store.get(bucket!, key!);
      if (!object) {
        if (record.operation === 'HeadObject') return emptyReply(404);
        return store.hasBucket(bucket!) ? error(404, 'NoSuchKey', 'The specified key does not exist.') : noSuchBucket();
      }
      return getObject(record, object);
    }
    case 'CopyObject':
      return copyObject(record, bucket!, key!, store, error);
    case 'DeleteObject':
      store.delete(bucket!, key!);
      return emptyReply(204);
    case 'CreateMultipartUpload':
      return createMultipartUpload(record, bucket!, key!, store, metadataOf(record));
    case 'UploadPart':
      return uploadPart(record, bucket!, key!, store, error);
    case 'CompleteMultipartUpload':
      return completeMultipartUpload(record, bucket!, key!, store, error);
    case 'AbortMultipartUpload':
      return abortMultipartUpload(record, bucket!, key!, store, error);
    case 'DeleteObjects': {
      const keys = [...record.decodedBody.toString('utf8').matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((match) => xmlUnescape(match[1]!));
      for (const name of keys) store.delete(bucket!, name);
      return xmlReply(200, `<DeleteResult xmlns="${NS}">${keys.map((name) => `<Deleted><Key>${xmlEscape(name)}</Key></Deleted>`).join('')}</DeleteResult>`);
    }
    default:
      return error(501, 'NotImplemented', `the sdk-events inspector does not implement S3 ${record.operation ?? `${record.method} ${record.path}`}`);
  }
}

function putObject(record: InspectedRequest, bucket: string, key: string, store: S3Store): Reply {
  const body = record.payload;
  const etag = `"${createHash('md5').update(body).digest('hex')}"`;
  const checksums: Record<string, string> = {};
  for (const check of record.checksums) if (check.valid && check.name.startsWith('x-amz-checksum-')) checksums[check.name] = check.expected;
  const metadata = metadataOf(record);
  const contentEncoding = record.contentEncoding.filter((coding) => coding !== 'aws-chunked').join(',');
  const contentType = record.headers['content-type'];
  const object: StoredObject = {
    bucket,
    key,
    body,
    etag,
    metadata,
    checksums,
    lastModified: new Date(),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(contentEncoding !== '' ? { contentEncoding } : {}),
  };
  store.put(object);
  return emptyReply(200, { etag, ...checksums });
}

function copyObject(record: InspectedRequest, bucket: string, key: string, store: S3Store, error: (status: number, code: string, message: string) => Reply): Reply {
  // x-amz-copy-source: "bucket/key" or "/bucket/key", URL-encoded, optionally "?versionId=...".
  const source = lenientDecode((record.headers['x-amz-copy-source'] ?? '').replace(/^\//, '').replace(/\?.*$/, ''));
  const slash = source.indexOf('/');
  const from = slash > 0 ? store.get(source.slice(0, slash), source.slice(slash + 1)) : undefined;
  if (!from) return error(404, 'NoSuchKey', 'The specified key does not exist.');
  const replace = record.headers['x-amz-metadata-directive'] === 'REPLACE';
  const contentType = replace ? record.headers['content-type'] : from.contentType;
  const copy: StoredObject = {
    ...from,
    bucket,
    key,
    lastModified: new Date(),
    metadata: replace ? metadataOf(record) : { ...from.metadata },
    ...(contentType !== undefined ? { contentType } : {}),
  };
  store.put(copy);
  return xmlReply(200, `<CopyObjectResult xmlns="${NS}"><ETag>${xmlEscape(copy.etag)}</ETag><LastModified>${copy.lastModified.toISOString()}</LastModified></CopyObjectResult>`);
}

function metadataOf(record: InspectedRequest): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers)) if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
  return metadata;
}

function getObject(record: InspectedRequest, object: StoredObject): Reply {
  const headers: Record<string, string> = {
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    'content-type': object.contentType ?? 'binary/octet-stream',
  };
  if (object.contentEncoding) headers['content-encoding'] = object.contentEncoding;
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;

  const range = parseRange(record.headers['range'], object.body.length);
  if (range === 'unsatisfiable') {
    return errorReply(
      { status: 416, code: 'InvalidRange', message: 'The requested range is not satisfiable' },
      { service: 's3', protocol: 'restXml', method: record.method, requestId: record.requestId, queryMode: false },
    );
  }
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${object.body.length}`;
    const body = object.body.subarray(range.start, range.end + 1);
    return { status: 206, headers, body: record.method === 'HEAD' ? Buffer.alloc(0) : body };
  }
  // Full-object checksums come back when the client asks (the SDK then validates them).
  if ((record.headers['x-amz-checksum-mode'] ?? '').toUpperCase() === 'ENABLED') {
    Object.assign(headers, object.checksums);
    if (Object.keys(object.checksums).length > 0) headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  if (record.method === 'HEAD') return { status: 200, headers: { ...headers, 'content-length': String(object.body.length) }, body: Buffer.alloc(0) };
  return { status: 200, headers, body: object.body };
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function listReply(record: InspectedRequest, bucket: string, store: S3Store): Reply {
  const param = (name: string) => {
    const value = record.query[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const prefix = param('prefix') ?? '';
  const maxKeys = Number(param('max-keys') ?? 1000);
  const all = store.list(bucket, prefix);
  const shown = all.slice(0, Number.isFinite(maxKeys) && maxKeys >= 0 ? maxKeys : 1000);
  const contents = shown
    .map(
      (object) =>
        `<Contents><Key>${xmlEscape(object.key)}</Key><LastModified>${object.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(object.etag)}</ETag><Size>${object.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    )
    .join('');
  const v2 = record.operation === 'ListObjectsV2' ? `<KeyCount>${shown.length}</KeyCount>` : '';
  return xmlReply(
    200,
    `<ListBucketResult xmlns="${NS}"><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix>${v2}<MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${shown.length < all.length}</IsTruncated>${contents}</ListBucketResult>`,
  );
}
