import type { Inspection } from '../inspect.js';
import type { ErrorSpec } from './errors.js';

/**
 * The error the real service would answer for a request that fails verification, or `undefined`
 * when it would accept it. Checked in the order AWS front ends do: authentication, then the body.
 */
export function strictRejection({ record, bodyFaults }: Inspection): ErrorSpec | undefined {
  const s3 = record.service === 's3';
  const { signature } = record;
  if (signature.present && !signature.valid) {
    const reason = signature.reason ?? '';
    if (reason.startsWith('no secret for access key id')) {
      return { status: 403, code: s3 ? 'InvalidAccessKeyId' : 'UnrecognizedClientException', message: `The security token included in the request is invalid (${reason})` };
    }
    if (reason.startsWith('the presigned URL expired')) return { status: 403, code: 'AccessDenied', message: `Request has expired (${reason})` };
    if (reason.startsWith('signature mismatch')) {
      return { status: 403, code: record.service === 'lambda' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', message: reason };
    }
    return { status: 400, code: s3 ? 'AuthorizationHeaderMalformed' : 'IncompleteSignature', message: reason };
  }
  if (record.payloadHash.valid === false) {
    return { status: 400, code: 'XAmzContentSHA256Mismatch', message: "The provided 'x-amz-content-sha256' header does not match what was computed." };
  }
  if (signature.chunks?.valid === false) return { status: 403, code: 'SignatureDoesNotMatch', message: signature.chunks.reason };
  if (record.contentLength.valid === false || record.decodedContentLength.valid === false || bodyFaults.framing !== undefined) {
    return { status: 400, code: 'IncompleteBody', message: 'You did not provide the number of bytes specified by the Content-Length HTTP header.' };
  }
  const badChecksum = record.checksums.find((check) => !check.valid);
  if (badChecksum) {
    return badChecksum.name === 'content-md5'
      ? { status: 400, code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' }
      : { status: 400, code: 'BadDigest', message: `The ${badChecksum.name.replace('x-amz-checksum-', '').toUpperCase()} you specified did not match the calculated checksum.` };
  }
  if (bodyFaults.decoding !== undefined && !s3) return { status: 400, code: 'MalformedInput', message: bodyFaults.decoding };
  return undefined;
}
