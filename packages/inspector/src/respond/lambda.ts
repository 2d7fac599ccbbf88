import type { InspectedRequest } from '../types.js';
import { emptyReply, jsonReply, type Reply } from './reply.js';

/**
 * A success reply for Lambda: `Invoke` echoes the payload it received (200, `x-amz-executed-version:
 * $LATEST`; 202 for `Event`, 204 for `DryRun`; a log tail for `LogType: Tail`); other operations
 * answer `{}`.
 */
export function lambdaReply(record: InspectedRequest): Reply {
  if (record.operation !== 'Invoke') return jsonReply(200, {});
  const invocationType = record.headers['x-amz-invocation-type'] ?? 'RequestResponse';
  if (invocationType === 'Event') return emptyReply(202);
  if (invocationType === 'DryRun') return emptyReply(204);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' };
  if (record.headers['x-amz-log-type'] === 'Tail') {
    const log = `sdk-events inspector: ${record.resource ?? 'function'} invoked with ${record.decodedBody.length} bytes\n`;
    headers['x-amz-log-result'] = Buffer.from(log, 'utf8').toString('base64');
  }
  return { status: 200, headers, body: record.decodedBody };
}
