// A test file as a user writes one: mocha + chai + @sdk-events/stubber, testing code that
// calls DynamoDB (through the document client) and CloudWatch. The clients are real; their
// serializers, signers, retries and parsers run; nothing goes on the network.
// In this repository `pnpm test` runs it with the tests (.mocharc.json lists examples/**/*.test.ts).
import { expect } from 'chai';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ANY, Stubber, StubAssertionError } from '@sdk-events/stubber';

// ---- the code under test ------------------------------------------------------------------

interface User {
  id: string;
  name: string;
}

/** Stores a new user (never overwriting one) and counts the signup. */
export async function registerUser(doc: DynamoDBDocumentClient, cw: CloudWatchClient, user: User): Promise<'created' | 'exists'> {
  try {
    await doc.send(new PutCommand({ TableName: 'Users', Item: { ...user }, ConditionExpression: 'attribute_not_exists(id)' }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'exists';
    throw error;
  }
  await cw.send(new PutMetricDataCommand({ Namespace: 'Signup', MetricData: [{ MetricName: 'users', Value: 1, Unit: 'Count' }] }));
  return 'created';
}

// ---- its tests ------------------------------------------------------------------------------

describe('example: registerUser, tested with @sdk-events/stubber', () => {
  // Any credentials will do: stubbed outputs are never signed, HTTP stubs are signed and never sent.
  const config = { region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  let doc: DynamoDBDocumentClient;
  let cw: CloudWatchClient;
  let users: Stubber;
  let metrics: Stubber;

  beforeEach(() => {
    doc = DynamoDBDocumentClient.from(new DynamoDBClient(config));
    cw = new CloudWatchClient(config);
    users = new Stubber(doc).activate();
    metrics = new Stubber(cw).activate();
  });

  afterEach(() => {
    users.deactivate();
    metrics.deactivate();
  });

  it('stores a new user, as plain values, and counts it', async () => {
    users.addResponse(PutCommand, {}, { TableName: 'Users', Item: { id: 'u1', name: 'Ada' }, ConditionExpression: ANY });
    metrics.addResponse(PutMetricDataCommand, {}, { Namespace: 'Signup', MetricData: [{ MetricName: 'users', Value: 1, Unit: 'Count' }] });

    expect(await registerUser(doc, cw, { id: 'u1', name: 'Ada' })).to.equal('created');

    users.assertNoPendingResponses();
    metrics.assertNoPendingResponses();
  });

  it('tells an existing user apart by the modelled exception, and counts nothing', async () => {
    users.addClientError(PutCommand, { code: 'ConditionalCheckFailedException', message: 'The conditional request failed' });

    expect(await registerUser(doc, cw, { id: 'u1', name: 'Ada' })).to.equal('exists');

    expect(metrics.calls).to.deep.equal([]);
  });

  it('gets through a CloudWatch 500: the SDK retries, the second attempt succeeds', async () => {
    users.addResponse(PutCommand, {});
    metrics.addHttpResponse(PutMetricDataCommand, { statusCode: 500 });
    metrics.addHttpResponse(PutMetricDataCommand, { statusCode: 200, body: '{}' });

    expect(await registerUser(doc, cw, { id: 'u2', name: 'Grace' })).to.equal('created');

    metrics.assertNoPendingResponses();
  });

  it('a call with other parameters than expected fails the test with both shown', async () => {
    users.addResponse(PutCommand, {}, { TableName: 'Users', Item: { id: 'u3', name: 'Alan' }, ConditionExpression: ANY });

    const failure = await registerUser(doc, cw, { id: 'u3', name: 'Alan T.' }).catch((error: unknown) => error);

    expect(failure).to.be.instanceOf(StubAssertionError);
    expect((failure as Error).message).to.contain("First difference at Item.name: expected 'Alan', received 'Alan T.'.");
  });

  it('`using` scopes a stubber to a block', async () => {
    const other = new CloudWatchClient(config);
    {
      using stubber = new Stubber(other).activate();
      stubber.addResponse(PutMetricDataCommand, {});
      await other.send(new PutMetricDataCommand({ Namespace: 'Scoped', MetricData: [] }));
    }
    // Deactivated here: the next call would go to CloudWatch.
  });
});
