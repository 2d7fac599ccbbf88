import type { WireProtocol } from '../types.js';
import { decodeCbor, type CborValue } from './cbor.js';

/** The metric count of a PutMetricData body, or why it could not be read. */
export type MetricCount = { count: number } | { error: string };

/**
 * Counts the metrics of a CloudWatch `PutMetricData` body (decoded): `MetricData` entries, plus
 * those inside `EntityMetricData`, in JSON, query (`MetricData.member.N.*`) or CBOR form.
 */
export function countMetrics(protocol: WireProtocol, body: Buffer): MetricCount {
  try {
    switch (protocol) {
      case 'awsJson1_0':
        return { count: countInObject(JSON.parse(body.toString('utf8')) as unknown) };
      case 'rpcv2Cbor':
        return { count: countInObject(decodeCbor(body)) };
      case 'awsQuery':
        return { count: countInForm(new URLSearchParams(body.toString('utf8'))) };
      default:
        return { error: `cannot count metrics of a ${protocol} body` };
    }
  } catch (error) {
    return { error: `the ${protocol} body does not parse: ${(error as Error).message}` };
  }
}

function countInObject(input: unknown): number {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('the body is not an object');
  const body = input as Record<string, CborValue | unknown>;
  let count = Array.isArray(body['MetricData']) ? body['MetricData'].length : 0;
  if (Array.isArray(body['EntityMetricData'])) {
    for (const entity of body['EntityMetricData'] as unknown[]) {
      const metrics = (entity as { MetricData?: unknown } | null)?.MetricData;
      if (Array.isArray(metrics)) count += metrics.length;
    }
  }
  return count;
}

function countInForm(form: URLSearchParams): number {
  const members = new Set<string>();
  for (const name of form.keys()) {
    const direct = /^MetricData\.member\.(\d+)\./.exec(name);
    if (direct) members.add(direct[1]!);
    const entity = /^EntityMetricData\.member\.(\d+)\.MetricData\.member\.(\d+)\./.exec(name);
    if (entity) members.add(`${entity[1]}/${entity[2]}`);
  }
  return members.size;
}
