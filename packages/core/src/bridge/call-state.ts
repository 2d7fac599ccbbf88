import type { HttpRequest } from '@smithy/protocol-http';
import { SMITHY_CONTEXT_KEY, type HandlerExecutionContext } from '@smithy/types';
import type { CallContext } from '../lifecycle/events.js';
import type { OperationPlan } from './operation-plan.js';
import type { SmithyClientLike } from './smithy-client.js';

/**
 * Where the bridge keeps a call's state: on the middleware arguments, which
 * every SDK middleware passes down by spreading (`next({ ...args, request })`).
 * The SDK's own context cannot hold it: with `cacheMiddleware` one context
 * object serves every call of a command class.
 */
export const CALL_STATE = Symbol('sdk-events.call');
/** Per-attempt state, from the attempt middleware to the wire middleware. */
export const ATTEMPT_STATE = Symbol('sdk-events.attempt');

/** One call's state, shared by all of its events. */
export interface CallState {
  readonly plan: OperationPlan;
  /** The `context` every payload of this call carries. */
  readonly context: CallContext;
  /** Attempts started so far (the SDK's retries and `needs-retry` retries alike). */
  attempts: number;
}

/** One attempt's state. */
export interface AttemptState {
  /** Set when `choose-signer` answered `UNSIGNED`: the request to send instead of the signed one. */
  unsignedRequest?: HttpRequest;
}

/** Middleware arguments carrying the bridge's state. */
export type ArgsWithState = Record<string | symbol, any> & {
  [CALL_STATE]?: CallState;
  [ATTEMPT_STATE]?: AttemptState;
};

/**
 * The per-call context for handlers. Without `cacheMiddleware` the SDK makes
 * a context per call, and that is the one handlers get. With it, one context
 * serves every call of a command class, so each call gets a fresh object whose
 * prototype is that context: reads go through, writes stay with the call.
 * (Making a per-call context a prototype would cost V8 a map transition per
 * call, hence not always a wrapper.)
 */
export function createCallContext(sdkContext: HandlerExecutionContext, client: SmithyClientLike): CallContext {
  const context = (client.config.cacheMiddleware ? Object.create(sdkContext) : sdkContext) as CallContext;
  Object.defineProperty(context, 'client', { value: client, enumerable: false, configurable: true });
  return context;
}

/** The Smithy operation name of the call `sdkContext` belongs to. */
export function operationNameOf(sdkContext: HandlerExecutionContext): string {
  const fromSchema = (sdkContext as any)[SMITHY_CONTEXT_KEY]?.operation;
  if (typeof fromSchema === 'string' && fromSchema) return fromSchema;
  const commandName: unknown = (sdkContext as any).commandName;
  if (typeof commandName === 'string' && commandName) return commandName.replace(/Command$/, '');
  return 'UnknownOperation';
}
