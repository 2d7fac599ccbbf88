import { SMITHY_CONTEXT_KEY, type HandlerExecutionContext } from '@smithy/types';
import { callHandlers } from '../emitter/dispatch.js';
import { firstNonNullResponse } from '../emitter/responses.js';
import { describeValue } from '../emitter/names.js';
import type { EventHandler } from '../emitter/types.js';
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

export function planOperation(emitter: BridgeableEmitter, serviceId: string, serviceIdHyphenized: string, operation: string): OperationPlan {
  const names = {} as Record<LifecycleEventType, string>;
  const handlers = {} as Record<LifecycleEventType, readonly EventHandler<any>[]>;
  for (const type of LIFECYCLE_EVENT_TYPES) {
    names[type] = emitter.eventNameFor(`${type}.${serviceIdHyphenized}.${operation}`);
    handlers[type] = emitter.handlersFor(names[type]);
  }
  return { model: Object.freeze({ name: operation, serviceId, serviceIdHyphenized }), names, handlers };
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
  /** Set when the SDK could not resolve the identity (credentials): signing fails with it unless `choose-signer` chose `UNSIGNED`. */
  identityError?: unknown;
}

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

/** The key a part's command carries its enclosing call under (see `sendPartOfCall`). */
export const PART_OF = Symbol('sdk-events.partOf');

/** Each call's state by the `context` its handlers receive (how `sendPartOfCall` finds the call). */
const callsByContext = new WeakMap<object, CallState>();

export function rememberCall(state: CallState): void {
  callsByContext.set(state.context, state);
}

export function callOfContext(context: unknown): CallState | undefined {
  return typeof context === 'object' && context !== null ? callsByContext.get(context) : undefined;
}

/** Whether the call has handlers for `type`. */
export function listens(state: CallState, type: LifecycleEventType): boolean {
  return state.plan.handlers[type].length > 0;
}

/**
 * Emits `type` for this call with `members` (plus `eventName` and
 * `context`): resolves to the first response that is not null/undefined.
 * With `stopOnResponse`, handlers after that one do not run (botocore's
 * `emit_until_response`). A handler that throws something that is not an
 * object fails the call with an Error naming the event, not with the bare value.
 */
export async function fire(state: CallState, type: LifecycleEventType, members: object, stopOnResponse = false): Promise<unknown> {
  const { names, handlers } = state.plan;
  const eventName = names[type];
  try {
    return firstNonNullResponse(await callHandlers(handlers[type], { eventName, ...members, context: state.context }, stopOnResponse));
  } catch (error) {
    if (typeof error === 'object' && error !== null) throw error;
    throw new Error(`${eventName}: a handler threw ${describeValue(error)}, not an Error`, { cause: error });
  }
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
