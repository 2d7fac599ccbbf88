// The seed's two use cases in strict TypeScript, compiled once per resolution mode (node16, bundler).
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { eventsOf } from '@sdk-events/core';
import { gzipRequestBody } from '@sdk-events/gzip';
import { createTraceIdHandler, withTraceId } from '@sdk-events/trace-id';

const variant: string = process.env.VARIANT ?? 'ts';
const config = {
  region: 'us-east-1',
  endpoint: process.env.INSPECTOR_URL,
  credentials: { accessKeyId: process.env.KEY_ID ?? '', secretAccessKey: process.env.SECRET ?? '' },
};

const cw = new CloudWatchClient(config);
eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
const MetricData: MetricDatum[] = Array.from({ length: 40 }, (_, i) => ({ MetricName: `${variant}-metric-${i}`, Value: i }));
await cw.send(new PutMetricDataCommand({ Namespace: variant, MetricData }));

const lambda = new LambdaClient(config);
eventsOf(lambda).register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id' }));
const output = await withTraceId(variant, () => lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: new TextEncoder().encode('{}') })));
const status: number | undefined = output.StatusCode;
if (status !== 200) throw new Error(`Invoke answered ${status}`);
