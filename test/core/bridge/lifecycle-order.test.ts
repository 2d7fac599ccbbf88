import { expect } from 'chai';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { eventsOf, UNSIGNED } from '@sdk-events/core';
import type { Inspector } from '@sdk-events/inspector';
import { useInspector } from '../../helpers/inspector.js';
import { lambdaClient } from '../../helpers/clients.js';
import { botocoreLifecycle, findBotocorePython, recordLifecycle } from './lifecycle.js';

const ATTEMPT = ['request-created', 'choose-signer', 'before-sign', 'before-send', 'before-parse', 'response-received', 'needs-retry'];
const CALL_START = ['provide-client-params', 'before-parameter-build', 'before-call'];

/** Each scenario: how to set it up on our side and the SPEC's order for it. */
const scenarios: Record<string, { setup(inspector: Inspector, events: ReturnType<typeof eventsOf>): void; spec: string[] }> = {
  success: { setup() {}, spec: [...CALL_START, ...ATTEMPT, 'after-call'] },
  retry: {
    setup: (inspector) => inspector.failNext(1, { status: 500, code: 'ServiceException' }),
    spec: [...CALL_START, ...ATTEMPT, ...ATTEMPT, 'after-call'],
  },
  failure: {
    setup: (inspector) => inspector.failNext(1, { status: 400, code: 'InvalidParameterValueException' }),
    spec: [...CALL_START, ...ATTEMPT, 'after-call-error'],
  },
  'before-call': {
    setup: (_, events) => events.register('before-call.lambda.Invoke', () => ({ StatusCode: 200, $metadata: {} })),
    spec: [...CALL_START, 'after-call'],
  },
  'before-send': {
    setup: (_, events) => events.register('before-send.lambda.Invoke', () => ({ statusCode: 200, body: '{}' })),
    spec: [...CALL_START, ...ATTEMPT, 'after-call'],
  },
  'needs-retry': {
    setup: (_, events) => events.registerFirst('needs-retry.lambda.Invoke', ({ attempts }) => (attempts === 1 ? 0.01 : undefined)),
    spec: [...CALL_START, ...ATTEMPT, ...ATTEMPT, 'after-call'],
  },
  unsigned: {
    setup: (_, events) => events.register('choose-signer.lambda.Invoke', () => UNSIGNED),
    spec: [...CALL_START, ...ATTEMPT, 'after-call'],
  },
};

/**
 * A handler that throws in each event type: the events up to it, then `after-call-error`.
 * After a failure in a pre-send event or in `before-parse` there is no response to judge:
 * no `response-received`, no `needs-retry`; a failure in `before-send` is judged.
 */
const ALL = [...CALL_START, ...ATTEMPT, 'after-call'];
const JUDGED_AFTER = new Set(['before-send']);
for (const type of ALL) {
  const upTo = ALL.slice(0, ALL.indexOf(type) + 1);
  const judged = JUDGED_AFTER.has(type) ? ['response-received', 'needs-retry'] : [];
  scenarios[`throws-in-${type}`] = {
    setup: (_, events) =>
      events.register(`${type}.lambda.Invoke`, () => {
        throw new Error(`thrown in ${type}`);
      }),
    spec: [...upTo, ...judged, 'after-call-error'],
  };
}

/**
 * Where the SPEC departs from botocore 1.43 on purpose: it emits no `after-call-error` when a
 * handler fails in a call-level event (SPEC: every failed call emits `after-call-error`).
 */
const NO_AFTER_CALL_ERROR_IN_BOTOCORE = new Set(['provide-client-params', 'before-parameter-build', 'before-call', 'after-call'].map((type) => `throws-in-${type}`));

describe('bridge: lifecycle order', () => {
  const inspector = useInspector();

  async function ourOrder(name: string): Promise<string[]> {
    const client = lambdaClient(inspector.url, { retryStrategy: undefined, maxAttempts: 3 });
    const events = eventsOf(client);
    const seen = recordLifecycle(events, '.lambda.Invoke');
    scenarios[name]!.setup(inspector, events);
    await client.send(new InvokeCommand({ FunctionName: 'probe', Payload: new TextEncoder().encode('{"x":1}') })).catch(() => {});
    return seen;
  }

  for (const name of Object.keys(scenarios)) {
    it(`${name}: the SPEC's order`, async () => {
      expect(await ourOrder(name)).to.deep.equal(scenarios[name]!.spec);
    });

    it(`${name}: botocore's order`, async function () {
      const python = await findBotocorePython();
      if (!python) return this.skip(); // CI installs python3-botocore; see .ci/run
      scenarios[name]!.setup(inspector, { register() {}, registerFirst() {} } as never);
      const theirs = await botocoreLifecycle(python, inspector.url, name);
      inspector.clear();
      // A botocore without before-parse (Debian's 1.29) cannot fail in it; 1.43 matches the SPEC's order.
      if (name === 'throws-in-before-parse' && !theirs.includes('before-parse')) return this.skip();
      const ours = await ourOrder(name);
      // botocore emits after-call for an error response too; the SPEC names that after-call-error.
      let expected = name === 'failure' ? theirs.map((t) => (t === 'after-call' ? 'after-call-error' : t)) : theirs;
      if (NO_AFTER_CALL_ERROR_IN_BOTOCORE.has(name)) expected = [...expected, 'after-call-error'];
      // Debian's botocore (1.29) predates before-parse; compare the rest.
      const comparable = expected.includes('before-parse') ? ours : ours.filter((t) => t !== 'before-parse');
      expect(comparable).to.deep.equal(expected);
    });
  }
});
