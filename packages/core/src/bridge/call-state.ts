import type { HttpRequest } from '@smithy/protocol-http';
import { SMITHY_CONTEXT_KEY, type HandlerExecutionContext } from '@smithy/types';
import type { CallContext } from '../lifecycle/events.js';
import type { OperationPlan } from './operation-plan.js';
import type { RequestSnapshot } from './request-snapshot.js';

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
  /** The request the SDK gave the attempt middleware, as it was before any handler ran: each retry puts it back so. */
  snapshot: RequestSnapshot | undefined;
}

/** The Smithy operation name of the call `sdkContext` belongs to. */
export function operationNameOf(sdkContext: HandlerExecutionContext): string {
  const fromSchema = (sdkContext as any)[SMITHY_CONTEXT_KEY]?.operation;
  if (typeof fromSchema === 'string' && fromSchema) return fromSchema;
  const commandName: unknown = (sdkContext as any).commandName;
  if (typeof commandName === 'string' && commandName) return commandName.replace(/Command$/, '');
  return 'UnknownOperation';
}
