import type { InspectorCredentials, SignatureCheck } from '../types.js';
import { hmac, sameSignature, sha256Hex, signingKey } from './sigv4-crypto.js';
import { canonicalQuery, canonicalUri, type QueryPair } from './uri.js';

/** What SigV4 verification needs from a request, as it arrived. */
export interface SigV4Request {
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  wirePath: string;
  /** The query pairs, decoded, in wire order. */
  query: readonly QueryPair[];
  /** Header values by lowercase name, one entry per occurrence. */
  headerValues: ReadonlyMap<string, readonly string[]>;
  /** The body as it arrived. */
  wireBody: Uint8Array;
}

/** A SigV4 verification result, with what chunk verification needs when it verified. */
export interface SigV4Verification {
  check: SignatureCheck;
  /** Present when the request signature verified: what signed streaming chunks chain from. */
  chain?: { key: Buffer; amzDate: string; scope: string; seedSignature: string };
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Signing names whose canonical URI is the path as sent (no normalization, no second encoding). */
const SINGLE_ENCODING_SERVICES = new Set(['s3', 's3-object-lambda', 's3-outposts', 's3express']);

interface ParsedAuth {
  kind: 'header' | 'query';
  algorithm: string;
  credential: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string | undefined;
}

/**
 * Verifies the SigV4 signature of a request (Authorization header or presigned query) against
 * the credentials given, recomputing the canonical request from what arrived.
 * A presigned URL must also be within its `X-Amz-Expires` (at most a week) of `X-Amz-Date`;
 * other times are not checked (an old Authorization header that matches is valid here).
 */
export function verifySigV4(request: SigV4Request, credentials: readonly InspectorCredentials[]): SigV4Verification {
  const auth = parseAuth(request);
  if (!auth) return { check: { present: false, valid: false, reason: 'the request is not signed', signedHeaders: [], kind: 'none' } };
  const scopeParts = auth.credential.split('/');
  const [accessKeyId, date, region, service, terminator] = scopeParts;
  const check: SignatureCheck = {
    present: true,
    valid: false,
    signedHeaders: auth.signedHeaders,
    kind: auth.kind,
    algorithm: auth.algorithm,
    ...(accessKeyId !== undefined ? { accessKeyId } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(service !== undefined ? { signingService: service } : {}),
  };
  const fail = (reason: string): SigV4Verification => ({ check: { ...check, reason } });

  if (auth.algorithm !== ALGORITHM) return fail(`unsupported signing algorithm ${auth.algorithm} (only ${ALGORITHM} is verified)`);
  if (scopeParts.length !== 5 || terminator !== 'aws4_request' || !accessKeyId || !date || !region || !service) {
    return fail(`malformed credential scope '${maskCredential(auth.credential)}' (expected AKID/date/region/service/aws4_request)`);
  }
  if (!/^[0-9a-f]{64}$/i.test(auth.signature)) return fail('the signature is not 64 hex characters');
  if (auth.signedHeaders.length === 0) return fail('SignedHeaders is empty');
  if (!auth.amzDate) return fail(auth.kind === 'header' ? 'no x-amz-date (or date) header' : 'no X-Amz-Date query parameter');
  if (auth.amzDate.slice(0, 8) !== date) return fail(`the credential scope date ${date} is not the date of x-amz-date ${auth.amzDate}`);

  const scope = `${date}/${region}/${service}/aws4_request`;
  const doubleEncode = !SINGLE_ENCODING_SERVICES.has(service);
  const canonicalHeaderLines: string[] = [];
  for (const name of auth.signedHeaders) {
    const values = request.headerValues.get(name);
    if (values === undefined) return fail(`signed header '${name}' is not in the request`);
    canonicalHeaderLines.push(`${name}:${values.map(trimAll).join(',')}\n`);
  }
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.wirePath, doubleEncode),
    canonicalQuery(request.query, auth.kind === 'query' ? ['X-Amz-Signature'] : []),
    canonicalHeaderLines.join(''),
    auth.signedHeaders.join(';'),
    payloadHashForSigning(request, auth.kind, service),
  ].join('\n');
  const stringToSign = [ALGORITHM, auth.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signed = { ...check, canonicalRequest, stringToSign };

  const secret = credentials.find((pair) => pair.accessKeyId === accessKeyId)?.secretAccessKey;
  if (secret === undefined) {
    return { check: { ...signed, reason: `no secret for access key id ${accessKeyId}: give the inspector its credentials to verify it` } };
  }
  const key = signingKey(secret, date, region, service);
  const expected = hmac(key, stringToSign).toString('hex');
  if (!sameSignature(expected, auth.signature)) {
    return {
      check: {
        ...signed,
        reason:
          'signature mismatch: what arrived does not hash to what was signed (a signed header, the path, the query or the body changed after signing, or another secret signed it)',
      },
    };
  }
  if (auth.kind === 'query') {
    const expired = presignExpiry(auth.amzDate, request.query.find((pair) => pair.name === 'X-Amz-Expires')?.value);
    if (expired) return { check: { ...signed, reason: expired } };
  }
  return { check: { ...signed, valid: true }, chain: { key, amzDate: auth.amzDate, scope, seedSignature: auth.signature.toLowerCase() } };
}

/** SigV4's longest presign: 7 days. */
const MAX_EXPIRES_SECONDS = 604800;

/** Why a presigned URL signed at `amzDate` for `expires` seconds is no longer valid, or undefined while it is. */
function presignExpiry(amzDate: string, expires: string | undefined, now = Date.now()): string | undefined {
  if (expires === undefined) return undefined;
  if (!/^\d+$/.test(expires) || Number(expires) > MAX_EXPIRES_SECONDS) {
    return `X-Amz-Expires must be a whole number of seconds up to ${MAX_EXPIRES_SECONDS} (a week), got '${expires}'`;
  }
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const expiresAt = signedAt + Number(expires) * 1000;
  return now > expiresAt ? `the presigned URL expired at ${new Date(expiresAt).toISOString()} (X-Amz-Date ${amzDate} + X-Amz-Expires ${expires} s)` : undefined;
}

/** The payload hash of the canonical request: what the client declared, else the hash of the body. */
function payloadHashForSigning(request: SigV4Request, kind: 'header' | 'query', service: string): string {
  const declared = request.headerValues.get('x-amz-content-sha256')?.[0];
  if (declared !== undefined) return declared.trim();
  if (kind === 'query') {
    const fromQuery = request.query.find((pair) => pair.name === 'X-Amz-Content-Sha256')?.value;
    if (fromQuery !== undefined) return fromQuery;
    // Presigned S3 URLs sign UNSIGNED-PAYLOAD (the body is not known when the URL is made).
    if (SINGLE_ENCODING_SERVICES.has(service)) return 'UNSIGNED-PAYLOAD';
  }
  return sha256Hex(request.wireBody);
}

function parseAuth(request: SigV4Request): ParsedAuth | undefined {
  const header = request.headerValues.get('authorization')?.[0];
  if (header !== undefined) {
    const trimmed = header.trim();
    const space = trimmed.indexOf(' ');
    const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
    const fields = new Map<string, string>();
    for (const part of (space < 0 ? '' : trimmed.slice(space + 1)).split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    return {
      kind: 'header',
      algorithm,
      credential: fields.get('Credential') ?? '',
      signedHeaders: splitSignedHeaders(fields.get('SignedHeaders')),
      signature: fields.get('Signature') ?? '',
      amzDate: request.headerValues.get('x-amz-date')?.[0]?.trim() ?? amzDateFromHttpDate(request.headerValues.get('date')?.[0]),
    };
  }
  const param = (name: string) => request.query.find((pair) => pair.name === name)?.value;
  const signature = param('X-Amz-Signature');
  if (signature === undefined) return undefined;
  return {
    kind: 'query',
    algorithm: param('X-Amz-Algorithm') ?? '',
    credential: param('X-Amz-Credential') ?? '',
    signedHeaders: splitSignedHeaders(param('X-Amz-SignedHeaders')),
    signature,
    amzDate: param('X-Amz-Date'),
  };
}

function splitSignedHeaders(value: string | undefined): string[] {
  return (value ?? '').split(';').map((name) => name.trim()).filter((name) => name !== '');
}

/** SigV4's header value canonicalization: trim, and collapse runs of spaces to one. */
function trimAll(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

function amzDateFromHttpDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function maskCredential(credential: string): string {
  const [accessKeyId = '', ...rest] = credential.split('/');
  return [accessKeyId.slice(0, 4) + (accessKeyId.length > 4 ? '…' : ''), ...rest].join('/');
}
