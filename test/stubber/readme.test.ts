// The examples of packages/stubber/README.md, run as written (imports aside), so the README cannot drift.
import { expect } from 'chai';
import { CloudWatchClient, ListMetricsCommand, PutMetricDataCommand, ResourceNotFound } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ANY, Stubber, type OutputOf } from '@sdk-events/stubber';

describe('stubber: the README examples', () => {
  it('Example', async () => {
    // Any credentials do: output and error stubs are not signed; HTTP stubs are signed, never sent.
    const cw = new CloudWatchClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    let attempts: number | undefined;
    {
      using stubber = new Stubber(cw).activate();
      stubber.addResponse(ListMetricsCommand, { Metrics: [] }, { Namespace: 'App' });
      stubber.addClientError('ListMetrics', { code: 'ResourceNotFound', message: 'gone' });
      stubber.addHttpResponse(PutMetricDataCommand, { statusCode: 500 });
      stubber.addHttpResponse(PutMetricDataCommand, { statusCode: 200, body: '{}' }, { Namespace: 'App', MetricData: ANY });

      const listed = await cw.send(new ListMetricsCommand({ Namespace: 'App' })); // { Metrics: [], $metadata: {…} }
      expect(listed.Metrics).to.deep.equal([]);
      expect(listed.$metadata).to.be.an('object');
      expect(await cw.send(new ListMetricsCommand({})).catch((e) => e instanceof ResourceNotFound)).to.equal(true);
      const out = await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'hits', Value: 1 }] }));
      attempts = out.$metadata.attempts; // 2: the SDK retried the 500
      stubber.assertNoPendingResponses();
    } // deactivated here
    expect(attempts).to.equal(2);
  });

  it('API snippets compile and queue what they say', () => {
    const config = { region: 'us-east-1' };
    const [ddb, cw, lambda, s3] = [new DynamoDBClient(config), new CloudWatchClient(config), new LambdaClient(config), new S3Client(config)].map((c) => new Stubber(c));
    ddb!.addResponse(GetItemCommand, { Item: { id: { S: 'a' } } }, { TableName: 'T', Key: ANY });
    cw!.addResponse('ListMetrics', { Metrics: [] });
    lambda!.addClientError(GetFunctionCommand, { code: 'ResourceNotFoundException', message: 'Function not found', httpStatusCode: 404 });
    ddb!.addClientError(PutItemCommand, { code: 'ConditionalCheckFailedException', response: { Item: { id: { S: 'a' } } } });
    s3!.addHttpResponse(GetObjectCommand, {
      statusCode: 200,
      headers: { 'content-type': 'text/plain', 'x-amz-checksum-crc32': 'NhCmhg==' },
      body: 'hello',
    });
    const page: OutputOf<typeof ListMetricsCommand> = { Metrics: [] };
    cw!.addResponse(ListMetricsCommand, page);
    expect(() => ddb!.assertNoPendingResponses()).to.throw('2 responses remaining in queue: GetItem, PutItem.');
    expect(() => cw!.assertNoPendingResponses()).to.throw('2 responses remaining in queue: ListMetrics, ListMetrics.');
  });
});
