import type { InspectedRequest } from '../types.js';
import { maskAccessKeyId, maskCanonicalRequest, maskHeaders, maskQuery, maskUrl } from './mask.js';

/** Options of {@link formatRecord}. */
export interface FormatOptions {
  /** Show the request headers (masked). Default `true`. */
  headers?: boolean;
  /** Show up to this many bytes of the decoded body when it is text. Default 0 (no body). */
  bodyPreview?: number;
  /** Show the canonical request and string to sign when the signature did not verify. Default `true`. */
  canonicalRequest?: boolean;
}

/** One line per request: number, method, target, operation, status, sizes, signature, metrics, problems. */
export function formatLine(record: InspectedRequest): string {
  const what = [record.service, record.operation ?? '?'].join(' ') + (record.resource !== undefined ? ` (${record.resource})` : '');
  const { wire, decoded } = sizesOf(record);
  const sizes = `${wire} B wire, ${decoded} B decoded${record.gzipLayers > 0 ? `, gzip x${record.gzipLayers}` : ''}`;
  const parts = [`#${record.id} ${record.method} ${maskUrl(record.url)}`, what, `-> ${record.status || 'no answer'}${record.errorCode ? ` ${record.errorCode}` : ''}`, sizes, signatureWord(record)];
  if (record.metricCount !== undefined) parts.push(`${record.metricCount} metrics`);
  parts.push(record.problems.length === 0 ? 'ok' : `${record.problems.length} problem${record.problems.length === 1 ? '' : 's'}`);
  return parts.join(' | ');
}

/** A readable block for one request: everything a person checks when looking at what the SDK sent. */
export function formatRecord(record: InspectedRequest, options: FormatOptions = {}): string {
  const lines: string[] = [];
  const add = (label: string, value: string) => lines.push(`  ${`${label}:`.padEnd(17)}${value}`);
  lines.push(`#${record.id} ${record.method} ${maskUrl(record.url)}  [${record.receivedAt}]`);
  add('operation', `${record.service} ${record.operation ?? '(not recognized)'} (${record.protocol})${record.resource !== undefined ? ` on ${record.resource}` : ''}`);
  add('answered', `${record.status || 'no answer (connection closed)'}${record.errorCode ? ` ${record.errorCode}` : ''}  request id ${record.requestId}`);
  if (options.headers ?? true) {
    lines.push('  headers:');
    for (const [name, value] of Object.entries(maskHeaders(record.headers))) lines.push(`    ${name}: ${value}`);
  }
  const encoding = record.contentEncoding.length > 0 ? record.contentEncoding.join(', ') : 'none';
  const sizes = sizesOf(record);
  add('body', `${sizes.wire} bytes on the wire, ${sizes.payload} payload, ${sizes.decoded} decoded${record.bodiesDropped ? ` (not kept: ${record.bodiesDropped})` : ''}`);
  add('encoding', `content-encoding ${encoding}; gzip layers ${record.gzipLayers}`);
  add('signature', describeSignature(record));
  add('payload hash', describePayloadHash(record));
  add('content-length', describeLength(record.contentLength.header, record.contentLength.valid, record.wireBody.length, 'no header (chunked transfer)'));
  if (record.decodedContentLength.header !== undefined) {
    add('decoded length', describeLength(record.decodedContentLength.header, record.decodedContentLength.valid, record.payload.length, ''));
  }
  add(
    'checksums',
    record.checksums.length === 0
      ? 'none sent'
      : record.checksums
          .map((check) => `${check.name}${check.source === 'trailer' ? ' (trailer)' : ''} ${check.valid ? 'ok' : `MISMATCH: sent ${check.expected}, computed ${check.actual}`}`)
          .join('; '),
  );
  if (record.metricCount !== undefined) add('metrics', String(record.metricCount));
  if (Object.keys(record.query).length > 0) add('query', JSON.stringify(maskQuery(record.query)));
  const preview = options.bodyPreview ?? 0;
  if (preview > 0 && record.decodedBody.length > 0) add('decoded body', previewText(record.decodedBody, preview));
  if (record.problems.length === 0) add('problems', 'none');
  else {
    lines.push('  problems:');
    for (const problem of record.problems) lines.push(`    - ${maskKeyIdIn(problem, record.signature.accessKeyId)}`);
  }
  if ((options.canonicalRequest ?? true) && record.signature.present && !record.signature.valid && record.signature.canonicalRequest) {
    lines.push('  canonical request (as the inspector computed it):');
    for (const line of maskCanonicalRequest(record.signature.canonicalRequest).split('\n')) lines.push(`    | ${line}`);
  }
  return lines.join('\n');
}

/**
 * A JSON-friendly summary of a record: bodies as sizes (and base64-free), headers, query and
 * canonical request masked. What the CLI prints with `--json`.
 */
export function summarizeRecord(record: InspectedRequest): Record<string, unknown> {
  const { wireBody, payload, decodedBody, headers, query, url, signature, ...rest } = record;
  return {
    ...rest,
    url: maskUrl(url),
    problems: record.problems.map((problem) => maskKeyIdIn(problem, signature.accessKeyId)),
    headers: maskHeaders(headers),
    query: maskQuery(query),
    signature: {
      ...signature,
      ...(signature.accessKeyId !== undefined ? { accessKeyId: maskAccessKeyId(signature.accessKeyId) } : {}),
      ...(signature.reason !== undefined ? { reason: maskKeyIdIn(signature.reason, signature.accessKeyId) } : {}),
      ...(signature.canonicalRequest !== undefined ? { canonicalRequest: maskCanonicalRequest(signature.canonicalRequest) } : {}),
    },
    wireBytes: record.bodySizes?.wire ?? wireBody.length,
    payloadBytes: record.bodySizes?.payload ?? payload.length,
    decodedBytes: record.bodySizes?.decoded ?? decodedBody.length,
  };
}

/** The access key id is shown masked everywhere the inspector prints, as in the Authorization header. */
function maskKeyIdIn(text: string, accessKeyId: string | undefined): string {
  return accessKeyId ? text.split(accessKeyId).join(maskAccessKeyId(accessKeyId)) : text;
}

function signatureWord(record: InspectedRequest): string {
  if (!record.signature.present) return 'unsigned';
  return record.signature.valid ? 'signature ok' : 'SIGNATURE INVALID';
}

function describeSignature(record: InspectedRequest): string {
  const sig = record.signature;
  if (!sig.present) return 'not signed';
  const scope = `${sig.algorithm ?? '?'} ${sig.region ?? '?'}/${sig.signingService ?? '?'} (${sig.kind}), ${sig.signedHeaders.length} signed headers`;
  const chunks = sig.chunks ? `; ${sig.chunks.count} chunk signatures ${sig.chunks.valid === true ? 'verified' : sig.chunks.valid === false ? `INVALID: ${sig.chunks.reason}` : `not verified (${sig.chunks.reason})`}` : '';
  return `${sig.valid ? 'verified' : `NOT VERIFIED: ${maskKeyIdIn(sig.reason ?? 'unknown reason', sig.accessKeyId)}`} - ${scope}${chunks}`;
}

function describePayloadHash(record: InspectedRequest): string {
  const hash = record.payloadHash;
  if (hash.header === undefined) return 'no x-amz-content-sha256 header';
  const verdict = hash.valid === true ? 'ok' : hash.valid === false ? 'MISMATCH' : 'not verified';
  return `${hash.kind === 'sha256' ? 'sha256 of the body' : hash.header} ${verdict}`;
}

function describeLength(header: number | undefined, valid: boolean | undefined, actual: number, absent: string): string {
  if (header === undefined) return absent;
  return valid === false ? `${header} MISMATCH (${actual} bytes)` : `${header} ok`;
}

function previewText(body: Buffer, limit: number): string {
  const slice = body.subarray(0, limit);
  const text = slice.toString('utf8');
  // Mostly printable: show it; otherwise hex.
  const printable = /^[\x09\x0a\x0d\x20-\x7e\u00a0-\uffff]*$/.test(text.replace(/\uFFFD/g, ''));
  const shown = printable ? JSON.stringify(text) : `hex ${slice.toString('hex')}`;
  return body.length > limit ? `${shown} ... (${body.length - limit} more bytes)` : shown;
}

/** The sizes of a record's bodies as they arrived, kept when the bodies themselves were dropped. */
function sizesOf(record: InspectedRequest): { wire: number; payload: number; decoded: number } {
  return record.bodySizes ?? { wire: record.wireBody.length, payload: record.payload.length, decoded: record.decodedBody.length };
}
