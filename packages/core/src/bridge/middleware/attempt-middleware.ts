import { HttpRequest } from '@smithy/protocol-http';
import type { FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext } from '@smithy/types';
import { setTimeout as sleep } from 'node:timers/promises';
import { firstNonNullResponse } from '../../emitter/index.js';
import { UNSIGNED } from '../../lifecycle/unsigned.js';
import { ATTEMPT_STATE, CALL_STATE, type ArgsWithState, type AttemptState, type CallState } from '../call-state.js';
import { cloneRequest } from '../clone-request.js';
import { syncContentLength } from '../content-length.js';
import { signingInfoOf } from '../signing-info.js';

/**
 * The per-attempt middleware (finalizeRequest step, after the SDK's retry
 * middleware and before signing). Every attempt starts from a fresh copy of
 * the request as serialization made it, as botocore builds a new request per
 * attempt; then `request-created`, `choose-signer`, `before-sign`; after the
 * attempt, `response-received` and `needs-retry`.
 */
export const attemptMiddleware =
  () => (next: FinalizeHandler<any, any>, sdkContext: HandlerExecutionContext) => async (args: FinalizeHandlerArguments<any>) => {
    const state = (args as ArgsWithState)[CALL_STATE];
    if (!state) return next(args);
    for (;;) {
      state.attempts += 1;
      const attempt: AttemptState = {};
      const request = HttpRequest.isInstance(args.request) ? cloneRequest(args.request) : args.request;
      if (HttpRequest.isInstance(request)) await beforeAttempt(state, sdkContext, request, attempt);

      let result: Awaited<ReturnType<typeof next>> | undefined;
      let exception: unknown;
      try {
        result = await next({ ...args, request, [ATTEMPT_STATE]: attempt } as typeof args);
      } catch (error) {
        exception = error;
      }

      const delay = await afterAttempt(state, result, exception);
      if (delay === undefined) {
        if (result === undefined) throw exception;
        return result;
      }
      await sleep(delay * 1000);
    }
  };

async function beforeAttempt(state: CallState, sdkContext: HandlerExecutionContext, request: HttpRequest, attempt: AttemptState) {
  const bodyAsSerialized = request.body;
  await emitBeforeSigning(state, sdkContext, request, attempt);
  if (request.body !== bodyAsSerialized) syncContentLength(request);
}

async function emitBeforeSigning(state: CallState, sdkContext: HandlerExecutionContext, request: HttpRequest, attempt: AttemptState) {
  const { emitter, plan, context } = state;
  const { names, listened, model } = plan;
  if (listened['request-created']) {
    await emitter.emit(names['request-created'], { request, operationName: model.name, context });
  }
  if (!listened['choose-signer'] && !listened['before-sign']) return;
  const signing = signingInfoOf(sdkContext);
  if (listened['choose-signer']) {
    const responses = await emitter.emit(names['choose-signer'], { ...signing, context });
    const chosen = firstNonNullResponse(responses);
    if (chosen === UNSIGNED) signing.signatureVersion = UNSIGNED;
    else if (chosen !== undefined && chosen !== signing.signatureVersion) {
      throw new TypeError(
        `${names['choose-signer']}: a handler chose the signer ${String(chosen)}; only UNSIGNED (or the current ${String(signing.signatureVersion)}) is supported`,
      );
    }
  }
  if (listened['before-sign']) {
    await emitter.emit(names['before-sign'], { request, ...signing, operationName: model.name, context });
  }
  // The signer copies the request it signs, so this object stays as it is now: unsigned.
  if (signing.signatureVersion === UNSIGNED) attempt.unsignedRequest = request;
}

/** Emits the after-attempt events; returns the delay in seconds when a `needs-retry` handler asked to retry. */
async function afterAttempt(state: CallState, result: { response: unknown; output: unknown } | undefined, exception: unknown) {
  const { emitter, plan, context } = state;
  const { names, listened, model } = plan;
  if (!listened['response-received'] && !listened['needs-retry']) return undefined;
  const response = result?.response ?? (exception as any)?.$response;
  const parsed = result?.output;
  if (listened['response-received']) {
    await emitter.emit(names['response-received'], { response, parsed, exception, context });
  }
  if (!listened['needs-retry']) return undefined;
  const responses = await emitter.emit(names['needs-retry'], {
    response,
    parsed,
    exception,
    attempts: state.attempts,
    model,
    context,
  });
  const delay = firstNonNullResponse(responses);
  if (delay === undefined) return undefined;
  if (typeof delay !== 'number' || !(delay >= 0) || !Number.isFinite(delay)) {
    throw new TypeError(`${names['needs-retry']}: a handler returned ${String(delay)}; expected a number of seconds to wait before retrying`);
  }
  return delay;
}
