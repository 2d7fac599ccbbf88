import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { eventsOf } from '@sdk-events/core';
import { payloadGuardPlugin, payloadGuardReportOf } from '@sdk-events/payload-guard';
import { useInspector } from '../helpers/inspector.js';
import { cloudWatchClient } from '../helpers/clients.js';
import { deliveredMetrics, expectDeliveredExactlyOnce, failureOf, metrics } from './helpers.js';

describe('payload-guard: the delivery report (real CloudWatch client, inspector with 1 MB / 1000 metrics)', () => {
  const inspector = useInspector({ maxBytes: 1_000_000, maxItems: 1000 });

  for (const strategy of ['pessimistic', 'optimistic'] as const) {
    it(`${strategy}: a chunk accepted but whose answer was lost is sent again by the SDK, and the report says it may have arrived twice`, async () => {
      const client = cloudWatchClient(inspector.url);
      eventsOf(client).use(payloadGuardPlugin({ strategy }));
      // the second chunk: lose the answer to its first attempt
      let sends = 0;
      eventsOf(client).register('before-send.cloudwatch.PutMetricData', () => {
        if (++sends === 2) inspector.loseResponseNext(1, { operation: 'PutMetricData' });
      });
      const data = metrics(2500, 'lost');
      const output = await client.send(new PutMetricDataCommand({ Namespace: `pg/lost-${strategy}`, MetricData: data }));

      expect(inspector.records.map((r) => [r.metricCount, r.responseLost ?? false])).to.deep.equal([
        [1000, false],
        [1000, true],
        [1000, false],
        [500, false],
      ]);
      // what the service holds: the second chunk twice, everything else once
      const received = deliveredMetrics(inspector).map((m) => m.MetricName);
      const expected = [...data.slice(0, 2000), ...data.slice(1000)].map((m) => m.MetricName);
      expect(received).to.deep.equal(expected);

      const report = payloadGuardReportOf(output)!;
      expect(report).to.include({ items: 2500, deliveredItems: 2500, maybeDuplicatedItems: 1000 });
      expect(report.requests.map((r) => [r.start, r.count, r.attempts, r.maybeDuplicated ?? false])).to.deep.equal([
        [0, 1000, 1, false],
        [1000, 1000, 2, true],
        [2000, 500, 1, false],
      ]);
    });
  }

  it('a chunk whose answers are lost until the SDK gives up fails the call; the report says it may have arrived', async () => {
    const client = cloudWatchClient(inspector.url, { maxAttempts: 2 });
    eventsOf(client).use(payloadGuardPlugin());
    let sends = 0;
    eventsOf(client).register('before-send.cloudwatch.PutMetricData', () => {
      if (++sends === 2) inspector.loseResponseNext(2, { operation: 'PutMetricData' });
    });
    const error = await failureOf(() => client.send(new PutMetricDataCommand({ Namespace: 'pg/lost-all', MetricData: metrics(2500) })));
    expect(inspector.records.map((r) => r.responseLost ?? false)).to.deep.equal([false, true, true]);
    const report = payloadGuardReportOf(error)!;
    expect(report).to.include({ deliveredItems: 1000, maybeDuplicatedItems: 1000 });
    const [first, second] = inspector.records.map((r) => r.wireBody.length);
    expect(report.requests).to.deep.equal([
      { start: 0, count: 1000, bytes: first, attempts: 1 },
      { start: 1000, count: 1000, bytes: second, attempts: 2, failed: true, maybeDuplicated: true },
    ]);
  });

  it('an abort stops the chunks not sent yet; the error says what was delivered', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const controller = new AbortController();
    // abort once the first chunk's answer is in
    eventsOf(client).register('response-received.cloudwatch.PutMetricData', () => controller.abort());
    const data = metrics(2500, 'abort');
    const error = await failureOf(() =>
      client.send(new PutMetricDataCommand({ Namespace: 'pg/abort', MetricData: data }), { abortSignal: controller.signal }),
    );
    expect(error.name).to.equal('AbortError');
    expect(error.message).to.equal('PutMetricData aborted: 1000 of 2500 items delivered, the rest not sent');
    expect(inspector.records.map((r) => r.metricCount)).to.deep.equal([1000]);
    expectDeliveredExactlyOnce(inspector, data.slice(0, 1000), 'pg/abort');
    const report = payloadGuardReportOf(error)!;
    expect(report).to.include({ items: 2500, deliveredItems: 1000 });
    expect(report.requests).to.deep.equal([{ start: 0, count: 1000, bytes: inspector.records[0]!.wireBody.length, attempts: 1 }]);
  });

  it('an abort while a chunk is on its way: the SDK aborts it, the report says it may have arrived', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const controller = new AbortController();
    let sends = 0;
    eventsOf(client).register('before-send.cloudwatch.PutMetricData', () => {
      if (++sends === 2) controller.abort();
    });
    const error = await failureOf(() =>
      client.send(new PutMetricDataCommand({ Namespace: 'pg/abort-flight', MetricData: metrics(2500) }), { abortSignal: controller.signal }),
    );
    expect(error.name).to.equal('AbortError');
    const report = payloadGuardReportOf(error)!;
    expect(report).to.include({ deliveredItems: 1000, maybeDuplicatedItems: 1000 });
    expect(report.requests.map((r) => [r.start, r.count, r.failed ?? false, r.maybeDuplicated ?? false])).to.deep.equal([
      [0, 1000, false, false],
      [1000, 1000, true, true],
    ]);
    expect(inspector.records.length, 'nothing after the aborted chunk').to.be.at.most(2);
  });

  it('a call aborted before it starts sends nothing', async () => {
    const client = cloudWatchClient(inspector.url);
    eventsOf(client).use(payloadGuardPlugin());
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(() =>
      client.send(new PutMetricDataCommand({ Namespace: 'pg/aborted', MetricData: metrics(2500) }), { abortSignal: controller.signal }),
    );
    expect(error.name).to.equal('AbortError');
    expect(inspector.records).to.have.length(0);
  });
});
