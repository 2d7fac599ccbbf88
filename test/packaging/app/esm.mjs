// The seed's two use cases as an ESM user writes them, against the installed tarballs.
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { eventsOf } from '@sdk-events/core';
import { gzipRequestBody } from '@sdk-events/gzip';
import { createTraceIdHandler, withTraceId } from '@sdk-events/trace-id';

const variant = 'esm';
const config = {
  region: 'us-east-1',
  endpoint: process.env.INSPECTOR_URL,
  credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET },
};

const cw = new CloudWatchClient(config);
eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
const MetricData = Array.from({ length: 40 }, (_, i) => ({ MetricName: `${variant}-metric-${i}`, Value: i }));
await cw.send(new PutMetricDataCommand({ Namespace: variant, MetricData }));

const lambda = new LambdaClient(config);
eventsOf(lambda).register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id' }));
await withTraceId(variant, () => lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: new TextEncoder().encode('{}') })));
