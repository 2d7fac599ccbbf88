// Sends PutMetricData through two real CloudWatch clients (cacheMiddleware on, a
// stub request handler, no network): N rounds of 4 calls on client a, then 4 on
// client b. MODE picks who has the bench's 13 handlers (3 match): plain (nobody),
// mixed (b only), bridge (both). Run by count.sh under valgrind; needs `pnpm build`.
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { HttpResponse } from '@smithy/protocol-http';
import { eventsOf } from '@sdk-events/core';

const MODES = { plain: 0, mixed: 1, bridge: 2 };
const mode = process.env.MODE ?? '';
const rounds = Number(process.env.N);
if (!(mode in MODES) || !(rounds >= 0)) throw new Error('usage: MODE=plain|mixed|bridge N=<rounds> node calls.mjs');

const EMPTY_JSON = new TextEncoder().encode('{}');
const stub = {
  async handle() {
    const headers = { 'content-type': 'application/x-amz-json-1.0', 'content-length': '2', 'x-amzn-requestid': 'r' };
    return { response: new HttpResponse({ statusCode: 200, headers, body: EMPTY_JSON }) };
  },
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
};
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const client = () => new CloudWatchClient({ region: 'us-east-1', credentials, requestHandler: stub, cacheMiddleware: true });
const a = client();
const b = client();

// The 13 registrations of bench/sections/bridge-contenders.ts, repeated: this file is plain JavaScript so
// that node runs it under valgrind without a TypeScript loader (whose worker thread
// --single-threaded rules out).
const MATCHING = ['before-sign.cloudwatch.PutMetricData', 'before-send.cloudwatch', 'after-call'];
const OTHERS = ['before-sign.s3', 'after-call.lambda.Invoke', 'needs-retry.ec2', 'before-send.s3.PutObject', 'request-created.lambda',
  'before-call.dynamodb.GetItem', 'provide-client-params.sqs', 'before-parse.sns.Publish', 'response-received.kinesis', 'choose-signer.sts'];
for (const bridged of [b, a].slice(0, MODES[mode])) {
  const events = eventsOf(bridged);
  for (const name of [...MATCHING, ...OTHERS]) events.register(name, () => {});
}

const timestamp = new Date(Date.UTC(2024, 0, 1));
const input = {
  Namespace: 'Shop/Checkout',
  MetricData: ['Latency', 'Latency', 'Requests', 'Errors', 'Throttles'].map((name, i) => ({
    MetricName: name,
    Dimensions: [{ Name: 'Service', Value: 'checkout' }, { Name: 'Stage', Value: i === 1 ? 'canary' : 'prod' }],
    Timestamp: timestamp,
    Value: i,
    Unit: 'Count',
  })),
};
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < 4; i++) await a.send(new PutMetricDataCommand(input));
  for (let i = 0; i < 4; i++) await b.send(new PutMetricDataCommand(input));
}
