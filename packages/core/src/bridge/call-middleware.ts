import type { HttpRequest } from '@smithy/protocol-http';
import type { BuildHandler, BuildHandlerArguments, HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, MetadataBearer } from '@smithy/types';
import { describeValue } from '../emitter/names.js';
import { newCallContext } from './call-context.js';
import { PART_OF, argumentsWithCall, callStateOf, fire, listens, operationNameOf, smithyContextOf, type CallSource, type CallState, type PartOf } from './call.js';
import { RequestView, withRequest } from './request.js';

/**
 * Thrown by the `before-call` middleware when a handler answered: it
 * unwinds the build and serialize steps (and what the SDK checks on real
 * responses there, such as SQS's MD5 check) up to the call middleware,
 * which returns the answer as the call's output.
 */
class AnsweredBeforeCall {
  constructor(readonly output: unknown) {}
}

/**
 * The outermost bridge middleware (initialize step, high priority): makes
 * the call's state, emits `provide-client-params` and `before-parameter-build`,
 * runs the rest of the stack with the state on its arguments, then emits
 * `after-call` or `after-call-error`.
 */
export const callMiddleware = (source: CallSource) => (next: InitializeHandler<any, any>, sdkContext: HandlerExecutionContext) => {
  const operation = operationNameOf(sdkContext);
  return async (args: InitializeHandlerArguments<any>) => {
    const partOf: PartOf | undefined = (args as any)[PART_OF];
    // getSignedUrl resolves a copy of the stack itself and calls it with `{ input }`; `send` passes the command.
    const presign = typeof (args as any).resolveMiddleware !== 'function';
    const state: CallState = {
      plan: partOf?.call.plan ?? source.planFor(operation),
      sdkContext,
      context: partOf?.call.context ?? newCallContext(sdkContext, source.client, () => state),
      presign,
      partOf,
      abortSignal: smithyContextOf(sdkContext).abortSignal,
      requests: 0,
      retryDelayMs: 0,
    };
    if (partOf) return partMiddleware(next, args, state, partOf);
    const { model } = state.plan;
    try {
      const input = listens(state, 'provide-client-params') || listens(state, 'before-parameter-build') ? await prepareParams(state, args.input) : args.input;
      let result: { output: any; response: unknown };
      try {
        // The rest of the stack needs the input only (smithy's InitializeHandlerArguments; getSignedUrl passes no more).
        result = await next(argumentsWithCall(input, state));
      } catch (error) {
        result = answerOf(error);
      }
      countRequests(result.output, state);
      if (listens(state, 'after-call') && !presign) await fire(state, 'after-call', { response: result.response, parsed: result.output, model });
      return result;
    } catch (error) {
      countRequests(error, state);
      if (listens(state, 'after-call-error') && !presign) await fire(state, 'after-call-error', { exception: error, model });
      throw error;
    }
  };
};

/** A `before-call` answer unwinding the stack becomes the call's result; any other error goes on. */
function answerOf(error: unknown): { output: any; response: unknown } {
  if (error instanceof AnsweredBeforeCall) return { output: error.output, response: undefined };
  throw error;
}

/** A part of another call: the per-attempt events only, its requests counted in the enclosing call. */
async function partMiddleware(next: InitializeHandler<any, any>, args: InitializeHandlerArguments<any>, state: CallState, partOf: PartOf) {
  try {
    let result: { output: any; response: unknown };
    try {
      result = await next(argumentsWithCall(args.input, state));
    } catch (error) {
      result = answerOf(error);
    }
    countRequests(result.output, state);
    return result;
  } catch (error) {
    countRequests(error, state);
    throw error;
  } finally {
    partOf.call.requests += state.requests;
  }
}

/** `provide-client-params` then `before-parameter-build`: the input the call goes on with. */
async function prepareParams(state: CallState, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { model } = state.plan;
  // botocore hands handlers a per-call params dict: a copy keeps the caller's input as it was.
  let params = { ...input };
  if (listens(state, 'provide-client-params')) {
    const provided = await fire(state, 'provide-client-params', { params, model });
    if (provided !== undefined) {
      if (typeof provided !== 'object' || Array.isArray(provided)) {
        throw new TypeError(`${state.plan.names['provide-client-params']}: a handler returned ${describeValue(provided)}; expected the input object (or nothing)`);
      }
      params = provided as Record<string, unknown>;
    }
  }
  if (listens(state, 'before-parameter-build')) await fire(state, 'before-parameter-build', { params, model });
  return params;
}

/** `$metadata.attempts` counts every request the call sent (the SDK counts its own retries only); `totalRetryDelay` adds `needs-retry` waits. */
function countRequests(outputOrError: unknown, state: CallState): void {
  const metadata = (outputOrError as Partial<MetadataBearer> | undefined)?.$metadata;
  if (state.requests === 0 || typeof metadata !== 'object' || metadata === null) return;
  metadata.attempts = state.requests;
  if (state.retryDelayMs > 0) metadata.totalRetryDelay = (metadata.totalRetryDelay ?? 0) + state.retryDelayMs;
}

/**
 * `before-call` (build step, low priority: after serialization and the
 * SDK's build middleware, before any attempt). A response is the call's
 * output, with `$metadata` as every v3 output has; nothing is sent.
 */
export const beforeCallMiddleware = () => (next: BuildHandler<any, any>) => async (args: BuildHandlerArguments<any>) => {
  const state = callStateOf(args);
  if (state?.partOf?.dryRun) throw new AnsweredBeforeCall(args.request);
  if (!state || state.presign || state.partOf || !listens(state, 'before-call')) return next(args);
  const view = new RequestView(args.request as HttpRequest);
  const output = await fire(state, 'before-call', { params: args.input, request: view.request, model: state.plan.model }, true);
  if (output !== undefined) throw new AnsweredBeforeCall(withMetadata(output, state));
  // botocore's before-call changes the request dict itself: every attempt starts from what handlers left.
  return next(withRequest(args, view.result()));
};

function withMetadata(output: unknown, state: CallState): unknown {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) {
    throw new TypeError(`${state.plan.names['before-call']}: a handler returned ${describeValue(output)}; expected the call's output object`);
  }
  if ('$metadata' in output) return output;
  // Nothing was sent: a 200 with no attempts, as botocore's stubbed ResponseMetadata has no retries.
  return { ...output, $metadata: { httpStatusCode: 200, attempts: 0, totalRetryDelay: 0 } };
}
