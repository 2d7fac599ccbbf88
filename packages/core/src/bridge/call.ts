import { SMITHY_CONTEXT_KEY, type HandlerExecutionContext } from '@smithy/types';
import { callHandlers } from '../emitter/dispatch.js';
import { describeValue } from '../emitter/names.js';
import type { EventHandler, EventPayload } from '../emitter/types.js';
import type { SmithyClientLike } from './smithy-client.js';
import { LIFECYCLE_EVENT_TYPES, type CallContext, type LifecycleEventType, type OperationModel } from '../lifecycle.js';

/** What the bridge needs of an emitter: `HierarchicalEmitter` and `AliasedEventEmitter` provide it. */
export interface BridgeableEmitter {
  eventNameFor(name: string): string;
  handlersFor(name: string): readonly EventHandler<any>[];
  mayHaveHandlers(prefix: string): boolean;
}

/**
 * What one operation of one client emits, worked out once per registration
 * change: each event's full name and handlers.
 */
export interface OperationPlan {
  readonly model: OperationModel;
  readonly names: Readonly<Record<LifecycleEventType, string>>;
  readonly handlers: Readonly<Record<LifecycleEventType, readonly EventHandler<any>[]>>;
}

/** Works out the plan of `operation` on a client of `serviceId` from the emitter's registrations as they are now. */
export function planOperation(emitter: BridgeableEmitter, serviceId: string, serviceIdHyphenized: string, operation: string): OperationPlan {
  const names = {} as Record<LifecycleEventType, string>;
  const handlers = {} as Record<LifecycleEventType, readonly EventHandler<any>[]>;
  for (const type of LIFECYCLE_EVENT_TYPES) {
    names[type] = emitter.eventNameFor(`${type}.${serviceIdHyphenized}.${operation}`);
    handlers[type] = emitter.handlersFor(names[type]);
  }
  return { model: Object.freeze({ name: operation, serviceId, serviceIdHyphenized }), names, handlers };
}

/** What the middleware need of the binding that installed them. */
export interface CallSource {
  readonly client: SmithyClientLike;
  planFor(operation: string): OperationPlan;
}

/** How a call relates to another: a part of an enclosing call (see `sendPartOfCall`). */
export interface PartOf {
  readonly call: CallState;
  /** Serialize only: the call ends at `before-call` with the request as its output. */
  readonly dryRun: boolean;
}

/**
 * One call's state, made by the outermost bridge middleware and carried
 * down the stack on the middleware arguments (every Smithy middleware
 * passes `{ ...args, … }` on), so each inner middleware reads it from its
 * own arguments.
 */
export interface CallState {
  readonly plan: OperationPlan;
  readonly sdkContext: HandlerExecutionContext;
  /** The `context` every payload of this call carries. */
  readonly context: CallContext;
  /** `getSignedUrl` rather than `send`: only the events botocore's `generate_presigned_url` emits. */
  readonly presign: boolean;
  /** Set for a part of another call: no call-level events. */
  readonly partOf: PartOf | undefined;
  /** The call's abort signal (`send(command, { abortSignal })`). */
  readonly abortSignal: AbortSignalLike | undefined;
  /** Requests this call has sent so far: the SDK's retries, `needs-retry` retries and its parts alike. */
  requests: number;
  /** Seconds waited for `needs-retry`, in milliseconds. */
  retryDelayMs: number;
}

/** What the bridge uses of the call's abort signal (the DOM's and Node's `AbortSignal` alike). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The key the call's state travels under on the middleware arguments. */
export const CALL = Symbol('sdk-events.call');

/** The state of the call whose middleware received `args`, if the bridge started one. */
export function callStateOf(args: object): CallState | undefined {
  return (args as { [CALL]?: CallState })[CALL];
}

/** The arguments the call middleware passes on: the input (all the rest of the stack reads) and the call's state. */
export function argumentsWithCall(input: object, state: CallState): { input: any; [CALL]: CallState } {
  return { input, [CALL]: state };
}

/** The key a part's command carries its enclosing call under (see `sendPartOfCall`). */
export const PART_OF = Symbol('sdk-events.partOf');

/** The call a handler's `context` belongs to (how `sendPartOfCall` finds it): the context answers this key with it. */
export const CALL_OF_CONTEXT = Symbol('sdk-events.callOfContext');

/** The call whose handlers received `context`, or undefined for anything else. */
export function callOfContext(context: unknown): CallState | undefined {
  return typeof context === 'object' && context !== null ? (context as { [CALL_OF_CONTEXT]?: CallState })[CALL_OF_CONTEXT] : undefined;
}

/** Whether the call has handlers for `type`. */
export function listens(state: CallState, type: LifecycleEventType): boolean {
  return state.plan.handlers[type].length > 0;
}

/**
 * Emits `type` for this call with `members` (plus `eventName` and
 * `context`): resolves to the first response that is not null/undefined.
 * With `stopOnResponse`, handlers after that one do not run (botocore's
 * `emit_until_response`). A `request` member is a `RequestView`'s `request`.
 * A handler that throws something that is not an object fails the call with
 * an Error naming the event, not with the bare value.
 */
export function fire(state: CallState, type: LifecycleEventType, members: object, stopOnResponse = false): Promise<unknown> {
  const { names, handlers } = state.plan;
  const eventName = names[type];
  // Each caller passes a fresh object literal: it becomes the payload.
  const payload = members as EventPayload;
  payload.eventName = eventName;
  payload.context = state.context;
  // Not an async function: awaiting here would suspend once more per event, and each suspension
  // a call keeps in flight costs memory (the 1,000-in-flight bench row).
  return callHandlers(handlers[type], payload, stopOnResponse).catch((error: unknown) => {
    throw thrownBy(error, eventName, type);
  });
}

/** What a handler's throw fails the call with: the same object, or an Error naming the event for a non-object; noted as thrown in `type`. */
function thrownBy(error: unknown, eventName: string, type: LifecycleEventType): object {
  const thrown = typeof error === 'object' && error !== null ? error : new Error(`${eventName}: a handler threw ${describeValue(error)}, not an Error`, { cause: error });
  if (!thrownByHandler.has(thrown)) thrownByHandler.set(thrown, type);
  return thrown;
}

/** The event whose handler threw each error a handler threw (the first, when one is thrown again). */
const thrownByHandler = new WeakMap<object, LifecycleEventType>();

/** The event type in which a handler threw `error`, or undefined when no handler did. */
export function eventThatThrew(error: unknown): LifecycleEventType | undefined {
  return typeof error === 'object' && error !== null ? thrownByHandler.get(error) : undefined;
}

/** The Smithy operation name of the call `sdkContext` belongs to. */
export function operationNameOf(sdkContext: HandlerExecutionContext): string {
  const smithy = (sdkContext as any)[SMITHY_CONTEXT_KEY];
  if (typeof smithy?.operation === 'string' && smithy.operation) return smithy.operation;
  const commandName: unknown = sdkContext.commandName;
  if (typeof commandName === 'string' && commandName) return commandName.replace(/Command$/, '');
  return 'UnknownOperation';
}

/** The SDK's per-call Smithy context (auth scheme, abort signal, command). */
export function smithyContextOf(sdkContext: HandlerExecutionContext): Record<string, any> {
  return ((sdkContext as any)[SMITHY_CONTEXT_KEY] ??= {});
}
