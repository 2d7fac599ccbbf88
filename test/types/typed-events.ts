// Type tests for typed events (issue 18): checked by `tsc -p test/tsconfig.json`, never run.
// Each `@ts-expect-error` line must be an error; every plain assignment is an inference that must hold.
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import * as lambdaModule from '@aws-sdk/client-lambda';
import { InvokeCommand, Lambda, LambdaClient, type InvokeCommandInput, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3, S3Client, type ServiceOutputTypes as S3Outputs } from '@aws-sdk/client-s3';
import {
  AliasedEventEmitter,
  HierarchicalEmitter,
  UNSIGNED,
  eventsOf,
  type ClientEvents,
  type CommandHandler,
  type CommandTypes,
  type EventHandler,
  type EventPayload,
  type EventTyping,
  type HandlerFor,
  type LifecycleEventMap,
  type PayloadFor,
  type SignatureVersion,
  type UnionView,
} from '@sdk-events/core';

/** True only when `A` and `B` are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when `A` and `B` are the same type. */
declare function same<A, B>(proof: Equal<A, B>): void;

// ---- 1. Exact payloads, on any emitter ----------------------------------------------------------
const events = new HierarchicalEmitter();
// @ts-expect-error: before-sign has no `parsed`, and `requets` is a typo
events.register('before-sign.s3.PutObject', ({ parsed, requets }) => [parsed, requets]);
// @ts-expect-error: after-call has no `request`
events.register('after-call', ({ request }) => request);
// @ts-expect-error: choose-signer has no `operationName`
events.register('choose-signer.s3', ({ operationName }) => operationName);
events.register('before-sign.s3.PutObject', ({ request, signingName, signatureVersion, operationName, eventName }) => {
  const r: HttpRequest = request;
  const s: string = signingName + operationName + eventName;
  const v: SignatureVersion = signatureVersion;
  void [r, s, v];
});
events.register('before-parse', ({ response }) => {
  const r: HttpResponse = response;
  void r;
});

// ---- 1. What each event's handler may return ---------------------------------------------------
events.register('needs-retry.lambda', ({ attempts }) => (attempts < 3 ? 0.5 : undefined));
events.register('needs-retry', async () => 1);
events.register('needs-retry', () => null);
// @ts-expect-error: needs-retry takes a number of seconds
events.register('needs-retry', () => 'soon');
// @ts-expect-error: needs-retry takes a number of seconds, also from an async handler
events.register('needs-retry', async () => 'soon');
events.register('choose-signer.s3', () => UNSIGNED);
events.register('choose-signer.s3', async () => UNSIGNED);
// @ts-expect-error: choose-signer takes UNSIGNED only
events.register('choose-signer.s3', () => 'v2');
// @ts-expect-error: no other symbol passes for UNSIGNED
events.register('choose-signer.s3', () => Symbol('UNSIGNED'));
events.register('before-send', () => ({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }));
events.register('before-send', async () => ({ statusCode: 204 }));
// @ts-expect-error: a plain response needs a statusCode
events.register('before-send', () => ({ status: 200 }));
events.register('provide-client-params', ({ params }) => ({ ...params, Extra: 1 }));
// @ts-expect-error: provide-client-params takes the input object
events.register('provide-client-params', () => 'input');
events.register('before-call.s3.GetObject', () => ({ Body: undefined }));
// @ts-expect-error: before-call takes the output object
events.register('before-call', () => 42);
// Events that take no response accept a handler whatever it returns (the value is ignored, as in botocore).
events.register('before-sign', () => 'ignored');
events.register('after-call', async () => 42);
events.register('after-call-error', ({ exception }) => exception);

// ---- 2. Per operation, on a client's emitter ---------------------------------------------------
// An aggregated client (`new Lambda`) lists its operations: a concrete operation types params and parsed.
const lambda = eventsOf(new Lambda({}));
same<typeof lambda, ClientEvents<Lambda>>(true);
lambda.register('before-call.lambda.Invoke', ({ params }) => same<typeof params, InvokeCommandInput>(true));
lambda.register('after-call.lambda.Invoke', ({ parsed }) => {
  const status: number | undefined = parsed.StatusCode;
  same<typeof parsed, InvokeCommandOutput>(true);
  void status;
  // @ts-expect-error: InvokeCommandOutput has no `Buckets`
  void parsed.Buckets;
});
lambda.register('after-call.lambda.Invoke', ({ parsed }) => same<typeof parsed.StatusCode, number | undefined>(true));
lambda.register('before-parameter-build.lambda.Invoke', ({ params }) => {
  params.Qualifier = '$LATEST';
  // @ts-expect-error: FunctionName is a string
  params.FunctionName = 42;
});
lambda.register('response-received.lambda.Invoke', ({ parsed }) => same<typeof parsed, InvokeCommandOutput | undefined>(true));
lambda.register('provide-client-params.lambda.Invoke', ({ params }) => ({ ...params, Qualifier: 'v1' }));
// @ts-expect-error: the input's FunctionName is a string
lambda.register('provide-client-params.lambda.Invoke', ({ params }) => ({ ...params, FunctionName: 1 }));
lambda.register('before-call.lambda.Invoke', () => ({ StatusCode: 200 }));
// @ts-expect-error: the output's StatusCode is a number
lambda.register('before-call.lambda.Invoke', () => ({ StatusCode: '200' }));
// A misspelt operation of this client is an error that says so.
// @ts-expect-error: "Invok" is not an operation of this client
lambda.register('after-call.lambda.Invok', () => {});
// @ts-expect-error: nor for registerFirst and registerLast
lambda.registerFirst('before-sign.lambda.invoke', () => {});
// @ts-expect-error: GetObject is S3's
lambda.registerLast('before-call.s3.GetObject', () => {});
// The way out for another client's names (a shared emitter) or names built at run time: a non-literal name.
lambda.register<string>('after-call.s3.GetObject', ({ parsed }) => same<typeof parsed, unknown>(true));
const built: string = 'after-call.s3.GetObject';
lambda.register(built, ({ eventName }) => eventName);
// Custom events on a client's emitter: no operation check, the generic payload.
lambda.register('my-plugin.done.Invok', (payload) => same<typeof payload, EventPayload>(true));
// Wildcard and glob operations (and names without one) fall back to the client's unions, seen through UnionView.
lambda.register('after-call.lambda.{Invoke,GetFunction}', ({ parsed }) => {
  same<typeof parsed, UnionView<lambdaModule.ServiceOutputTypes>>(true);
  const status: number | undefined = parsed.StatusCode; // `undefined` where the operation has no StatusCode
  const metadata = parsed.$metadata; // every output has $metadata: not optional
  void [status, metadata.httpStatusCode];
  // @ts-expect-error: no Lambda output has `Buckets`
  void parsed.Buckets;
});
lambda.register('after-call.lambda.*', ({ parsed }) => same<typeof parsed, UnionView<lambdaModule.ServiceOutputTypes>>(true));
lambda.register('after-call.lambda.Put*', ({ parsed }) => same<typeof parsed, UnionView<lambdaModule.ServiceOutputTypes>>(true));
lambda.register('after-call', ({ parsed }) => same<typeof parsed, UnionView<lambdaModule.ServiceOutputTypes>>(true));
// A `*` service segment still names the operation.
lambda.register('after-call.*.Invoke', ({ parsed }) => same<typeof parsed, InvokeCommandOutput>(true));
// Exactness holds per operation too.
// @ts-expect-error: before-sign has no `parsed`
lambda.register('before-sign.lambda.Invoke', ({ parsed }) => parsed);
// Responses per operation on the client's unions.
// @ts-expect-error: needs-retry still takes seconds
lambda.register('needs-retry.lambda.Invoke', () => 'soon');

// A bare client's type lists no operations: concrete operations get the unions too, and are not checked...
const bare = eventsOf(new LambdaClient({}));
bare.register('before-call.lambda.Invoke', ({ params }) => {
  const name: string | undefined = params.FunctionName;
  void name;
});
bare.register('after-call.lambda.Invoke', ({ parsed }) => {
  const status: number | undefined = parsed.StatusCode;
  void status;
  // @ts-expect-error: still, no Lambda output has `Buckets`
  void parsed.Buckets;
});
bare.register('after-call.lambda.Invok', () => {});
// ...unless its commands are given: the client package's module, or the command classes used.
const withModule = eventsOf<LambdaClient, typeof lambdaModule>(new LambdaClient({}));
withModule.register('after-call.lambda.Invoke', ({ parsed }) => same<typeof parsed, InvokeCommandOutput>(true));
// @ts-expect-error: misspelt
withModule.register('after-call.lambda.Invok', () => {});
const withCommands = eventsOf<LambdaClient, { InvokeCommand: typeof InvokeCommand }>(new LambdaClient({}));
withCommands.register('after-call.lambda.Invoke', ({ parsed }) => same<typeof parsed, InvokeCommandOutput>(true));
const annotated: ClientEvents<LambdaClient, typeof lambdaModule> = eventsOf(new LambdaClient({})) as ClientEvents<LambdaClient, typeof lambdaModule>;
annotated.register('after-call.lambda.Invoke', ({ parsed }) => same<typeof parsed, InvokeCommandOutput>(true));

// The command-class form: a handler typed by the command class, registered under the operation's name.
same<CommandTypes<typeof InvokeCommand>, { input: InvokeCommandInput; output: InvokeCommandOutput }>(true);
const logStatus: CommandHandler<'after-call', typeof InvokeCommand> = ({ parsed }) => console.log(parsed.StatusCode);
withCommands.register('after-call.lambda.Invoke', logStatus);
lambda.register('after-call.lambda.Invoke', logStatus);
const retryThrottled: CommandHandler<'needs-retry', typeof InvokeCommand> = ({ parsed }) => (parsed?.StatusCode === 429 ? 1 : undefined);
lambda.register('needs-retry.lambda.Invoke', retryThrottled);
// @ts-expect-error: a needs-retry handler must return seconds
const badRetry: CommandHandler<'needs-retry', typeof InvokeCommand> = () => 'soon';

// S3, the largest client here: per operation and the unions.
const s3 = eventsOf(new S3({}));
s3.register('after-call.s3.GetObject', ({ parsed }) => void parsed.ContentLength);
s3.register('before-parameter-build.s3.PutObject', ({ params }) => {
  params.ContentType ??= 'application/octet-stream';
});
s3.register('choose-signer.s3.GetObject', () => UNSIGNED);
// @ts-expect-error: misspelt
s3.register('after-call.s3.GetObjects', () => {});
s3.register('after-call.s3', ({ parsed }) => same<typeof parsed, UnionView<S3Outputs>>(true));
const s3WithCommands = eventsOf<S3Client, { GetObjectCommand: typeof GetObjectCommand; PutObjectCommand: typeof PutObjectCommand }>(new S3Client({}));
s3WithCommands.register('after-call.s3.GetObject', ({ parsed }) => void parsed.ContentLength);
// @ts-expect-error: only the commands given are known
s3WithCommands.register('after-call.s3.ListBuckets', () => {});
// An aliased service name is fine: the service segment is not checked.
s3.register('after-call.apigateway.GetObject', ({ parsed }) => void parsed.ContentLength);

// ---- 3. A user's own events ---------------------------------------------------------------------
type JobEvents = {
  'job-started': { id: string; at: Date };
  'job-done': { id: string; ok: boolean };
  'job-done.report': { id: string; pages: number };
};
const jobs = new HierarchicalEmitter<JobEvents>();
jobs.register('job-started', ({ id, at, eventName }) => void [id.toUpperCase(), at.getTime(), eventName]);
// Below a key: that key's payload (the longest key that is the name or a dot-prefix of it).
jobs.register('job-done.nightly', ({ ok }) => same<typeof ok, boolean>(true));
jobs.register('job-done.report', ({ pages }) => same<typeof pages, number>(true));
jobs.register('job-done.report.pdf', ({ pages }) => same<typeof pages, number>(true));
// A pattern gets every payload it may match.
jobs.register('job-*', (payload) => same<typeof payload, PayloadFor<'*', JobEvents>>(true));
jobs.register('*', (payload) => {
  if ('pages' in payload) same<typeof payload.pages, number>(true);
});
// @ts-expect-error: not an event of the map
jobs.register('job-finished', () => {});
// @ts-expect-error: exact payloads here too
jobs.register('job-started', ({ ok }) => ok);
void jobs.emit('job-started', { id: 'a', at: new Date() });
void jobs.emit('job-done.nightly', { id: 'a', ok: true });
// @ts-expect-error: the payload is required
void jobs.emit('job-started');
// @ts-expect-error: the payload must match
void jobs.emit('job-done', { id: 'a', ok: 'yes' });
// @ts-expect-error: not an event of the map
void jobs.emit('job-finished', {});
void jobs.emitUntilResponse('job-done', { id: 'a', ok: false });
const aliasedJobs = new AliasedEventEmitter<JobEvents>(jobs);
aliasedJobs.register('job-done', ({ ok }) => same<typeof ok, boolean>(true));
// @ts-expect-error: not an event of the map
aliasedJobs.register('job-finished', () => {});
// Events whose payloads may be empty can be emitted without one.
const pings = new HierarchicalEmitter<{ ping: { from?: string } }>();
void pings.emit('ping');

// ---- 3. Without a type argument, types stay as general as before --------------------------------
const general = new HierarchicalEmitter();
general.register('my-event.custom', (payload) => same<typeof payload, EventPayload>(true));
void general.emit('anything.at.all', { any: 'payload' });
general.register('after-call.lambda.Invoke', ({ parsed }) => same<typeof parsed, Record<string, any>>(true));
general.register('before-sign', (payload) => same<typeof payload, LifecycleEventMap['before-sign']>(true));

// Handlers written apart: HandlerFor checks the return, EventHandler<any> fits every name.
const retry: HandlerFor<'needs-retry.lambda.Invoke'> = ({ attempts }) => (attempts < 3 ? 1 : undefined);
general.register('needs-retry.lambda.Invoke', retry);
// @ts-expect-error: HandlerFor checks what the handler returns
const badHandler: HandlerFor<'needs-retry'> = () => 'soon';
const anything: EventHandler<any> = () => 'whatever';
general.register('needs-retry', anything);
lambda.register('before-call.lambda.Invoke', anything);
void [badRetry, badHandler];

// lib-dynamodb: a document client's calls carry DynamoDB's operation names, native values up to
// before-parameter-build and marshalled ones after: no client type says that, so the README
// says to widen to the general emitter, which accepts those names.
const doc: AliasedEventEmitter = eventsOf(DynamoDBDocument.from(new DynamoDBClient({})));
doc.register('before-parameter-build.dynamodb.PutItem', ({ params }) => void params.Item);
// Typed by DynamoDBDocument's own methods, PutItem would be "not an operation".
// @ts-expect-error: DynamoDBDocument lists put, not PutItem
eventsOf(DynamoDBDocument.from(new DynamoDBClient({}))).register('before-call.dynamodb.PutItem', () => {});

// ---- An EventTyping: payloads computed from the whole name (the doc comment's example) ----------
type Loud<N extends string> = { eventName: string; loud: Uppercase<N> };
interface Shouting extends EventTyping {
  '~payload': Loud<this['~name']>;
  '~response': void;
  '~problem': undefined;
}
new HierarchicalEmitter<Shouting>().register('hey', ({ loud }) => same<typeof loud, 'HEY'>(true));
