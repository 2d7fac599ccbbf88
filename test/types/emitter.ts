// Type tests for the emitter: checked by `tsc -p test/tsconfig.json`, never run.
// Each `@ts-expect-error` line must be an error; everything else must compile.
import type { HttpRequest } from '@smithy/protocol-http';
import {
  AliasedEventEmitter,
  HierarchicalEmitter,
  firstNonNullResponse,
  type CallContext,
  type EventHandler,
  type EventHooks,
  type EventPayload,
  type EventsPlugin,
  type HandlerResponse,
  type LifecycleEventMap,
  type UntilResponseResult,
} from '@sdk-events/core';

/** `value` must be assignable to `T`. */
declare function expectType<T>(value: T): void;
/** True only when `A` and `B` are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when `A` and `B` are the same type. */
declare function same<A, B>(proof: Equal<A, B>): void;

for (const events of [new HierarchicalEmitter(), new AliasedEventEmitter()] as EventHooks[]) {
  // The payload type follows from the event type, the first segment of the name.
  events.register('before-sign.s3.PutObject', ({ request, signingName, eventName, context }) => {
    expectType<HttpRequest>(request);
    expectType<string>(signingName);
    expectType<string>(eventName);
    expectType<CallContext>(context);
    request.headers['x-trace-id'] = 'abc';
    // @ts-expect-error: HttpRequest has no member `nope`
    request.nope;
    // @ts-expect-error: signingName is a string
    signingName.toFixed();
  });
  events.registerFirst('needs-retry', ({ attempts }) => {
    expectType<number>(attempts);
    // @ts-expect-error: attempts is a number
    attempts.toUpperCase();
  });
  events.registerLast('after-call.lambda', ({ parsed, model }) => {
    expectType<Record<string, any>>(parsed);
    expectType<string>(model.serviceIdHyphenized);
    // @ts-expect-error: OperationModel has no member `nope`
    model.nope;
  });
  events.register('before-send.*.Invoke', (payload) => {
    same<typeof payload, LifecycleEventMap['before-send']>(true);
  });
  events.register('before-sign', (payload) => {
    same<typeof payload, LifecycleEventMap['before-sign']>(true);
  });

  // Other names get the generic payload: members are unknown until checked.
  events.register('my-event.custom', (payload) => {
    same<typeof payload, EventPayload>(true);
    same<typeof payload.anything, unknown>(true);
    // @ts-expect-error: an unknown member is `unknown`, not a request
    payload.request.headers;
  });
  // A glob or `*` as the event type is not a lifecycle type: the generic payload.
  events.register('*.s3', (payload) => {
    same<typeof payload, EventPayload>(true);
    // @ts-expect-error: unknown
    payload.request.headers;
  });

  // A handler written for one event's payload fits that event only.
  const gzipBody: EventHandler<LifecycleEventMap['before-sign']> = ({ request }) => void request.body;
  events.register('before-sign.cloudwatch.PutMetricData', gzipBody);
  // @ts-expect-error: before-call's payload has no signingName, so a before-sign handler does not fit
  events.register('before-call.cloudwatch.PutMetricData', gzipBody);
  // A generic handler fits every name.
  const generic: EventHandler = ({ eventName }) => console.log(eventName);
  events.register('before-sign.cloudwatch', generic);
  events.register('anything', generic);

  // @ts-expect-error: the handler must be a function
  events.register('before-sign.s3', 42);
  // @ts-expect-error: the handler must be a function
  events.registerFirst('my-event', 'handler');
  // @ts-expect-error: the handler must be a function
  events.registerLast('my-event', {});
  // @ts-expect-error: the name must be a string
  events.register(42, generic);
  // @ts-expect-error: unknown option
  events.register('a', generic, { unique_id: 'x' });
  // @ts-expect-error: uniqueId is a string
  events.register('a', generic, { uniqueId: 3 });
  events.register('a', generic, { uniqueId: 'x', uniqueIdUsesCount: true });

  // unregister takes any handler (or none).
  events.unregister('before-sign.cloudwatch.PutMetricData', gzipBody);
  events.unregister('a', undefined, { uniqueId: 'x', uniqueIdUsesCount: true });
  events.unregister('a');
  // @ts-expect-error: the handler must be a function
  events.unregister('a', 'handler');

  // Return values.
  void (async () => {
    const responses = await events.emit('needs-retry.lambda.Invoke', { attempts: 1 });
    same<typeof responses, HandlerResponse[]>(true);
    const [handler, response] = await events.emitUntilResponse('before-call.s3.GetObject', { params: {} });
    same<typeof handler, EventHandler<any> | undefined>(true);
    same<typeof response, unknown>(true);
    expectType<UntilResponseResult>(await events.emitUntilResponse('x'));
    const delay: unknown = firstNonNullResponse(responses, 0);
    void delay;
    // @ts-expect-error: the payload is an object
    await events.emit('x', 'payload');
  })();

  same<ReturnType<typeof events.handlersFor>, readonly EventHandler<any>[]>(true);
  same<ReturnType<typeof events.mayHaveHandlers>, boolean>(true);
}

// firstNonNullResponse narrows away null and undefined, and adds the default's (literal) type.
declare const pairs: Array<[unknown, string | null | undefined]>;
const noDefault = firstNonNullResponse(pairs);
same<typeof noDefault, string | undefined>(true);
const withDefault = firstNonNullResponse(pairs, 0);
same<typeof withDefault, string | 0>(true);

// copy and use keep the class.
const hierarchical = new HierarchicalEmitter({ lookupCacheSize: 64 });
const hierarchicalCopy = hierarchical.copy();
same<typeof hierarchicalCopy, HierarchicalEmitter>(true);
const aliased = new AliasedEventEmitter(hierarchical);
const aliasedCopy = aliased.copy();
same<typeof aliasedCopy, AliasedEventEmitter>(true);
const plugin: EventsPlugin<EventHooks> = {
  name: 'example',
  register(events) {
    events.register('after-call', ({ parsed }) => void parsed);
  },
};
expectType<AliasedEventEmitter>(aliased.use(plugin));
expectType<HierarchicalEmitter>(hierarchical.use(plugin).use(plugin));
// @ts-expect-error: a plugin needs a name
hierarchical.use({ register() {} });
// @ts-expect-error: lookupCacheSize is a number
new HierarchicalEmitter({ lookupCacheSize: '64' });

// The classes themselves (not only through EventHooks) type payloads from names.
new HierarchicalEmitter().register('before-sign.s3.PutObject', ({ request }) => same<typeof request, HttpRequest>(true));
new AliasedEventEmitter().registerLast('before-sign.s3.PutObject', ({ request }) => same<typeof request, HttpRequest>(true));
new AliasedEventEmitter().registerFirst('after-call-error.s3', ({ exception }) => same<typeof exception, unknown>(true));
// @ts-expect-error: HttpRequest has no member `nope`
new HierarchicalEmitter().registerFirst('request-created', ({ request }) => request.nope);
// @ts-expect-error: HttpRequest has no member `nope`
new AliasedEventEmitter().register('before-send.lambda', ({ request }) => request.nope);
