import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DescribeAlarmsCommand, ListMetricsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { eventsOf } from '@sdk-events/core';
import { ANY, StubAssertionError, StubResponseError, Stubber, UnStubbedResponseError } from '@sdk-events/stubber';
import { cloudWatchClient, lambdaClient } from '../helpers/clients.js';
import { useInspector } from '../helpers/inspector.js';
import { findBotocorePython } from '../core/differential/botocore.js';

/** What a call gave: the error's class name (or null) and message, and how many stubs remain. */
interface Outcome {
  error: string | null;
  message: string;
  pending: number;
}

async function outcomeOf(stubber: Stubber, call: () => unknown): Promise<Outcome> {
  const pending = () => {
    try {
      stubber.assertNoPendingResponses();
      return 0;
    } catch (error) {
      return Number(/^(\d+) responses/.exec((error as Error).message)![1]);
    }
  };
  try {
    await call();
    return { error: null, message: '', pending: pending() };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message, pending: pending() };
  }
}

/** The scenarios of botocore_stubber.py, on a v3 CloudWatch client. */
async function runOurs(url: string): Promise<Record<string, Outcome>> {
  const cw = cloudWatchClient(url);
  const stubber = new Stubber(cw);
  const results: Record<string, Outcome> = {};
  const call = async (name: string, fn: () => unknown) => {
    results[name] = await outcomeOf(stubber, fn);
  };
  stubber.activate();
  stubber.addResponse('ListMetrics', { Metrics: [] }, { Namespace: 'A' });
  await call('params mismatch', () => cw.send(new ListMetricsCommand({ Namespace: 'B' })));
  await call('operation mismatch', () => cw.send(new DescribeAlarmsCommand({})));
  await call('match', () => cw.send(new ListMetricsCommand({ Namespace: 'A' })));
  await call('nothing queued', () => cw.send(new ListMetricsCommand({ Namespace: 'A' })));
  stubber.addResponse('ListMetrics', { Metrics: [] }, { Namespace: ANY, MetricName: 'x' });
  await call('ANY', () => cw.send(new ListMetricsCommand({ Namespace: 'Z', MetricName: 'x' })));
  stubber.addResponse('ListMetrics', { Metrics: [] }, { Namespace: 'A' });
  await call('missing param', () => cw.send(new ListMetricsCommand({})));
  await call('extra param', () => cw.send(new ListMetricsCommand({ Namespace: 'A', MetricName: 'm' })));
  await call('pending', () => stubber.assertNoPendingResponses());
  stubber.deactivate();
  await call('deactivated', () => undefined);
  return results;
}

describe('stubber: a call that is not the one expected', () => {
  const inspector = useInspector();

  describe('beside botocore 1.43 (the same scenarios run through botocore.stub.Stubber)', () => {
    let botocore: Record<string, Outcome>;
    let ours: Record<string, Outcome>;
    before(async function () {
      const python = findBotocorePython();
      if (!('command' in python)) {
        console.log(`    skipped: botocore is not available (${python.reasons.join('; ')}).`);
        this.skip();
      }
      const script = fileURLToPath(new URL('./botocore_stubber.py', import.meta.url));
      const run = spawnSync(python.command, [script], { encoding: 'utf8', timeout: 60_000 });
      if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
      botocore = JSON.parse(run.stdout);
      ours = await runOurs(inspector.url);
    });

    it('fails and passes the same calls, with the same error classes, leaving the same number of stubs queued', () => {
      const shape = (results: Record<string, Outcome>) => Object.fromEntries(Object.entries(results).map(([name, { error, pending }]) => [name, { error, pending }]));
      expect(shape(ours)).to.deep.equal(shape(botocore));
    });

    it("words an operation mismatch and an unstubbed call exactly as botocore does", () => {
      for (const scenario of ['operation mismatch', 'nothing queued']) expect(ours[scenario]!.message, scenario).to.equal(botocore[scenario]!.message);
    });

    it("words a parameter mismatch as botocore does, parameters written as JavaScript rather than Python", () => {
      for (const scenario of ['params mismatch', 'missing param', 'extra param']) {
        const pythonToJs = botocore[scenario]!.message.replace(/\{'(\w+)': /g, '{ $1: ').replace(/, '(\w+)': /g, ', $1: ').replace(/'\}/g, "' }").replace(/\{\}/g, '{}');
        expect(ours[scenario]!.message.split('\nFirst difference')[0], scenario).to.equal(pythonToJs);
      }
    });

    it('says how many responses remain, as botocore does, and names them', () => {
      expect(botocore['pending']!.message).to.equal('1 responses remaining in queue.');
      expect(ours['pending']!.message).to.equal('1 responses remaining in queue: ListMetrics.');
    });
  });

  it('a parameter mismatch is a StubAssertionError with expected and actual (ANY resolved) for a diff, and the first difference named', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addResponse(PutMetricDataCommand, {}, { Namespace: 'App', MetricData: [{ MetricName: 'hits', Value: 1, Timestamp: ANY }] });
    const timestamp = new Date('2026-01-01T00:00:00Z');
    let failure: unknown;
    try {
      await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'hits', Value: 2, Timestamp: timestamp }] }));
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(StubAssertionError).and.instanceOf(StubResponseError);
    const error = failure as StubAssertionError;
    expect(error.operationName).to.equal('PutMetricData');
    expect(error.message).to.equal(
      [
        'Error getting response stub for operation PutMetricData: Expected parameters:',
        '{',
        "  MetricData: [ { MetricName: 'hits', Timestamp: ANY, Value: 1 } ],",
        "  Namespace: 'App'",
        '},',
        'but received:',
        '{',
        '  MetricData: [',
        "    { MetricName: 'hits', Timestamp: Date(2026-01-01T00:00:00.000Z), Value: 2 }",
        '  ],',
        "  Namespace: 'App'",
        '}',
        'First difference at MetricData[0].Value: expected 1, received 2.',
      ].join('\n'),
    );
    expect(error.expected).to.deep.equal({ Namespace: 'App', MetricData: [{ MetricName: 'hits', Value: 1, Timestamp: timestamp }] });
    expect(error.actual).to.deep.equal({ Namespace: 'App', MetricData: [{ MetricName: 'hits', Value: 2, Timestamp: timestamp }] });
    expect(error.showDiff).to.equal(true);
    expect(inspector.records).to.have.length(0);
  });

  it('ANY matches at any depth; a member set to undefined counts as absent; bytes and dates compare by value', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    const when = new Date('2026-01-01T00:00:00Z');
    stubber.addResponse(PutMetricDataCommand, {}, { Namespace: 'App', MetricData: [{ MetricName: ANY, Value: 1, Timestamp: new Date(when) }] });
    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'anything', Value: 1, Timestamp: when, Unit: undefined }], StrictEntityValidation: undefined }));
    stubber.assertNoPendingResponses();
    expect(() => stubber.addResponse('ListMetrics', {}, ['Namespace'] as any)).to.throw(TypeError, 'expectedParams must be an object');
  });

  it('bytes compare by value, whatever their class (Buffer, Uint8Array)', async () => {
    const lambda = lambdaClient(inspector.url);
    const stubber = new Stubber(lambda).activate();
    stubber.addResponse(InvokeCommand, { StatusCode: 200 }, { FunctionName: 'f', Payload: new TextEncoder().encode('{"a":1}') });
    stubber.addResponse(InvokeCommand, { StatusCode: 200 }, { FunctionName: 'f', Payload: new TextEncoder().encode('{"a":1}') });
    await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{"a":1}') }));
    const failure = await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{"a":2}') })).catch((e: Error) => e);
    expect(failure).to.be.instanceOf(StubAssertionError);
    expect((failure as Error).message).to.contain('First difference at Payload: expected Uint8Array(7) <7b 22 61 22 3a 31 7d>, received Uint8Array(7) <7b 22 61 22 3a 32 7d>.');
  });

  it('the queue is not consumed by a failed call: the right call afterwards gets the stub', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addResponse(ListMetricsCommand, { NextToken: 'right' }, { Namespace: 'A' });
    const wrong = await cw.send(new ListMetricsCommand({ Namespace: 'B' })).catch((e: Error) => e);
    expect(wrong).to.be.instanceOf(StubAssertionError);
    expect((await cw.send(new ListMetricsCommand({ Namespace: 'A' }))).NextToken).to.equal('right');
    const extra = await cw.send(new ListMetricsCommand({ Namespace: 'A' })).catch((e: Error) => e);
    expect(extra).to.be.instanceOf(UnStubbedResponseError).and.instanceOf(StubResponseError);
    expect(stubber.calls.map((c) => c.params)).to.deep.equal([{ Namespace: 'B' }, { Namespace: 'A' }, { Namespace: 'A' }]);
  });

  it('every after-call-error handler sees the stubber\'s error, as it sees any failed call', async () => {
    const cw = cloudWatchClient(inspector.url);
    const seen: unknown[] = [];
    eventsOf(cw).register('after-call-error.cloudwatch', ({ exception }) => {
      seen.push(exception);
    });
    new Stubber(cw).activate();
    const failure = await cw.send(new ListMetricsCommand({})).catch((e: Error) => e);
    expect(failure).to.be.instanceOf(UnStubbedResponseError);
    expect(seen).to.deep.equal([failure]);
  });
});
