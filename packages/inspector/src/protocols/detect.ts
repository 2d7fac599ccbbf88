import type { InspectedService, WireProtocol } from '../types.js';
import { lenientDecode, type QueryPair } from '../verify/uri.js';
import { detectS3Operation } from './s3-operations.js';
import { detectLambdaOperation } from './lambda-operations.js';

/** CloudWatch's JSON target prefix and smithy service name. */
export const CLOUDWATCH_TARGET = 'GraniteServiceVersion20100801';
/** CloudWatch's query API version. */
export const CLOUDWATCH_QUERY_VERSION = '2010-08-01';

/** What the request is, as far as the inspector can tell. */
export interface Detection {
  service: InspectedService;
  operation: string | undefined;
  protocol: WireProtocol;
  /** `bucket/key`, a bucket, or a function name. */
  resource?: string;
  /** For S3: the bucket and key addressed (path style, or `<bucket>.localhost` / `<bucket>.s3.amazonaws.com` hosts). */
  bucket?: string;
  key?: string;
}

/** What detection looks at. */
export interface DetectionInput {
  method: string;
  wirePath: string;
  query: readonly QueryPair[];
  headers: Readonly<Record<string, string>>;
  /** The credential scope service of the signature, if signed. */
  signingService: string | undefined;
}

const SIGNING_NAMES: Record<string, InspectedService> = {
  monitoring: 'cloudwatch',
  lambda: 'lambda',
  s3: 's3',
  's3-object-lambda': 's3',
  s3express: 's3',
};

/**
 * Which service a request is for, before its body is read: the SigV4 credential scope first,
 * then CloudWatch's target and smithy path, the SDK's user agent (`api/s3#...`), Lambda's
 * versioned paths and S3's `x-id` parameter.
 */
export function detectService(input: DetectionInput): InspectedService {
  const bySigning = input.signingService !== undefined ? SIGNING_NAMES[input.signingService] : undefined;
  if (bySigning) return bySigning;
  if (input.headers['x-amz-target']?.startsWith(`${CLOUDWATCH_TARGET}.`)) return 'cloudwatch';
  if (input.wirePath.startsWith(`/service/${CLOUDWATCH_TARGET}/operation/`)) return 'cloudwatch';
  const agent = `${input.headers['x-amz-user-agent'] ?? ''} ${input.headers['user-agent'] ?? ''}`;
  const api = /\bapi\/([a-z0-9-]+)#/i.exec(agent)?.[1]?.toLowerCase();
  if (api === 'cloudwatch' || api === 'lambda' || api === 's3') return api;
  if (/^\/\d{4}-\d{2}-\d{2}\/functions(\/|$)/.test(input.wirePath)) return 'lambda';
  if (input.query.some((pair) => pair.name === 'x-id')) return 's3';
  return 'unknown';
}

/**
 * The service, operation and protocol of a request, once its body is decoded
 * (CloudWatch's query protocol names the operation in the body).
 */
export function detect(input: DetectionInput, decodedBody: Buffer): Detection {
  let service = detectService(input);
  const form = isForm(input.headers) ? new URLSearchParams(decodedBody.toString('utf8')) : undefined;
  if (service === 'unknown' && form?.get('Version') === CLOUDWATCH_QUERY_VERSION) service = 'cloudwatch';

  switch (service) {
    case 'cloudwatch':
      return { service, ...detectCloudWatch(input, form) };
    case 'lambda': {
      const found = detectLambdaOperation(input.method, input.wirePath);
      return { service, protocol: 'restJson1', operation: found?.operation, ...(found?.functionName ? { resource: found.functionName } : {}) };
    }
    case 's3': {
      const address = s3Address(input);
      const operation = detectS3Operation(input.method, address.bucket, address.key, input.query, input.headers);
      const resource = address.bucket === undefined ? undefined : address.key === undefined ? address.bucket : `${address.bucket}/${address.key}`;
      return {
        service,
        protocol: 'restXml',
        operation,
        ...(resource !== undefined ? { resource } : {}),
        ...(address.bucket !== undefined ? { bucket: address.bucket } : {}),
        ...(address.key !== undefined ? { key: address.key } : {}),
      };
    }
    default:
      return { service: 'unknown', protocol: 'unknown', operation: undefined };
  }
}

function detectCloudWatch(input: DetectionInput, form: URLSearchParams | undefined): Pick<Detection, 'operation' | 'protocol'> {
  const target = input.headers['x-amz-target'];
  if (target !== undefined) return { protocol: 'awsJson1_0', operation: target.slice(target.indexOf('.') + 1) || undefined };
  const smithy = /^\/service\/[^/]+\/operation\/([^/?]+)/.exec(input.wirePath);
  if (input.headers['smithy-protocol']?.toLowerCase() === 'rpc-v2-cbor' || smithy) {
    return { protocol: 'rpcv2Cbor', operation: smithy ? lenientDecode(smithy[1]!) : undefined };
  }
  const action = form?.get('Action') ?? input.query.find((pair) => pair.name === 'Action')?.value;
  if (form || action !== undefined) return { protocol: 'awsQuery', operation: action ?? undefined };
  return { protocol: 'awsJson1_0', operation: undefined };
}

function isForm(headers: Readonly<Record<string, string>>): boolean {
  return (headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** The bucket and key an S3 request addresses: virtual-hosted (`<bucket>.localhost`, `<bucket>.s3...amazonaws.com`) or path style. */
function s3Address(input: DetectionInput): { bucket?: string; key?: string } {
  const host = (input.headers['host'] ?? '').replace(/:\d+$/, '').toLowerCase();
  const virtual = /^(.+)\.localhost$/.exec(host)?.[1] ?? /^(.+)\.s3[.-](?:[a-z0-9-]+\.)*amazonaws\.com$/.exec(host)?.[1];
  const path = input.wirePath.startsWith('/') ? input.wirePath.slice(1) : input.wirePath;
  if (virtual !== undefined) return path === '' ? { bucket: virtual } : { bucket: virtual, key: lenientDecode(path) };
  if (path === '') return {};
  const slash = path.indexOf('/');
  if (slash < 0) return { bucket: lenientDecode(path) };
  const key = path.slice(slash + 1);
  return key === '' ? { bucket: lenientDecode(path.slice(0, slash)) } : { bucket: lenientDecode(path.slice(0, slash)), key: lenientDecode(key) };
}
