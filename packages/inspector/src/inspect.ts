import { CHECKSUM_ALGORITHMS } from './checksums/algorithms.js';
import { parseAwsChunked, type AwsChunkedBody } from './decode/aws-chunked.js';
import { parseContentEncoding, undoContentEncoding } from './decode/content-encoding.js';
import { countMetrics } from './protocols/cloudwatch-metrics.js';
import { detect, detectService, type Detection } from './protocols/detect.js';
import type {
  ChecksumCheck,
  ContentLengthCheck,
  DecodedLengthCheck,
  InspectedRequest,
  InspectorCredentials,
  PayloadHashCheck,
  SignatureCheck,
} from './types.js';
import { verifyChunkChain } from './verify/chunk-signatures.js';
import { sha256Hex } from './verify/sigv4-crypto.js';
import { verifySigV4, type SigV4Verification } from './verify/sigv4.js';
import { parseQueryPairs, queryRecord } from './verify/uri.js';

/** A request as it came off the socket, before any interpretation. */
export interface RawRequest {
  /** HTTP method. */
  method: string;
  /** The request target as sent (origin form `/path?query`, or absolute form). */
  url: string;
  /** Header names and values alternating, as node's `IncomingMessage.rawHeaders`. */
  rawHeaders: readonly string[];
  /** The body as it arrived (HTTP chunked transfer-encoding already removed). */
  body: Buffer;
  /** Set when fewer bytes than `content-length` arrived: why the inspector stopped waiting. */
  incomplete?: string;
  /** Set when bytes followed the body that `content-length` declared (at least this many). */
  extraBytes?: number;
}

/** Options of {@link inspectRequest}. */
export interface InspectRequestOptions {
  /** Credentials to verify signatures with. */
  credentials: readonly InspectorCredentials[];
  /** The most a body may decode to (see `InspectorOptions.maxDecodedBytes`); default no limit. */
  maxDecodedBytes?: number;
}

/** A request taken apart and verified, plus what the responders need. */
export interface Inspection {
  /** The record (its `id`, `status`, `requestId` and `receivedAt` are filled in by the server). */
  record: InspectedRequest;
  /** Service, operation and addressing details. */
  detection: Detection;
  /** Body faults a real service would reject outright (for strict mode). */
  bodyFaults: { framing?: string; decoding?: string };
  /** Set when the body decodes to more than `maxDecodedBytes`: why (the server answers 413). */
  tooLarge?: string;
}

const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

/**
 * Takes a raw request apart and verifies everything it can: SigV4 signature, payload hash,
 * content-length, aws-chunked framing and trailers, content-encoding layers, checksums, and for
 * CloudWatch PutMetricData the metric count. Pure: no I/O.
 */
export function inspectRequest(raw: RawRequest, options: InspectRequestOptions): Inspection {
  const { path, rawQuery } = splitTarget(raw.url);
  const { headerValues, headers } = collectHeaders(raw.rawHeaders);
  const query = parseQueryPairs(rawQuery);
  const problems: string[] = [];

  const sig = verifySigV4({ method: raw.method, wirePath: path, query, headerValues, wireBody: raw.body }, options.credentials);
  const detectionInput = { method: raw.method, wirePath: path, query, headers, signingService: sig.check.signingService };
  const likelyService = detectService(detectionInput);

  // aws-chunked framing is the outermost layer, wherever content-encoding lists it.
  const contentEncoding = parseContentEncoding(headers['content-encoding']);
  const declaredHash = headers['x-amz-content-sha256']?.trim();
  const framed = contentEncoding.includes('aws-chunked') || (declaredHash?.startsWith('STREAMING-') ?? false);
  let chunked: AwsChunkedBody | undefined;
  let payload = raw.body;
  if (framed) {
    chunked = parseAwsChunked(raw.body);
    payload = chunked.payload;
    if (chunked.error) problems.push(`malformed aws-chunked body: ${chunked.error}`);
  }
  const decoding = undoContentEncoding(payload, contentEncoding, likelyService === 'cloudwatch' || likelyService === 'lambda', options.maxDecodedBytes);
  problems.push(...decoding.problems);

  const detection = detect(detectionInput, decoding.body);
  const signature = finishSignature(sig, chunked, declaredHash, headers);
  if (signature.present && !signature.valid) problems.push(`signature not verified: ${signature.reason ?? 'unknown reason'}`);
  if (signature.chunks?.valid === false) problems.push(`chunk signatures: ${signature.chunks.reason ?? 'do not verify'}`);

  const payloadHash = checkPayloadHash(declaredHash, raw.body, signature);
  // (A signed streaming body's hash fails through its chunk signatures, reported above.)
  if (payloadHash.valid === false && payloadHash.kind === 'sha256') {
    problems.push(`x-amz-content-sha256 is ${payloadHash.header} but the body on the wire hashes to ${payloadHash.actual}`);
  }
  if (payloadHash.valid === false && payloadHash.kind === 'unknown') {
    problems.push(`x-amz-content-sha256 '${payloadHash.header}' is neither a hex SHA-256 nor a known keyword`);
  }

  const contentLength = checkContentLength(headers, raw, problems);
  const decodedContentLength = checkDecodedLength(headers, framed ? payload.length : undefined, problems);
  const trailers = chunked?.trailers ?? [];
  const checksums = checkChecksums(headers, trailers, payload, problems);
  checkDeclaredTrailers(headers, trailers, problems);

  let metricCount: number | undefined;
  if (detection.service === 'cloudwatch' && detection.operation === 'PutMetricData') {
    const counted = countMetrics(detection.protocol, decoding.body);
    if ('count' in counted) metricCount = counted.count;
    else problems.push(`PutMetricData: ${counted.error}`);
  }

  const record: InspectedRequest = {
    id: 0,
    receivedAt: new Date().toISOString(),
    method: raw.method,
    path,
    url: rawQuery === '' ? path : `${path}?${rawQuery}`,
    query: queryRecord(query),
    headers,
    service: detection.service,
    operation: detection.operation,
    protocol: detection.protocol,
    ...(detection.resource !== undefined ? { resource: detection.resource } : {}),
    wireBody: raw.body,
    payload,
    decodedBody: decoding.body,
    gzipLayers: decoding.gzipLayers,
    contentEncoding,
    trailers: Object.fromEntries(trailers),
    signature,
    payloadHash,
    contentLength,
    decodedContentLength,
    checksums,
    ...(metricCount !== undefined ? { metricCount } : {}),
    status: 0,
    requestId: '',
    problems,
  };
  const bodyFaults: Inspection['bodyFaults'] = {};
  if (chunked?.error) bodyFaults.framing = chunked.error;
  if (decoding.problems.length > 0) bodyFaults.decoding = decoding.problems[0]!;
  return { record, detection, bodyFaults, ...(decoding.tooLarge !== undefined ? { tooLarge: decoding.tooLarge } : {}) };
}

function splitTarget(url: string): { path: string; rawQuery: string } {
  let target = url;
  if (!target.startsWith('/')) {
    // Absolute form (a client using the inspector as a proxy): keep the raw path and query.
    const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(target);
    target = match?.[1] || '/';
  }
  const question = target.indexOf('?');
  return question < 0 ? { path: target, rawQuery: '' } : { path: target.slice(0, question), rawQuery: target.slice(question + 1) };
}

function collectHeaders(rawHeaders: readonly string[]): { headerValues: Map<string, string[]>; headers: Record<string, string> } {
  const headerValues = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const values = headerValues.get(name);
    if (values) values.push(rawHeaders[i + 1]!);
    else headerValues.set(name, [rawHeaders[i + 1]!]);
  }
  const headers: Record<string, string> = {};
  for (const [name, values] of headerValues) headers[name] = values.join(', ');
  return { headerValues, headers };
}

function finishSignature(
  sig: SigV4Verification,
  chunked: AwsChunkedBody | undefined,
  declaredHash: string | undefined,
  headers: Record<string, string>,
): SignatureCheck {
  if (declaredHash !== STREAMING_SIGNED && declaredHash !== STREAMING_SIGNED_TRAILER) return sig.check;
  if (!chunked) return sig.check;
  if (!sig.chain) {
    return { ...sig.check, chunks: { count: chunked.chunks.length, valid: undefined, reason: 'not verified: the request signature did not verify' } };
  }
  const expectsTrailer = declaredHash === STREAMING_SIGNED_TRAILER || headers['x-amz-trailer'] !== undefined;
  const chain = verifyChunkChain(sig.chain, chunked.chunks, {
    expected: expectsTrailer,
    trailers: chunked.trailers,
    signature: chunked.trailerSignature,
  });
  return { ...sig.check, chunks: chain };
}

function checkPayloadHash(declared: string | undefined, wireBody: Buffer, signature: SignatureCheck): PayloadHashCheck {
  const actual = sha256Hex(wireBody);
  if (declared === undefined) return { valid: undefined, actual };
  if (/^[0-9a-f]{64}$/i.test(declared)) return { header: declared, kind: 'sha256', valid: declared.toLowerCase() === actual, actual };
  if (declared === 'UNSIGNED-PAYLOAD') return { header: declared, kind: 'unsigned', valid: true, actual };
  if (declared === STREAMING_UNSIGNED_TRAILER) return { header: declared, kind: 'streaming-unsigned-trailer', valid: true, actual };
  if (declared === STREAMING_SIGNED || declared === STREAMING_SIGNED_TRAILER) {
    return {
      header: declared,
      kind: declared === STREAMING_SIGNED ? 'streaming-signed' : 'streaming-signed-trailer',
      valid: signature.chunks?.valid,
      actual,
    };
  }
  // Other STREAMING-* kinds (SigV4a chunk signing) are legitimate but not verified here.
  if (declared.startsWith('STREAMING-')) return { header: declared, kind: 'streaming-signed', valid: undefined, actual };
  return { header: declared, kind: 'unknown', valid: false, actual };
}

function checkContentLength(headers: Record<string, string>, raw: RawRequest, problems: string[]): ContentLengthCheck {
  const text = headers['content-length'];
  if (text === undefined) return { valid: undefined };
  const header = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (Number.isNaN(header)) {
    problems.push(`content-length '${text}' is not a number`);
    return { valid: false };
  }
  if (raw.incomplete !== undefined) {
    problems.push(`content-length is ${header} but only ${raw.body.length} bytes arrived (${raw.incomplete})`);
    return { header, valid: false };
  }
  if (raw.extraBytes !== undefined) {
    problems.push(extraBytesProblem(header, raw.extraBytes));
    return { header, valid: false };
  }
  const valid = header === raw.body.length;
  if (!valid) problems.push(`content-length is ${header} but ${raw.body.length} bytes arrived`);
  return { header, valid };
}

function extraBytesProblem(declared: number, extraBytes: number): string {
  return `content-length is ${declared} but at least ${extraBytes} more bytes followed the body (the client sent more than it declared)`;
}

/**
 * Marks a record whose connection carried bytes after the body its `content-length` declared
 * (noticed only when node's HTTP parser fails on them, possibly after the record was made).
 */
export function noteExtraBytes(record: InspectedRequest, extraBytes: number): void {
  if (record.contentLength.valid === false) return;
  record.contentLength = { ...record.contentLength, valid: false };
  record.problems.push(extraBytesProblem(record.contentLength.header ?? record.wireBody.length, extraBytes));
}

function checkDecodedLength(headers: Record<string, string>, payloadLength: number | undefined, problems: string[]): DecodedLengthCheck {
  const text = headers['x-amz-decoded-content-length'];
  if (text === undefined) return { valid: undefined };
  const header = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (Number.isNaN(header)) {
    problems.push(`x-amz-decoded-content-length '${text}' is not a number`);
    return { valid: false };
  }
  if (payloadLength === undefined) {
    problems.push('x-amz-decoded-content-length is sent but the body is not aws-chunked');
    return { header, valid: false };
  }
  const valid = header === payloadLength;
  if (!valid) problems.push(`x-amz-decoded-content-length is ${header} but the aws-chunked payload has ${payloadLength} bytes`);
  return { header, valid };
}

function checkChecksums(headers: Record<string, string>, trailers: ReadonlyArray<[string, string]>, payload: Buffer, problems: string[]): ChecksumCheck[] {
  const checks: ChecksumCheck[] = [];
  const add = (name: string, expected: string, source: 'header' | 'trailer') => {
    const actual = CHECKSUM_ALGORITHMS[name]!(payload);
    const valid = expected.trim() === actual;
    checks.push({ name, expected, actual, valid, source });
    if (!valid) problems.push(`${name}${source === 'trailer' ? ' (trailer)' : ''} is ${expected} but the payload's is ${actual}`);
  };
  for (const name of Object.keys(CHECKSUM_ALGORITHMS)) {
    const value = headers[name];
    if (value !== undefined) add(name, value, 'header');
  }
  for (const [name, value] of trailers) {
    if (CHECKSUM_ALGORITHMS[name]) add(name, value, 'trailer');
  }
  return checks;
}

function checkDeclaredTrailers(headers: Record<string, string>, trailers: ReadonlyArray<[string, string]>, problems: string[]): void {
  const declared = headers['x-amz-trailer'];
  if (declared === undefined) return;
  const sent = new Set(trailers.map(([name]) => name));
  for (const name of declared.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean)) {
    if (!sent.has(name)) problems.push(`x-amz-trailer declares ${name} but no such trailer arrived`);
  }
}
