// A consumer of the built @sdk-events/core (its dist .d.ts, through the package's `exports`), type-checked
// with `skipLibCheck: false` under node16, nodenext and bundler resolution (tsconfig.*.json here) and with
// TypeScript 5.0: see `typecheck:consumer` in the root package.json.
import { Lambda, LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
import { HierarchicalEmitter, UNSIGNED, eventsOf, type CommandHandler } from '@sdk-events/core';

const lambda = eventsOf(new Lambda({}));
lambda.register('after-call.lambda.Invoke', ({ parsed }) => {
  const status: number | undefined = parsed.StatusCode;
  return status;
});
// @ts-expect-error: misspelt operation
lambda.register('after-call.lambda.Invok', () => {});
// @ts-expect-error: exact payload
lambda.register('before-sign.lambda.Invoke', ({ requets }) => requets);
// @ts-expect-error: needs-retry takes seconds
lambda.register('needs-retry', () => 'soon');
lambda.register('choose-signer.lambda', () => UNSIGNED);

const bare = eventsOf<LambdaClient, { InvokeCommand: typeof InvokeCommand }>(new LambdaClient({}));
const logStatus: CommandHandler<'after-call', typeof InvokeCommand> = ({ parsed }) => console.log(parsed.StatusCode);
bare.register('after-call.lambda.Invoke', logStatus);

const jobs = new HierarchicalEmitter<{ 'job-done': { id: string } }>();
jobs.register('job-done', ({ id }) => id);
// @ts-expect-error: not in the map
void jobs.emit('job-gone', { id: 'a' });
