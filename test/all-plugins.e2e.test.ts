// Every plugin together on one client: gzip, trace-id, logging and the payload guard, one call over
// the limits. The wire (the inspector) and the log are both checked.
import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { gzipPlugin } from '@sdk-events/gzip';
import { loggingPlugin, type AttemptRecord, type CallRecord, type LogRecord } from '@sdk-events/logging';
import { payloadGuardPlugin, payloadGuardReportOf } from '@sdk-events/payload-guard';
import { traceIdPlugin } from '@sdk-events/trace-id';
import { cloudWatchClient } from './helpers/clients.js';
import { useInspector } from './helpers/inspector.js';
import { memoryLogger } from './logging/memory-logger.js';
import { compressibleMetrics, expectDeliveredExactlyOnce } from './payload-guard/helpers.js';

const SESSION_TOKEN = 'FQoGZXIvYXdzEXAMPLESESSIONTOKENthatmustnotbelogged0123456789';
const credentials = { accessKeyId: 'AKIDTESTEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: SESSION_TOKEN };

describe('every plugin together (gzip, trace-id, logging, payload guard) on one CloudWatch client', () => {
  // 10 KB a request on the wire: gzipped sizes decide the split
  const MAX_BYTES = 10_000;
  const inspector = useInspector({ maxBytes: MAX_BYTES, maxItems: 1000 });

  it('one call over the limits: every chunk gzipped, traced, signed and within the limits, every datum once; one call line, one attempt line per request, no secret', async () => {
    const logger = memoryLogger();
    // the SDK's own compression off: the gzip plugin compresses
    const client = cloudWatchClient(inspector.url, { credentials, disableRequestCompression: true });
    eventsOf(client)
      .use(gzipPlugin({ minBytes: 1024 }))
      .use(traceIdPlugin())
      .use(loggingPlugin({ logger, level: 'debug', structured: true, headers: true, params: true }))
      .use(payloadGuardPlugin({ maxBytes: MAX_BYTES }));

    const data = compressibleMetrics(2500, 1100, 'together');
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'all/together', MetricData: data }));

    // the wire
    const records = inspector.records;
    const report = payloadGuardReportOf(output)!;
    expect(records.length, 'more than one request').to.be.greaterThan(2);
    expect(report.requests).to.have.length(records.length);
    // the byte limit binds on the gzipped sizes: the guard measured chunks as gzip sends them
    expect(report.dryRuns).to.be.greaterThan(0);
    expect(records[0]!.metricCount, 'the byte limit cut the first request').to.be.lessThan(1000);
    for (const record of records) {
      expect(record.status, `request ${record.id}`).to.equal(200);
      expect(record.problems, `request ${record.id}`).to.deep.equal([]);
      expect(record.signature.valid, `request ${record.id} signature`).to.equal(true);
      expect(record.contentEncoding, `request ${record.id}`).to.deep.equal(['gzip']);
      expect(record.gzipLayers, `request ${record.id}`).to.equal(1);
      expect(record.wireBody.length).to.be.at.most(MAX_BYTES);
      expect(record.headers['x-trace-id'], `request ${record.id}`).to.match(/\S/);
    }
    // uncompressed, each chunk is far over the limit
    expect(Math.min(...records.map((r) => r.decodedBody.length))).to.be.greaterThan(MAX_BYTES * 10);
    expect(report.requests.map((r) => r.bytes)).to.deep.equal(records.map((r) => r.wireBody.length));
    expectDeliveredExactlyOnce(inspector, data, 'all/together');
    // one call: one trace id on all its requests
    expect(new Set(records.map((r) => r.headers['x-trace-id'])).size).to.equal(1);

    // the log
    const logged = <R extends LogRecord>(kind: R['kind']) =>
      logger.calls.flatMap((call) => call.args.filter((arg): arg is R => (arg as LogRecord | null)?.kind === kind));
    const calls = logged<CallRecord>('call');
    expect(calls).to.have.length(1);
    expect(calls[0]).to.include({ outcome: 'success', attempts: records.length });
    const attempts = logged<AttemptRecord>('attempt');
    expect(attempts).to.have.length(records.length);
    expect(attempts.map((a) => a.bodyBytes)).to.deep.equal(records.map((r) => r.wireBody.length));
    expect(attempts.every((a) => a.contentEncoding === 'gzip')).to.equal(true);
    const text = logger.text();
    const signatures = records.map((r) => /Signature=([0-9a-f]{64})/.exec(r.headers['authorization'] ?? '')![1]!);
    for (const secret of [credentials.secretAccessKey, SESSION_TOKEN, SESSION_TOKEN.slice(0, 24), ...signatures]) {
      expect(text.includes(secret), `the log holds ${secret.slice(0, 12)}…`).to.equal(false);
    }
  });
});
