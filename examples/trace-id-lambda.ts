// The seed's second snippet, in TypeScript: an x-trace-id header on Lambda Invoke.
//   lambda_client.meta.events.register('before-sign.lambda.Invoke', add_trace_id)
// Run: npx -y pnpm@10.34.8 exec tsx examples/trace-id-lambda.ts
// Against real AWS, name a function you own: SDK_EVENTS_LAMBDA_FUNCTION=my-function.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { eventsOf } from '@sdk-events/core';
import { createTraceIdHandler } from '@sdk-events/trace-id';
import { runIfMain, type Target } from './target.js';
import { meterWire } from './wire-meter.js';

/** What the example observed. */
export interface TraceIdExampleResult {
  header: string | undefined;
  /** From the inspector: the header arrived, is among the signed headers, and the signature verifies. */
  verified?: { arrived: string | undefined; signed: boolean; signatureValid: boolean; problems: string[] };
}

/** Invokes a function with `x-trace-id: trace-trace` added before signing. */
export async function run(target: Target): Promise<TraceIdExampleResult> {
  const lambda = new LambdaClient(target.clientConfig);
  const events = eventsOf(lambda);
  events.register('before-sign.lambda.Invoke', createTraceIdHandler({ header: 'x-trace-id', value: 'trace-trace' }));
  const wire = meterWire(events, 'before-send.lambda.Invoke');

  const before = target.inspector?.records.length ?? 0;
  const FunctionName = process.env.SDK_EVENTS_LAMBDA_FUNCTION ?? 'seed-example';
  await lambda.send(new InvokeCommand({ FunctionName, Payload: new TextEncoder().encode('{"hello":"events"}') }));

  const result: TraceIdExampleResult = { header: wire[0]?.headers['x-trace-id'] };
  const record = target.inspector?.records[before];
  if (record) {
    result.verified = {
      arrived: record.headers['x-trace-id'],
      signed: record.signature.signedHeaders.includes('x-trace-id'),
      signatureValid: record.signature.valid,
      problems: record.problems,
    };
  }
  return result;
}

runIfMain(import.meta.url, async (target) => {
  console.log(await run(target));
});
