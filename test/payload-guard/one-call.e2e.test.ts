import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf, LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from '@sdk-events/core';
import { loggingPlugin, type LogRecord } from '@sdk-events/logging';
import { payloadGuardPlugin, payloadGuardReportOf, type PayloadGuardStrategy } from '@sdk-events/payload-guard';
import { useInspector } from '../helpers/inspector.js';
import { cloudWatchClient } from '../helpers/clients.js';
import { memoryLogger } from '../logging/memory-logger.js';
import { compressibleMetrics, expectDeliveredExactlyOnce, metrics } from './helpers.js';

/** A client with the guard, every lifecycle event counted, and the logging plugin writing records to memory. */
function observedClient(url: string, strategy: PayloadGuardStrategy, config: { disableRequestCompression?: boolean } = {}) {
  const client = cloudWatchClient(url, config);
  const events = eventsOf(client);
  const fired = new Map<LifecycleEventType, number>();
  for (const type of LIFECYCLE_EVENT_TYPES) {
    events.register(`${type}.cloudwatch.PutMetricData`, () => void fired.set(type, (fired.get(type) ?? 0) + 1));
  }
  const logger = memoryLogger();
  events.use(payloadGuardPlugin({ strategy })).use(loggingPlugin({ logger, level: 'debug', structured: true }));
  const records = (kind: LogRecord['kind']) =>
    logger.calls.flatMap((call) => call.args.filter((arg): arg is LogRecord => (arg as LogRecord | null)?.kind === kind));
  return { client, events, count: (type: LifecycleEventType) => fired.get(type) ?? 0, records };
}

const CALL_LEVEL = ['provide-client-params', 'before-parameter-build', 'before-call'] as const;
/**
 * After an attempt: not for a chunk the guard stopped in request-created (its size final there:
 * nothing was sent, nothing to judge, as botocore); one stopped in before-send fires them with
 * the guard's error.
 */
const AFTER_ATTEMPT = ['response-received', 'needs-retry'] as const;
/** The rest: the guard's check is the first request-created handler, and the first before-send one. */
const PER_ATTEMPT = ['request-created', 'choose-signer', 'before-sign', 'before-send', 'before-parse'] as const;

describe('payload-guard: one call is one call (real CloudWatch client, inspector with 1 MB / 1000 metrics)', () => {
  const inspector = useInspector({ maxBytes: 1_000_000, maxItems: 1000 });

  const cases = [
    { name: 'pessimistic, 2,500 small metrics (the item limit binds)', strategy: 'pessimistic', data: metrics(2500), config: {} },
    { name: 'pessimistic, 2,500 ~1.1 KB metrics uncompressed (the byte limit binds: dry runs)', strategy: 'pessimistic', data: compressibleMetrics(2500, 1100), config: { disableRequestCompression: true } },
    { name: 'optimistic, 2,500 ~1.1 KB metrics uncompressed (a rejection, then dry runs)', strategy: 'optimistic', data: compressibleMetrics(2500, 1100), config: { disableRequestCompression: true } },
  ] as const;

  for (const { name, strategy, data, config } of cases) {
    it(`${name}: call-level events once, per-attempt events once per request on the wire, one log line for the call`, async () => {
      const { client, count, records } = observedClient(inspector.url, strategy, config);
      let afterCall: any;
      eventsOf(client).register('after-call.cloudwatch.PutMetricData', ({ parsed }) => void (afterCall = parsed));
      const output = await client.send(new PutMetricDataCommand({ Namespace: `pg/one-${strategy}`, MetricData: [...data] }));

      const requests = inspector.records.length;
      const report = payloadGuardReportOf(output)!;
      expect(report.requests).to.have.length(requests);
      expectDeliveredExactlyOnce(inspector, data, `pg/one-${strategy}`);
      if (name.includes('dry runs')) expect(report.dryRuns, 'dry runs were made').to.be.greaterThan(0);

      for (const type of CALL_LEVEL) expect(count(type), type).to.equal(1);
      expect(count('after-call')).to.equal(1);
      expect(count('after-call-error')).to.equal(0);
      // dry runs fire nothing; every request on the wire fires every per-attempt event once; a chunk
      // sent on a guess and stopped on its way in request-created (nothing to compress: its size is final there) fires no more
      for (const type of PER_ATTEMPT) expect(count(type), type).to.equal(requests);
      for (const type of AFTER_ATTEMPT) expect(count(type), type).to.equal(requests);

      // the user's after-call sees the caller's one output, with every request counted
      expect(afterCall).to.equal(output);
      expect(output.$metadata.attempts).to.equal(requests);

      const calls = records('call');
      expect(calls).to.have.length(1);
      expect(calls[0]).to.include({ outcome: 'success', attempts: requests });
      expect(records('attempt')).to.have.length(requests);
    });
  }

  it('a chunk sent on a guess and stopped on its way (over the limit) is not sent, and no handler but the guard\'s sees its request', async () => {
    // 1000 small metrics, then 1500 of ~1.1 KB: the second chunk is guessed at 1000 (the first was far under 1 MB)
    const data = [...metrics(1000, 'small'), ...compressibleMetrics(1500, 1100)];
    const { client, count } = observedClient(inspector.url, 'pessimistic', { disableRequestCompression: true });
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/one-stopped', MetricData: data }));
    const report = payloadGuardReportOf(output)!;
    expect(report.stoppedChunks).to.equal(1);
    const requests = inspector.records.length;
    expect(inspector.records.every((r) => r.status === 200 && r.wireBody.length <= 1_000_000)).to.equal(true);
    expectDeliveredExactlyOnce(inspector, data, 'pg/one-stopped');
    for (const type of PER_ATTEMPT) expect(count(type), type).to.equal(requests);
    // the bridge reports the stopped attempt's failure today (botocore would not: request-created raised)
    for (const type of AFTER_ATTEMPT) expect(count(type), type).to.be.within(requests, requests + 1);
    expect(output.$metadata.attempts).to.equal(requests);
  });

  it('a call that fails midway fires after-call-error once, and no after-call', async () => {
    const { client, count, records } = observedClient(inspector.url, 'pessimistic');
    let sends = 0;
    eventsOf(client).register('before-send.cloudwatch.PutMetricData', () => {
      if (++sends === 2) inspector.failNext(1, { status: 400, code: 'InvalidParameterValue', operation: 'PutMetricData' });
    });
    let caught: unknown;
    await client.send(new PutMetricDataCommand({ Namespace: 'pg/one-fail', MetricData: metrics(2500) })).catch((error) => (caught = error));
    expect((caught as Error).name).to.match(/^InvalidParameterValue/);
    expect(count('after-call')).to.equal(0);
    expect(count('after-call-error')).to.equal(1);
    for (const type of CALL_LEVEL) expect(count(type), type).to.equal(1);
    expect(count('before-send')).to.equal(2);
    expect(records('call')).to.have.length(1);
    expect(records('call')[0]).to.include({ outcome: 'error', attempts: 2 });
  });

  it('a call another before-call handler answers (a stub) is not split: nothing is sent', async () => {
    const client = cloudWatchClient(inspector.url);
    const events = eventsOf(client);
    events.use(payloadGuardPlugin());
    events.register('before-call.cloudwatch.PutMetricData', ({ params }) => ({ stubbed: params.MetricData!.length }) as never); // any output: the guard must leave it alone
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'pg/one-stub', MetricData: metrics(2500) }));
    expect(output).to.deep.include({ stubbed: 2500 });
    expect(payloadGuardReportOf(output)).to.equal(undefined);
    expect(inspector.records).to.have.length(0);
  });

  it('handlers of before-call see the caller\'s params, all of them, though the call was serialized without them', async () => {
    const client = cloudWatchClient(inspector.url);
    const events = eventsOf(client);
    events.use(payloadGuardPlugin());
    const seen: number[] = [];
    events.register('before-call.cloudwatch.PutMetricData', ({ params }) => void seen.push(params.MetricData!.length));
    const input = { Namespace: 'pg/one-params', MetricData: metrics(2500) };
    await client.send(new PutMetricDataCommand(input));
    expect(seen).to.deep.equal([2500]);
    expect(input.MetricData).to.have.length(2500);
    expect(inspector.records.map((r) => r.metricCount)).to.deep.equal([1000, 1000, 500]);
  });
});
