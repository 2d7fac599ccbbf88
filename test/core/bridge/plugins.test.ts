import { expect } from 'chai';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { eventsOf } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { attemptCounterPlugin } from '../../fixtures/plugin-package/index.js';
import { lambdaClient } from '../../helpers/clients.js';

describe('bridge: plugins from other packages', () => {
  const inspector = useInspector();

  it('a plugin package registers through events.use, once per name, on retries too', async () => {
    const counts = new Map<string, number>();
    const lambda = lambdaClient(inspector.url);
    const events = eventsOf(lambda);
    expect(events.use(attemptCounterPlugin(counts))).to.equal(events);
    events.use(attemptCounterPlugin(counts));
    inspector.failNext(1, { status: 500, code: 'ServiceException' });
    await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: new TextEncoder().encode('{}') }));
    expect([...counts]).to.deep.equal([['lambda.Invoke', 2]]);
    expect(inspector.records).to.have.length(2);
  });
});
