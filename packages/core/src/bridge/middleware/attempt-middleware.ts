import { HttpRequest } from '@smithy/protocol-http';
import type { FinalizeHandler, FinalizeHandlerArguments, FinalizeHandlerOutput, HandlerExecutionContext } from '@smithy/types';
import { setTimeout as sleep } from 'node:timers/promises';
import { firstNonNullResponse } from '../../emitter/index.js';
import type { HandlerResponse } from '../../emitter/types.js';
import { UNSIGNED } from '../../lifecycle/unsigned.js';
import type { CallState } from '../call-state.js';
import type { ClientBinding } from '../client-binding.js';
import { syncContentLength } from '../content-length.js';
import { fire, notify } from '../fire.js';
import { restoreRequest, snapshotRequest } from '../request-snapshot.js';
import { signingInfoOf, type SigningInfo } from '../signing-info.js';

/**
 * The per-attempt middleware (finalizeRequest step, after the SDK's retry
 * middleware and before signing). Every attempt starts from the request as
 * serialization made it, as botocore builds a new request per attempt (a
 * failed attempt puts back what its handlers changed); then
 * `request-created`, `choose-signer`, `before-sign`; after the attempt,
 * `response-received` and `needs-retry`.
 */
export const attemptMiddleware =
  ({ calls }: ClientBinding) =>
  (next: FinalizeHandler<any, any>, sdkContext: HandlerExecutionContext) =>
  (args: FinalizeHandlerArguments<any>): Promise<Result> => {
    const state = calls.of(sdkContext, args);
    if (!state) return next(args);
    const { listened } = state.plan;
    try {
      // Only needs-retry can repeat an attempt here; without listeners after the attempt, one pass and no awaits.
      if (!listened['response-received'] && !listened['needs-retry']) return attemptOnce(next, sdkContext, args, state);
      return attemptUntilDone(next, sdkContext, args, state);
    } catch (error) {
      return Promise.reject(error);
    }
  };

type Result = FinalizeHandlerOutput<any>;

/**
 * One attempt: the events before signing on the SDK's own request, then
 * the rest of the stack. A request the SDK passes again (its retry
 * middleware does) was put back as it was by the failed attempt before;
 * a new one is remembered before any handler sees it.
 */
function attemptOnce(next: FinalizeHandler<any, any>, sdkContext: HandlerExecutionContext, args: FinalizeHandlerArguments<any>, state: CallState): Promise<Result> {
  state.attempts += 1;
  state.unsignedRequest = undefined;
  const { request } = args;
  // By shape, not `instanceof`: some commands' requests arrive here as plain objects with HttpRequest's fields (CloudWatch's PutMetricData, for one).
  if (!HttpRequest.isInstance(request)) return next(args);
  if (state.snapshot?.request !== request) state.snapshot = snapshotRequest(request);
  let sent: Promise<Result>;
  try {
    const pending = beforeAttempt(state, sdkContext, request);
    sent = pending === undefined ? next(args) : pending.then(() => next(args));
  } catch (error) {
    // A handler that throws synchronously fails the attempt like one that rejects.
    sent = Promise.reject(error);
  }
  // Registered before the SDK's retry middleware awaits `sent`, so this runs first: the
  // request is back as serialization made it before the SDK updates it for its next attempt.
  // `sent` itself goes up the stack, so a call that succeeds waits for no extra promise.
  sent.then(undefined, () => putBack(state));
  return sent;
}

/** Puts the call's request back as it was before the handlers of the attempt that just ended. */
function putBack(state: CallState): void {
  if (state.snapshot !== undefined) restoreRequest(state.snapshot);
}

/** Attempts until `needs-retry` asks for no more, with `response-received` and `needs-retry` after each. */
async function attemptUntilDone(next: FinalizeHandler<any, any>, sdkContext: HandlerExecutionContext, args: FinalizeHandlerArguments<any>, state: CallState): Promise<Result> {
  for (;;) {
    let result: Result | undefined;
    let exception: unknown;
    try {
      result = await attemptOnce(next, sdkContext, args, state);
    } catch (error) {
      exception = error;
    }
    const delay = await afterAttempt(state, result, exception);
    if (delay === undefined) {
      if (result === undefined) throw exception;
      return result;
    }
    // A retry asked for after a response: no failure put the request back.
    putBack(state);
    await sleep(delay * 1000);
  }
}

/**
 * `request-created`, `choose-signer` and `before-sign` in turn, then
 * `content-length` for a body a handler replaced. Each step goes on at once
 * when its handlers answered synchronously, so this returns a promise only
 * when one did not.
 */
function beforeAttempt(state: CallState, sdkContext: HandlerExecutionContext, request: HttpRequest): undefined | Promise<void> {
  const { plan, context } = state;
  const { listened, names, model } = plan;
  const attempt: Attempt = { state, request, bodyAsSerialized: request.body, signing: undefined };
  const created = listened['request-created']
    ? notify(plan, 'request-created', { eventName: names['request-created'], request, operationName: model.name, context })
    : undefined;
  if (!listened['choose-signer'] && !listened['before-sign']) return created === undefined ? syncBody(attempt) : created.then(() => syncBody(attempt));
  attempt.signing = signingInfoOf(sdkContext);
  return created === undefined ? chooseSigner(attempt) : created.then(() => chooseSigner(attempt));
}

/** What the steps of `beforeAttempt` share. */
interface Attempt {
  readonly state: CallState;
  readonly request: HttpRequest;
  readonly bodyAsSerialized: unknown;
  signing: SigningInfo | undefined;
}

function chooseSigner(attempt: Attempt): undefined | Promise<void> {
  const { state } = attempt;
  const { plan, context } = state;
  if (!plan.listened['choose-signer']) return beforeSign(attempt);
  const { signingName, regionName, signatureVersion } = attempt.signing!;
  const chosen = fire(plan, 'choose-signer', { eventName: plan.names['choose-signer'], signingName, regionName, signatureVersion, context });
  if (!Array.isArray(chosen)) {
    return chosen.then((responses) => {
      applySignerChoice(attempt, responses);
      return beforeSign(attempt);
    });
  }
  applySignerChoice(attempt, chosen);
  return beforeSign(attempt);
}

function beforeSign(attempt: Attempt): undefined | Promise<void> {
  const { state, request } = attempt;
  const { plan, context } = state;
  const signing = attempt.signing!;
  const signed = plan.listened['before-sign']
    ? notify(plan, 'before-sign', {
        eventName: plan.names['before-sign'],
        request,
        signingName: signing.signingName,
        regionName: signing.regionName,
        signatureVersion: signing.signatureVersion,
        operationName: plan.model.name,
        context,
      })
    : undefined;
  // The signer copies the request it signs, so this object stays as it is now: unsigned.
  if (signing.signatureVersion === UNSIGNED) state.unsignedRequest = request;
  return signed === undefined ? syncBody(attempt) : signed.then(() => syncBody(attempt));
}

/** botocore computes `content-length` after `before-sign`: so does this, for a body a handler replaced. */
function syncBody({ request, bodyAsSerialized }: Attempt): undefined {
  if (request.body !== bodyAsSerialized) syncContentLength(request);
  return undefined;
}

/** `UNSIGNED` from a `choose-signer` handler marks the attempt unsigned; another signer name is an error. */
function applySignerChoice({ state, signing }: Attempt, responses: HandlerResponse[]) {
  const chosen = firstNonNullResponse(responses);
  if (chosen === UNSIGNED) signing!.signatureVersion = UNSIGNED;
  else if (chosen !== undefined && chosen !== signing!.signatureVersion) {
    throw new TypeError(
      `${state.plan.names['choose-signer']}: a handler chose the signer ${String(chosen)}; only UNSIGNED (or the current ${String(signing!.signatureVersion)}) is supported`,
    );
  }
}

/** Emits the after-attempt events; resolves to the delay in seconds when a `needs-retry` handler asked to retry. */
async function afterAttempt(state: CallState, result: { response: unknown; output: unknown } | undefined, exception: unknown) {
  const { plan, context } = state;
  const { names, listened, model } = plan;
  const response = result?.response ?? (exception as any)?.$response;
  const parsed = result?.output;
  if (listened['response-received']) {
    await notify(plan, 'response-received', { eventName: names['response-received'], response, parsed, exception, context });
  }
  if (!listened['needs-retry']) return undefined;
  const responses = await fire(plan, 'needs-retry', {
    eventName: names['needs-retry'],
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
