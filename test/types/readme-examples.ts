// The top-level README's TypeScript examples, type-checked by `pnpm test` (tsc -p test/tsconfig.json)
// so the README cannot drift from the API. Not run: the calls would need an endpoint.
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { gzipSync } from 'node:zlib';
import {
  AliasedEventEmitter,
  attachEvents,
  eventsOf,
  firstNonNullResponse,
  HierarchicalEmitter,
  UNSIGNED,
  type LifecycleEventMap,
} from '@sdk-events/core';
import { gzipPlugin, gzipRequestBody } from '@sdk-events/gzip';
import { loggingPlugin } from '@sdk-events/logging';
import { payloadGuardPlugin } from '@sdk-events/payload-guard';
import { createTraceIdHandler, traceIdPlugin, withTraceId } from '@sdk-events/trace-id';

export async function quickStart() {
  const cwClient = new CloudWatchClient({});
  eventsOf(cwClient).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
  await cwClient.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 1 }] }));

  const lambdaClient = new LambdaClient({});
  eventsOf(lambdaClient).register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id', value: 'trace-trace' }));
  await lambdaClient.send(new InvokeCommand({ FunctionName: 'my-function' }));
  eventsOf(lambdaClient).register('before-sign.lambda.Invoke', ({ request }) => {
    request.headers['x-trace-id'] = 'trace-trace';
  });
}

export async function theEmitter() {
  const events = new HierarchicalEmitter();
  events.register('needs-retry.lambda', async ({ attempts }) => (attempts < 3 ? 0.5 : undefined));
  events.registerFirst('needs-retry', ({ eventName }) => console.log('asked', eventName));
  const responses = await events.emit('needs-retry.lambda.Invoke', { attempts: 1 });
  return firstNonNullResponse(responses); // 0.5
}

export function porting(cw: CloudWatchClient, lambda: LambdaClient, s3: S3Client) {
  eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
  eventsOf(lambda).register('before-sign.lambda.Invoke', ({ request }) => {
    request.headers['x-trace-id'] = 'trace-trace';
  });
  eventsOf(lambda).register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id', value: 'trace-trace' }));
  eventsOf(s3).register('choose-signer.s3', () => UNSIGNED);
  eventsOf(s3).register('choose-signer.s3.GetObject', () => UNSIGNED);
  eventsOf(lambda).register('needs-retry', ({ attempts }) => (attempts < 3 ? 1 : undefined));
  const events = new AliasedEventEmitter();
  attachEvents(cw, events);
  attachEvents(lambda, events);

  // What gzipRequestBody does at its simplest.
  const gzipBody = ({ request }: LifecycleEventMap['before-sign']) => {
    const body = gzipSync(request.body as Uint8Array);
    request.headers['content-encoding'] = 'gzip';
    request.headers['content-length'] = String(body.byteLength);
    request.body = body;
  };
  eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipBody);
}

export async function handlersThatShip(cw: CloudWatchClient, command: PutMetricDataCommand) {
  eventsOf(cw)
    .use(gzipPlugin())
    .use(traceIdPlugin())
    .use(loggingPlugin({ logger: console }))
    .use(payloadGuardPlugin());
  await withTraceId('checkout-42', () => cw.send(command));
}

// packages/core/README.md, "The bridge".
export function coreBridge() {
  const cw = new CloudWatchClient({});
  const events = eventsOf(cw);
  events.register('before-sign.cloudwatch.PutMetricData', ({ request }) => {
    request.headers['x-trace-id'] = 'trace-trace';
  });
  events.register('after-call.cloudwatch', ({ model, parsed }) => console.log(model.name, parsed.$metadata.httpStatusCode));
  const session = new AliasedEventEmitter();
  attachEvents(new LambdaClient({}), session);
  attachEvents(new CloudWatchClient({}), session);
  session.register('choose-signer.lambda', () => UNSIGNED);
}
