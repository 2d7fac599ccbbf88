import { createHash, randomUUID } from 'node:crypto';
import type { InspectedRequest } from '../types.js';
import { emptyReply, xmlEscape, xmlReply, xmlUnescape, type Reply } from './reply.js';
import type { MultipartUpload, S3Store, StoredObject, UploadedPart } from './s3-store.js';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
/** S3's smallest part, but for the last one. */
const MIN_PART_BYTES = 5 * 1024 * 1024;

/** How S3 answers an error: status, code, message. */
export type S3Error = (status: number, code: string, message: string) => Reply;

/** CreateMultipartUpload: a new upload id; content type, encoding and metadata kept for the object. */
export function createMultipartUpload(record: InspectedRequest, bucket: string, key: string, store: S3Store, metadata: Record<string, string>): Reply {
  const uploadId = randomUUID();
  const contentType = record.headers['content-type'];
  const contentEncoding = record.headers['content-encoding'];
  store.uploads.set(uploadId, {
    bucket,
    key,
    metadata,
    parts: new Map(),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(contentEncoding !== undefined ? { contentEncoding } : {}),
  });
  return xmlReply(
    200,
    `<InitiateMultipartUploadResult xmlns="${NS}"><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
  );
}

/** UploadPart: keeps the part (a part number sent again replaces it) and answers its ETag and the checksums that matched. */
export function uploadPart(record: InspectedRequest, bucket: string, key: string, store: S3Store, error: S3Error): Reply {
  const found = uploadOf(record, bucket, key, store, error);
  if ('status' in found) return found;
  const partNumber = Number(param(record, 'partNumber'));
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000) {
    return error(400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive');
  }
  const md5 = createHash('md5').update(record.payload).digest();
  const etag = `"${md5.toString('hex')}"`;
  found.parts.set(partNumber, { body: record.payload, etag, md5 });
  const checksums: Record<string, string> = {};
  for (const check of record.checksums) if (check.valid && check.name.startsWith('x-amz-checksum-')) checksums[check.name] = check.expected;
  return emptyReply(200, { etag, ...checksums });
}

/**
 * CompleteMultipartUpload: the parts listed, in ascending order, with the
 * ETags they were uploaded with, become the object; its ETag is S3's for a
 * multipart object: the MD5 of the parts' binary MD5s, then `-` and the
 * number of parts.
 */
export function completeMultipartUpload(record: InspectedRequest, bucket: string, key: string, store: S3Store, error: S3Error): Reply {
  const found = uploadOf(record, bucket, key, store, error);
  if ('status' in found) return found;
  const listed = [...record.decodedBody.toString('utf8').matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map((match) => ({
    partNumber: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(match[1]!)?.[1]),
    etag: xmlUnescape(/<ETag>([\s\S]*?)<\/ETag>/.exec(match[1]!)?.[1] ?? ''),
  }));
  if (listed.length === 0) return error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  if (listed.some(({ partNumber }, i) => i > 0 && partNumber <= listed[i - 1]!.partNumber)) {
    return error(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.');
  }
  const parts: UploadedPart[] = [];
  for (const [i, { partNumber, etag }] of listed.entries()) {
    const part = found.parts.get(partNumber);
    if (!part || unquote(part.etag) !== unquote(etag)) {
      return error(400, 'InvalidPart', `One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag (part ${partNumber}).`);
    }
    if (i < listed.length - 1 && part.body.length < MIN_PART_BYTES) {
      return error(400, 'EntityTooSmall', `Your proposed upload is smaller than the minimum allowed size (part ${partNumber} is ${part.body.length} bytes; every part but the last must be at least ${MIN_PART_BYTES})`);
    }
    parts.push(part);
  }
  const etag = `"${createHash('md5').update(Buffer.concat(parts.map((part) => part.md5))).digest('hex')}-${parts.length}"`;
  const object: StoredObject = {
    bucket: found.bucket,
    key: found.key,
    body: Buffer.concat(parts.map((part) => part.body)),
    etag,
    metadata: found.metadata,
    checksums: {},
    lastModified: new Date(),
    ...(found.contentType !== undefined ? { contentType: found.contentType } : {}),
    ...(found.contentEncoding !== undefined ? { contentEncoding: found.contentEncoding } : {}),
  };
  store.put(object);
  store.uploads.delete(param(record, 'uploadId')!);
  return xmlReply(
    200,
    `<CompleteMultipartUploadResult xmlns="${NS}"><Location>/${xmlEscape(found.bucket)}/${xmlEscape(found.key)}</Location><Bucket>${xmlEscape(found.bucket)}</Bucket><Key>${xmlEscape(found.key)}</Key><ETag>${xmlEscape(etag)}</ETag></CompleteMultipartUploadResult>`,
  );
}

/** AbortMultipartUpload: the upload and its parts are forgotten. */
export function abortMultipartUpload(record: InspectedRequest, bucket: string, key: string, store: S3Store, error: S3Error): Reply {
  const found = uploadOf(record, bucket, key, store, error);
  if ('status' in found) return found;
  store.uploads.delete(param(record, 'uploadId')!);
  return emptyReply(204);
}

/** The upload of `bucket`/`key` the request's `uploadId` names, or S3's NoSuchUpload. */
function uploadOf(record: InspectedRequest, bucket: string, key: string, store: S3Store, error: S3Error): MultipartUpload | Reply {
  const upload = store.uploads.get(param(record, 'uploadId') ?? '');
  if (upload && upload.bucket === bucket && upload.key === key) return upload;
  return error(404, 'NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');
}

function param(record: InspectedRequest, name: string): string | undefined {
  const value = record.query[name];
  return Array.isArray(value) ? value[0] : value;
}

const unquote = (etag: string) => etag.replace(/^"|"$/g, '');
