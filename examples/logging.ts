// Request/response logging that never leaks a secret: one line per attempt,
// one per call, failures at warn/error.
// Run: npx -y pnpm@10.34.8 exec tsx examples/logging.ts
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { eventsOf } from '@sdk-events/core';
import { loggingPlugin } from '@sdk-events/logging';
import { runIfMain, type Target } from './target.js';

/** What the example logged. */
export interface LoggingExampleResult {
  lines: string[];
  /** Whether any line contains the request's signature or the secret key. */
  leaked: boolean;
}

/** Invokes a function twice, the first attempt of the second call failing (locally), and logs at debug. */
export async function run(target: Target, print: (line: string) => void = () => {}): Promise<LoggingExampleResult> {
  const lines: string[] = [];
  const keep = (...parts: unknown[]) => {
    const line = parts.map(String).join(' ');
    lines.push(line);
    print(line);
  };
  const logger = { debug: keep, info: keep, warn: keep, error: keep };
  const lambda = new LambdaClient(target.clientConfig);
  const events = eventsOf(lambda);
  events.use(loggingPlugin({ logger, level: 'debug' }));
  const signatures: string[] = [];
  events.registerLast('before-send', ({ request }) => {
    const authorization = request.headers['authorization'];
    if (authorization) signatures.push(authorization.slice(authorization.indexOf('Signature=') + 10));
  });

  const FunctionName = process.env.SDK_EVENTS_LAMBDA_FUNCTION ?? 'logging-example';
  await lambda.send(new InvokeCommand({ FunctionName, Payload: new TextEncoder().encode('{"step":1}') }));
  target.inspector?.failNext(1, { status: 500, code: 'ServiceException', message: 'try again' });
  await lambda.send(new InvokeCommand({ FunctionName, Payload: new TextEncoder().encode('{"step":2}') }));

  const secrets = [...signatures, target.clientConfig.credentials?.secretAccessKey].filter((s): s is string => Boolean(s));
  return { lines, leaked: lines.some((line) => secrets.some((secret) => line.includes(secret))) };
}

runIfMain(import.meta.url, async (target) => {
  const { leaked } = await run(target, console.log);
  console.log(leaked ? 'a secret was logged!' : 'no secret in the log');
});
