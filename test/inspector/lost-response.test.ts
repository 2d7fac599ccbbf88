import { expect } from 'chai';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { useInspector } from '../helpers/inspector.js';
import { cloudWatchClient } from '../helpers/clients.js';

describe('inspector: loseResponseNext (a request accepted, its answer lost)', () => {
  const inspector = useInspector();

  it('handles the request, closes the connection instead of answering; the SDK retries, the service got it twice', async () => {
    const client = cloudWatchClient(inspector.url);
    inspector.loseResponseNext(1, { operation: 'PutMetricData' });
    const output = await client.send(new PutMetricDataCommand({ Namespace: 'lost', MetricData: [{ MetricName: 'm', Value: 1 }] }));
    expect(output.$metadata.attempts).to.equal(2);
    expect(inspector.records.map((r) => [r.status, r.responseLost ?? false])).to.deep.equal([
      [200, true],
      [200, false],
    ]);
    expect(inspector.records[0]!.decodedBody.equals(inspector.records[1]!.decodedBody)).to.equal(true);
  });

  it('matches by operation and service; clear() forgets what is queued', async () => {
    const client = cloudWatchClient(inspector.url);
    inspector.loseResponseNext(1, { service: 's3' });
    await client.send(new PutMetricDataCommand({ Namespace: 'lost', MetricData: [{ MetricName: 'm', Value: 1 }] }));
    expect(inspector.records.map((r) => r.responseLost ?? false)).to.deep.equal([false]);
    inspector.clear();
    inspector.loseResponseNext(1);
    inspector.clear();
    await client.send(new PutMetricDataCommand({ Namespace: 'lost', MetricData: [{ MetricName: 'm', Value: 1 }] }));
    expect(inspector.records.map((r) => r.responseLost ?? false)).to.deep.equal([false]);
  });

  it('rejects bad arguments with a TypeError naming them', () => {
    expect(() => inspector.loseResponseNext(0)).to.throw(TypeError, /count must be a positive integer/);
    expect(() => inspector.loseResponseNext(1, { operaton: 'x' } as never)).to.throw(TypeError, /unknown member 'operaton'/);
    expect(() => inspector.loseResponseNext(1, { service: '' })).to.throw(TypeError, /match.service must be a non-empty string/);
  });
});
