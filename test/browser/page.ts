// The page the browser test loads, bundled by esbuild for the browser: the seed's two use
// cases, gzip on CloudWatch PutMetricData and x-trace-id on Lambda Invoke, with the packages
// as a browser app gets them (the `browser` condition), sent to the inspector cross-origin.
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { eventsOf } from '@sdk-events/core';
import { gzipRequestBody } from '@sdk-events/gzip';
import { createTraceIdHandler, withTraceId } from '@sdk-events/trace-id';

/** What the page reports back to the test. */
export interface PageResult {
  putMetricData: { status?: number; requestId?: string };
  invoke: { status?: number };
  withTraceIdError: string;
}

async function run(): Promise<PageResult> {
  const params = new URLSearchParams((globalThis as unknown as { location: { search: string } }).location.search);
  const endpoint = params.get('endpoint')!;
  const config = {
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: params.get('key')!, secretAccessKey: params.get('secret')! },
  };

  const cw = new CloudWatchClient({ ...config, disableRequestCompression: true });
  eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
  // About 4 KB of JSON: above gzip's 1 KiB minimum.
  const MetricData = Array.from({ length: 40 }, (_, i) => ({ MetricName: `browser-metric-${i}`, Value: i, Unit: 'Count' as const }));
  const put = await cw.send(new PutMetricDataCommand({ Namespace: 'Browser', MetricData }));

  const lambda = new LambdaClient(config);
  eventsOf(lambda).register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id', value: 'trace-trace' }));
  const invoke = await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: new TextEncoder().encode('{"from":"browser"}') }));

  let withTraceIdError = '';
  try {
    withTraceId('scoped', () => undefined);
  } catch (error) {
    withTraceIdError = String((error as Error).message);
  }
  return {
    putMetricData: { status: put.$metadata.httpStatusCode, requestId: put.$metadata.requestId },
    invoke: { status: invoke.StatusCode },
    withTraceIdError,
  };
}

const done = run().then(
  (result) => ({ ok: true as const, result }),
  (error: unknown) => ({ ok: false as const, error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error) }),
);
(globalThis as { sdkEventsResult?: unknown }).sdkEventsResult = done;
