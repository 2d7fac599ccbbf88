// Type tests for the stubber: checked by `tsc -p test/tsconfig.json`, never run.
// Each `@ts-expect-error` line must be an error; everything else must compile.
import { CloudWatchClient, ListMetricsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ANY, Stubber, type StubbedCall } from '@sdk-events/stubber';

declare function expectType<T>(value: T): void;

const stubber = new Stubber(new CloudWatchClient({}));

// A command class types the output and the expected params.
stubber.addResponse(ListMetricsCommand, { Metrics: [{ MetricName: 'm' }], NextToken: 't' }, { Namespace: 'App', MetricName: ANY });
stubber.addResponse(ListMetricsCommand, { Metrics: [], $metadata: { requestId: 'r' } });
// @ts-expect-error: ListMetrics has no output member Metric
stubber.addResponse(ListMetricsCommand, { Metric: [] });
// @ts-expect-error: NextToken is a string
stubber.addResponse(ListMetricsCommand, { NextToken: 1 });
// @ts-expect-error: ListMetrics has no input member Namespaces
stubber.addResponse(ListMetricsCommand, {}, { Namespaces: 'App' });
// ANY at any depth.
stubber.addResponse(PutMetricDataCommand, {}, { Namespace: 'App', MetricData: [{ MetricName: ANY, Value: 1 }] });
stubber.addResponse(PutMetricDataCommand, {}, { MetricData: ANY });
// @ts-expect-error: Value is a number
stubber.addResponse(PutMetricDataCommand, {}, { MetricData: [{ MetricName: 'm', Value: 'one' }] });

// By name: any output, any params.
stubber.addResponse('ListMetrics', { Anything: 1 }, { Namespace: ANY });

stubber.addClientError(ListMetricsCommand, { code: 'ResourceNotFound', message: 'm', httpStatusCode: 404, expectedParams: { Namespace: 'App' } });
// @ts-expect-error: the code is required
stubber.addClientError('ListMetrics', { message: 'm' });
// @ts-expect-error: expected params are typed by the command class
stubber.addClientError(ListMetricsCommand, { code: 'X', expectedParams: { Nope: 1 } });

stubber.addHttpResponse(PutMetricDataCommand, { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{}' }, { Namespace: 'App' });
// @ts-expect-error: headers are strings
stubber.addHttpResponse('PutMetricData', { statusCode: 200, headers: { n: 1 } });

// Chaining, activation, disposal.
const active: Stubber = stubber.addResponse('ListMetrics', {}).activate();
active.deactivate();
active.assertNoPendingResponses();
expectType<readonly StubbedCall[]>(active.calls);
expectType<string>(active.calls[0]!.operation);
// @ts-expect-error: calls is read-only
active.calls = [];

function scoped() {
  using scopedStubber = new Stubber(new CloudWatchClient({})).activate();
  scopedStubber.addResponse('ListMetrics', {});
}
scoped();

// The document client's commands type its plain values.
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
new Stubber(doc).addResponse(GetCommand, { Item: { id: 'x', n: 1 } }, { TableName: 'T', Key: { id: ANY } });
