// The seed's two use cases as a CommonJS user writes them (require of ESM: Node 20.19+, 22.12+).
const { CloudWatchClient, PutMetricDataCommand } = require('@aws-sdk/client-cloudwatch');
const { InvokeCommand, LambdaClient } = require('@aws-sdk/client-lambda');
const { eventsOf } = require('@sdk-events/core');
const { gzipRequestBody } = require('@sdk-events/gzip');
const { createTraceIdHandler, withTraceId } = require('@sdk-events/trace-id');

const variant = 'cjs';
const config = {
  region: 'us-east-1',
  endpoint: process.env.INSPECTOR_URL,
  credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET },
};

async function main() {
  const cw = new CloudWatchClient(config);
  eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
  const MetricData = Array.from({ length: 40 }, (_, i) => ({ MetricName: `${variant}-metric-${i}`, Value: i }));
  await cw.send(new PutMetricDataCommand({ Namespace: variant, MetricData }));

  const lambda = new LambdaClient(config);
  eventsOf(lambda).register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id' }));
  await withTraceId(variant, () => lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: new TextEncoder().encode('{}') })));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
