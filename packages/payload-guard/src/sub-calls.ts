/**
 * The guard's own calls: dry runs (measured, never sent) and the chunk sends.
 * A marker on the sub-call's input (a symbol key, which survives the shallow
 * copies the bridge and the SDK make of an input) lets the guard recognise
 * them in its `before-call` handler.
 */
import { SMITHY_CONTEXT_KEY } from '@smithy/types';
import type { CallContext } from '@sdk-events/core';
import type { ChunkOnTheWay } from './wire-check.js';

/** The input member that marks a sub-call. */
export const SUB_CALL = Symbol.for('sdk-events.payload-guard.sub-call');
/** The output member a dry run answers with. */
const DRY_RUN_RESULT = Symbol.for('sdk-events.payload-guard.dry-run-result');

/** What a sub-call's marker says: which guard made it and why. */
export interface SubCallMark {
  /** The guard instance (one per plugin). */
  readonly guard: object;
  /** `dry-run`: answer with the serialized request, send nothing. `send`: let it through. */
  readonly kind: 'dry-run' | 'send';
  /** For a `send` the guard checks on its way: its limit, and where its size goes. */
  readonly chunk?: ChunkOnTheWay;
}

/** The marker on `input`, if it is a sub-call. */
export function subCallMarkOf(input: object): SubCallMark | undefined {
  const mark = (input as Record<symbol, unknown>)[SUB_CALL];
  return typeof mark === 'object' && mark !== null ? (mark as SubCallMark) : undefined;
}

/** The output a guard's `before-call` answers a dry run with: the serialized request; the call ends there, nothing is sent. */
export function dryRunOutput(request: unknown): Record<string | symbol, unknown> {
  return { $metadata: {}, [DRY_RUN_RESULT]: { request } };
}

/** The call's `abortSignal`, as the SDK keeps it in the context. */
export function abortSignalOf(context: CallContext): AbortSignal | undefined {
  return (context as Record<string, any>)[SMITHY_CONTEXT_KEY]?.abortSignal;
}

type CommandClass = new (input: object) => unknown;

/**
 * The command class of the call `context` belongs to. With `cacheMiddleware`
 * the context's command instance may be an earlier one of the same class, so
 * only its constructor is used.
 */
export function commandClassOf(context: CallContext, operation: string): CommandClass {
  const instance = (context as Record<string, any>)[SMITHY_CONTEXT_KEY]?.commandInstance;
  const ctor: unknown = instance?.constructor;
  if (typeof ctor !== 'function' || ctor === Object) {
    throw new Error(`payload-guard: cannot find the command class of ${operation} in the call's context; this client is not supported`);
  }
  return ctor as CommandClass;
}

/** Sends `input` marked as a sub-call of `guard` through the client making the current call. */
export async function sendSubCall(
  context: CallContext,
  command: CommandClass,
  input: object,
  mark: SubCallMark,
): Promise<Record<string | symbol, any>> {
  const marked = { ...input, [SUB_CALL]: mark };
  const abortSignal = abortSignalOf(context);
  const options = abortSignal === undefined ? undefined : { abortSignal };
  return (await context.client.send(new command(marked), options as never)) as Record<string | symbol, any>;
}

/** A dry run's request; throws when another `before-call` handler answered it instead of the guard. */
export function dryRunRequest(output: Record<string | symbol, any>, operation: string): unknown {
  const result = output?.[DRY_RUN_RESULT] as { request: unknown } | undefined;
  if (result === undefined) {
    throw new Error(
      `payload-guard: a dry run of ${operation} was answered by another before-call handler (or lost the guard's input marker); cannot measure`,
    );
  }
  return result.request;
}
