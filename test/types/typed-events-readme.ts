// packages/core/README.md, "Typed events": its examples, type-checked by `pnpm test` (never run).
// The lines the README marks "error" are @ts-expect-error here.
import * as lambdaSdk from '@aws-sdk/client-lambda';
import { InvokeCommand, Lambda, LambdaClient } from '@aws-sdk/client-lambda';
import {
  AliasedEventEmitter,
  HierarchicalEmitter,
  UNSIGNED,
  eventsOf,
  type ClientEvents,
  type CommandHandler,
  type HandlerFor,
} from '@sdk-events/core';

export async function typedEvents(events: AliasedEventEmitter, lambdaClient: LambdaClient): Promise<void> {
  events.register('before-sign.s3.PutObject', ({ request, signingName }) => void [request, signingName]);
  // @ts-expect-error: no such members
  events.register('before-sign.s3.PutObject', ({ parsed, requets }) => {});
  events.register('my-app.custom', (payload) => payload.anything);

  events.register('needs-retry', ({ attempts }) => (attempts < 3 ? 1 : undefined));
  // @ts-expect-error: a number of seconds
  events.register('needs-retry', () => 'soon');
  events.register('choose-signer.s3', () => UNSIGNED);
  // @ts-expect-error: UNSIGNED only
  events.register('choose-signer.s3', () => 'v2');

  const retry: HandlerFor<'needs-retry.lambda.Invoke'> = ({ attempts }) => (attempts < 3 ? 1 : undefined);
  events.register('needs-retry.lambda.Invoke', retry);

  const lambda = eventsOf(new Lambda({}));
  lambda.register('after-call.lambda.Invoke', ({ parsed }) => parsed.StatusCode);
  lambda.register('before-parameter-build.lambda.Invoke', ({ params }) => {
    params.Qualifier = '$LATEST';
  });
  // @ts-expect-error: StatusCode is a number
  lambda.register('before-call.lambda.Invoke', () => ({ StatusCode: '200' }));
  // @ts-expect-error: "Invok" is not an operation of this client
  lambda.register('after-call.lambda.Invok', () => {});

  const events1 = eventsOf<LambdaClient, typeof lambdaSdk>(lambdaClient);
  const events2 = eventsOf<LambdaClient, { InvokeCommand: typeof InvokeCommand }>(lambdaClient);
  const events3: ClientEvents<LambdaClient, typeof lambdaSdk> = eventsOf(lambdaClient);
  for (const typed of [events1, events2, events3]) typed.register('after-call.lambda.Invoke', ({ parsed }) => parsed.StatusCode);

  const logStatus: CommandHandler<'after-call', typeof InvokeCommand> = ({ parsed }) => console.log(parsed.StatusCode);
  eventsOf(new Lambda({})).register('after-call.lambda.Invoke', logStatus);

  lambda.register<string>('after-call.s3.GetObject', ({ parsed }) => parsed);
  const widened: AliasedEventEmitter = eventsOf(lambdaClient);
  widened.register('after-call.s3.GetObject', ({ parsed }) => parsed);

  type JobEvents = {
    'job-started': { id: string; at: Date };
    'job-done': { id: string; ok: boolean };
  };
  const jobs = new HierarchicalEmitter<JobEvents>();
  jobs.register('job-done.nightly', ({ id, ok }) => console.log(id, ok));
  // @ts-expect-error: not in the map
  jobs.register('job-finished', () => {});
  await jobs.emit('job-started', { id: 'a', at: new Date() });
  // @ts-expect-error: the payload is required
  await jobs.emit('job-started');
}
