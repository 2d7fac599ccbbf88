// sendPartOfCall: a handler sends parts of the call it handles; to other handlers it stays one call.
import { expect } from 'chai';
import { PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { HttpRequest } from '@smithy/protocol-http';
import { eventsOf, LIFECYCLE_EVENT_TYPES, sendPartOfCall } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { cloudWatchClient } from '../../helpers/clients.js';

const metrics = (count: number): MetricDatum[] => Array.from({ length: count }, (_, i) => ({ MetricName: `m${i}`, Value: i }));

describe('bridge: sendPartOfCall', () => {
  const inspector = useInspector();

  for (const cacheMiddleware of [false, true]) {
    it(`a before-call handler sends the call in parts: call-level events once, per-attempt events per part (cacheMiddleware: ${cacheMiddleware})`, async () => {
      const client = cloudWatchClient(inspector.url, { cacheMiddleware });
      const events = eventsOf(client);
      const seen: string[] = [];
      for (const type of LIFECYCLE_EVENT_TYPES) events.registerFirst(`${type}.cloudwatch.PutMetricData`, () => void seen.push(type));
      const contexts = new Set<object>();
      events.register('request-created.cloudwatch', ({ context }) => void contexts.add(context));
      let measured: unknown;
      events.registerFirst('before-call.cloudwatch.PutMetricData', async ({ params, context }) => {
        contexts.add(context);
        measured = await sendPartOfCall(context, params, { dryRun: true });
        const data = params.MetricData as MetricDatum[];
        for (const chunk of [data.slice(0, 2), data.slice(2)]) {
          const output = await sendPartOfCall(context, { ...params, MetricData: chunk });
          expect(output.$metadata.httpStatusCode).to.equal(200);
        }
        return {};
      });
      const output = await client.send(new PutMetricDataCommand({ Namespace: 'parts', MetricData: metrics(5) }));

      expect(inspector.records.map((record) => record.metricCount)).to.deep.equal([2, 3]);
      for (const record of inspector.records) expect(record.problems).to.deep.equal([]);
      expect(output.$metadata).to.include({ httpStatusCode: 200, attempts: 2 });
      const count = (type: string) => seen.filter((t) => t === type).length;
      for (const type of ['provide-client-params', 'before-parameter-build', 'before-call', 'after-call']) expect(count(type), type).to.equal(1);
      for (const type of ['request-created', 'choose-signer', 'before-sign', 'before-send', 'before-parse', 'response-received', 'needs-retry']) {
        expect(count(type), type).to.equal(2);
      }
      expect(count('after-call-error')).to.equal(0);
      // One call to handlers: the same context in the call's events and its parts'.
      expect(contexts.size).to.equal(1);
      // The dry run: the request as serialized, nothing sent, no event.
      expect(HttpRequest.isInstance(measured)).to.equal(true);
      expect(new TextDecoder().decode((measured as HttpRequest).body)).to.include('m4');
    });
  }

  it('a part that fails fails the call: after-call-error once', async () => {
    const client = cloudWatchClient(inspector.url, { maxAttempts: 1 });
    const events = eventsOf(client);
    const errors: unknown[] = [];
    events.register('after-call-error.cloudwatch', ({ exception }) => void errors.push(exception));
    events.register('before-call.cloudwatch.PutMetricData', async ({ params, context }) => {
      await sendPartOfCall(context, params);
      return {};
    });
    inspector.failNext(1, { status: 400, code: 'InvalidParameterValue' });
    const failure = await client.send(new PutMetricDataCommand({ Namespace: 'parts', MetricData: metrics(1) })).catch((error: unknown) => error);
    expect(failure).to.have.property('name').that.matches(/^InvalidParameterValue/);
    expect(errors).to.deep.equal([failure]);
  });

  it('bad arguments are TypeErrors naming what was wrong', async () => {
    const error = await sendPartOfCall({} as never, {}).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError).with.property('message').that.matches(/sendPartOfCall: the context must be/);
  });
});
