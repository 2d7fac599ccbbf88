// Test helpers for @sdk-events/gzip: requests, gzip layer counting, booby-trapped bodies,
// and the SDK's own serialization and checksums as oracles.
import { HttpRequest } from '@smithy/protocol-http';
import { gunzipSync } from 'node:zlib';
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { PutObjectCommand, S3Client, type ChecksumAlgorithm, type PutObjectCommandInput, type S3ClientConfig } from '@aws-sdk/client-s3';
import { TEST_CREDENTIALS } from '../helpers/clients.js';

/** An `HttpRequest` as the SDK builds one, with `body` and `headers`. */
export function request(body: unknown, headers: Record<string, string> = {}): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    path: '/',
    headers: { ...headers },
    body,
  });
}

/** The request body as bytes (it must be in memory). */
export function bodyBytes(req: { body?: unknown }): Buffer {
  const body = req.body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error(`body is not in memory: ${Object.prototype.toString.call(body)}`);
}

/** How many gzip layers `bytes` has, and what is inside them. */
export function unwrapGzip(bytes: Uint8Array): { layers: number; inner: Buffer } {
  let inner = Buffer.from(bytes);
  let layers = 0;
  while (inner.length >= 2 && inner[0] === 0x1f && inner[1] === 0x8b) {
    inner = gunzipSync(inner);
    layers++;
  }
  return { layers, inner };
}

/** Reads a Node or web stream to its end. */
export async function readAll(stream: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * A Uint8Array subclass whose string methods throw, like a stricter version of the SDK's
 * JSON body (which prints a deprecation warning when they are called).
 */
export class TrappedBytes extends Uint8Array {
  static fromText(text: string): TrappedBytes {
    const bytes = Buffer.from(text);
    const out = new TrappedBytes(bytes.length);
    out.set(bytes);
    return out;
  }
  override toString(): string {
    throw new Error('toString called on a byte body');
  }
  override toLocaleString(): string {
    throw new Error('toLocaleString called on a byte body');
  }
  override valueOf(): this {
    throw new Error('valueOf called on a byte body');
  }
  [Symbol.toPrimitive](): never {
    throw new Error('a byte body was converted to a primitive');
  }
}

/** JSON metric data of about `size` bytes, as a string. */
export function metricJson(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = `{"MetricName":"latency_${i % 13}","Value":${(i * 37) % 1000},"Unit":"Milliseconds"}`;
    parts.push(part);
    length += part.length + 1;
  }
  return `{"Namespace":"App","MetricData":[${parts.join(',')}]}`;
}

/** `count` metric datums (PutMetricData input). */
export function metricData(count: number): MetricDatum[] {
  return Array.from({ length: count }, (_, i) => ({
    MetricName: `latency_${i % 13}`,
    Dimensions: [{ Name: 'Host', Value: `host-${i % 7}` }],
    Value: i,
    Unit: 'Milliseconds',
  }));
}

class Captured extends Error {
  constructor(readonly request: HttpRequest) {
    super('captured');
  }
}

/**
 * The request a real client builds for a call, just before signing: the
 * client serializes (and the SDK's own middleware compresses or checksums)
 * as it would for the network, and the call stops there.
 */
async function captureBeforeSigning(
  client: { middlewareStack: { addRelativeTo: Function }; send: Function },
  command: unknown,
): Promise<HttpRequest> {
  client.middlewareStack.addRelativeTo(
    () => async (args: { request: HttpRequest }) => {
      throw new Captured(args.request);
    },
    { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'gzipTestCapture' },
  );
  try {
    await client.send(command);
  } catch (error) {
    if (error instanceof Captured) return error.request;
    throw error;
  }
  throw new Error('the call was not captured');
}

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
// Nothing is sent: the capture stops each call before signing (the SDK's retry middleware would
// otherwise warn, on the console, that a streaming request failed).
const offline = { region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: TEST_CREDENTIALS, maxAttempts: 1, logger: quiet };

/** The PutMetricData request a real CloudWatch client builds for `count` datums (body and headers). */
export async function sdkPutMetricDataRequest(count: number): Promise<HttpRequest> {
  const client = new CloudWatchClient(offline);
  try {
    return await captureBeforeSigning(client, new PutMetricDataCommand({ Namespace: 'App', MetricData: metricData(count) }));
  } finally {
    client.destroy();
  }
}

/** The checksum header value the S3 client computes for `bytes` with `algorithm` (an independent oracle). */
export async function sdkChecksum(algorithm: ChecksumAlgorithm, bytes: Uint8Array): Promise<string> {
  const client = new S3Client({ ...offline, forcePathStyle: true });
  try {
    const built = await captureBeforeSigning(
      client,
      new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: bytes, ChecksumAlgorithm: algorithm }),
    );
    const value = built.headers[`x-amz-checksum-${algorithm.toLowerCase()}`];
    if (value === undefined) throw new Error(`the SDK set no ${algorithm} checksum`);
    return value;
  } finally {
    client.destroy();
  }
}

/** The PutObject request a real S3 client builds (before signing) for `input`. */
export async function sdkPutObjectRequest(
  input: Omit<PutObjectCommandInput, 'Bucket' | 'Key'>,
  config: Partial<S3ClientConfig> = {},
): Promise<HttpRequest> {
  const client = new S3Client({ ...offline, forcePathStyle: true, ...config });
  try {
    return await captureBeforeSigning(client, new PutObjectCommand({ Bucket: 'b', Key: 'k', ...input }));
  } finally {
    client.destroy();
  }
}
