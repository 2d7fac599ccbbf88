import type { HttpRequest } from '@smithy/protocol-http';
import { SMITHY_CONTEXT_KEY, type HandlerExecutionContext } from '@smithy/types';
import type { CallContext } from '../lifecycle/events.js';
import type { OperationPlan } from './operation-plan.js';
import type { SmithyClientLike } from './smithy-client.js';

/** One call's state, shared by all of its events. */
export interface CallState {
  readonly plan: OperationPlan;
  /** The SDK's handler execution context the call's middleware receive. */
  readonly sdkContext: HandlerExecutionContext;
  /** The `context` every payload of this call carries. */
  readonly context: CallContext;
  /** Attempts started so far (the SDK's retries and `needs-retry` retries alike). */
  attempts: number;
  /** Set when `choose-signer` answered `UNSIGNED`: this attempt's request to send instead of the signed one. */
  unsignedRequest: HttpRequest | undefined;
}

/**
 * Makes the per-call contexts for handlers of the calls that run with
 * `sdkContext`. Without `cacheMiddleware` the SDK makes a context per call,
 * and that is the one handlers get. With it, one context serves every call
 * of a command class, so each call gets a fresh object whose prototype is a
 * view of that context: reads go through, writes stay with the call. The
 * view (which holds `client`) is made once, so V8 sees one prototype rather
 * than a new one per call.
 */
export function callContextFactory(sdkContext: HandlerExecutionContext, client: SmithyClientLike): () => CallContext {
  if (!client.config.cacheMiddleware) return () => withClient(sdkContext, client);
  let view: CallContext | undefined;
  return () => Object.create((view ??= withClient(Object.create(sdkContext) as HandlerExecutionContext, client))) as CallContext;
}

function withClient(context: HandlerExecutionContext, client: SmithyClientLike): CallContext {
  return Object.defineProperty(context, 'client', { value: client, enumerable: false, configurable: true }) as CallContext;
}

/** The Smithy operation name of the call `sdkContext` belongs to. */
export function operationNameOf(sdkContext: HandlerExecutionContext): string {
  const fromSchema = (sdkContext as any)[SMITHY_CONTEXT_KEY]?.operation;
  if (typeof fromSchema === 'string' && fromSchema) return fromSchema;
  const commandName: unknown = (sdkContext as any).commandName;
  if (typeof commandName === 'string' && commandName) return commandName.replace(/Command$/, '');
  return 'UnknownOperation';
}
