/**
 * How the guard measures and sends parts of a call: `sendPartOfCall` from
 * `@sdk-events/core`. A part fires only the per-attempt events, with the
 * enclosing call's `context`; a dry run fires nothing and sends nothing.
 */
import { SMITHY_CONTEXT_KEY } from '@smithy/types';
import { sendPartOfCall, type CallContext } from '@sdk-events/core';
import type { MeasurableRequest } from './wire-size.js';

/** The request carrying `input` as the SDK would send it (serialized, its own compression applied); nothing is sent. */
export function dryRun(context: CallContext, input: object): Promise<MeasurableRequest> {
  return sendPartOfCall(context, input, { dryRun: true }) as Promise<MeasurableRequest>;
}

/** Sends `input` as a part of the call `context` belongs to (the call's abortSignal applies). */
export function sendPart(context: CallContext, input: object): Promise<Record<string | symbol, any>> {
  return sendPartOfCall(context, input);
}

/** The call's `abortSignal`, as the SDK keeps it in the context. */
export function abortSignalOf(context: CallContext): AbortSignal | undefined {
  return (context as Record<string, any>)[SMITHY_CONTEXT_KEY]?.abortSignal;
}
