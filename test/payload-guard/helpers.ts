// Helpers for the payload-guard tests: metric batches, what the inspector received, a marked gzip handler.
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import type { InspectedRequest, Inspector } from '@sdk-events/inspector';
import { createGzipHandler } from '@sdk-events/gzip';
import { GZIP_HANDLER_MARKER, type GzipHandlerMarker } from '@sdk-events/payload-guard';

/** `count` small metrics named `${prefix}-${i}` with value `i`. */
export function metrics(count: number, prefix = 'metric'): MetricDatum[] {
  return Array.from({ length: count }, (_, i) => ({ MetricName: `${prefix}-${i}`, Value: i, Unit: 'Count' }));
}

/**
 * `count` metrics of about `bytes` bytes each (as JSON) that gzip squeezes to a
 * small fraction: long, repetitive dimension values.
 */
export function compressibleMetrics(count: number, bytes: number, prefix = 'big'): MetricDatum[] {
  const value = 'service=checkout;region=eu-west-1;tier=web;'.repeat(Math.ceil(bytes / 4 / 44)).slice(0, Math.floor(bytes / 4));
  return Array.from({ length: count }, (_, i) => ({
    MetricName: `${prefix}-${i}`,
    Value: i,
    Dimensions: ['a', 'b', 'c', 'd'].map((name) => ({ Name: name, Value: value })),
  }));
}

/** A metric of about `bytes` random (incompressible) bytes. */
export function incompressibleMetric(bytes: number, name = 'huge'): MetricDatum {
  return { MetricName: name, Value: 1, Dimensions: [{ Name: 'noise', Value: randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64') }] };
}

/** The successful PutMetricData requests the inspector received, in order. */
export function deliveredRequests(inspector: Inspector): InspectedRequest[] {
  return inspector.records.filter((r) => r.operation === 'PutMetricData' && r.status === 200);
}

/** The metrics the inspector accepted, in order of arrival, with the namespace of their request. */
export function deliveredMetrics(inspector: Inspector): Array<{ Namespace: string; MetricName: string; Value: number }> {
  return deliveredRequests(inspector).flatMap((record) => {
    const body = JSON.parse(record.decodedBody.toString('utf8')) as { Namespace: string; MetricData: MetricDatum[] };
    return body.MetricData.map(({ MetricName, Value }) => ({ Namespace: body.Namespace, MetricName: MetricName!, Value: Value! }));
  });
}

/** Asserts the inspector accepted exactly `sent` (names and values), once each, in order, in `namespace`. */
export function expectDeliveredExactlyOnce(inspector: Inspector, sent: readonly MetricDatum[], namespace: string): void {
  const delivered = deliveredMetrics(inspector).filter((m) => m.Namespace === namespace);
  expect(delivered.length, 'metrics delivered').to.equal(sent.length);
  expect(delivered.map((m) => `${m.MetricName}=${m.Value}`)).to.deep.equal(sent.map((m) => `${m.MetricName}=${m.Value}`));
}

/** Asserts every request the inspector received verified (signature, lengths, checksums). */
export function expectAllVerified(inspector: Inspector): void {
  for (const record of inspector.records) expect(record.problems, `request ${record.id}`).to.deep.equal([]);
}

/** A minimal gzip handler for before-sign: compresses in-memory bodies of `minBytes` or more, fixes the headers. */
function simpleGzipHandler({ minBytes, level }: GzipHandlerMarker) {
  return async ({ request }: { request: { headers: Record<string, string>; body?: unknown } }) => {
    const body = request.body;
    const bytes = typeof body === 'string' ? Buffer.from(body) : ArrayBuffer.isView(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : undefined;
    if (!bytes || bytes.byteLength === 0 || bytes.byteLength < minBytes || /gzip/i.test(request.headers['content-encoding'] ?? '')) return;
    request.body = gzipSync(bytes, { level });
    request.headers['content-encoding'] = 'gzip';
    request.headers['content-length'] = String((request.body as Buffer).byteLength);
  };
}

/**
 * A gzip handler carrying the marker the guard looks for: `@sdk-events/gzip`'s
 * own handler once it carries the marker itself, until then a minimal one.
 */
export function markedGzipHandler(options: GzipHandlerMarker) {
  const real = createGzipHandler(options);
  if ((real as unknown as Record<symbol, unknown>)[GZIP_HANDLER_MARKER] !== undefined) return real;
  return Object.assign(simpleGzipHandler(options), { [GZIP_HANDLER_MARKER]: { ...options } });
}

/** Runs `send` and returns what it rejected with; fails the test when it succeeds. */
export async function failureOf(send: () => Promise<unknown>): Promise<any> {
  try {
    await send();
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded; a failure was expected');
}
