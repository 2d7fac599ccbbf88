// @sdk-events/core README's examples of the bridge, type-checked by `pnpm test` (never run).
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { HttpRequest } from '@smithy/protocol-http';
import { AliasedEventEmitter, HierarchicalEmitter, attachEvents, eventsOf, sendPartOfCall, UNSIGNED, type EventPayload } from '@sdk-events/core';

declare function same<A, B>(proof: (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false): void;

export async function examples(): Promise<void> {
  const ddb = new DynamoDBClient({});
  const doc = DynamoDBDocumentClient.from(ddb);
  const same1: boolean = eventsOf(doc) === eventsOf(ddb);
  void same1;
  attachEvents(doc, new AliasedEventEmitter());

  const s3 = new S3Client({});
  eventsOf(s3).register('before-sign.s3.GetObject', ({ request, signatureVersion }) => {
    if (signatureVersion === 's3v4-query') request.query['response-content-disposition'] = 'attachment';
  });
  const url: string = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
  void url;

  const anonymous = new S3Client({ credentials: () => Promise.reject(new Error('none')) });
  eventsOf(anonymous).register('choose-signer.s3', () => UNSIGNED);

  eventsOf(s3).register('before-sign.lambda', ({ request }) => {
    delete request.headers['Content-Type'];
    request.headers['Content-Type'] = 'application/json';
  });

  // A CloudWatch name on an emitter typed for no client (an S3 client's emitter types its own operations).
  new AliasedEventEmitter().register('before-call.cloudwatch.PutMetricData', async ({ params, context }) => {
    if (params.MetricData.length <= 1000) return undefined;
    const request = await sendPartOfCall(context, params, { dryRun: true });
    same<typeof request, HttpRequest>(true);
    const output = await sendPartOfCall(context, { ...params, MetricData: params.MetricData.slice(0, 1000) });
    const status: number | undefined = output.$metadata.httpStatusCode;
    void status;
    return {};
  });

  interface AppEvents {
    'cart-updated': EventPayload & { items: number };
  }
  const app = new HierarchicalEmitter<AppEvents>();
  app.register('cart-updated.web', ({ items }) => same<typeof items, number>(true));
  // @ts-expect-error: items is a number
  app.register('cart-updated.web', ({ items }) => items.toUpperCase());
}
