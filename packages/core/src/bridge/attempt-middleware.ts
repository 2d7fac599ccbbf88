import { HttpRequest } from '@smithy/protocol-http';
import type { FinalizeHandler, FinalizeHandlerArguments } from '@smithy/types';
import { describeValue } from '../emitter/names.js';
import { UNSIGNED } from '../lifecycle.js';
import { callStateOf, eventThatThrew, fire, listens, type CallSource, type CallState } from './call.js';
import { abortError } from './http-response.js';
import { deferredIdentityOf } from './deferred-credentials.js';
import { RequestView, withRequest } from './request.js';
import { regionOfClient, signingOf, withoutSigning } from './signing.js';

/**
 * The per-attempt middleware (finalizeRequest step, inside the SDK's retry
 * loop, just before the signer): `request-created`, `choose-signer`,
 * `before-sign`; after the attempt `response-received` and `needs-retry`,
 * whose number of seconds sends the attempt again after that wait.
 * A presign emits `choose-signer` and `before-sign` only.
 *
 * Each attempt starts from the request as the SDK built it, as botocore
 * builds a new request per attempt: handlers write to a copy (a
 * `RequestView`), which goes on to the signer and the network, so the SDK's
 * own request is as built when its retry (or a retry `needs-retry` asked
 * for) prepares the next attempt.
 */
export const attemptMiddleware = (source: CallSource) => (next: FinalizeHandler<any, any>) => async (args: FinalizeHandlerArguments<any>) => {
  const state = callStateOf(args);
  if (!state || !HttpRequest.isInstance(args.request)) return next(args);
  if (state.presign) return presign(next, args, state, source);
  const judged = listens(state, 'response-received') || listens(state, 'needs-retry');
  for (;;) {
    // A failure here sent nothing: no response to judge, so no response-received or needs-retry (botocore 1.43 alike).
    const { request, unsigned } = await prepareAttempt(args.request, state, source);
    let result: Awaited<ReturnType<typeof next>> | undefined;
    let exception: unknown;
    try {
      result = await send(next, withRequest(args, request), state, unsigned);
    } catch (error) {
      // A before-parse handler failed: botocore judges no response either.
      if (!judged || eventThatThrew(error) === 'before-parse') throw error;
      exception = error;
    }
    const delay = judged ? await afterAttempt(state, result, exception) : undefined;
    if (delay === undefined) {
      if (result === undefined) throw exception;
      return result;
    }
    await sleep(delay, state);
  }
};

/**
 * Before anything is sent: `request-created` (not for a presign),
 * `choose-signer`, `before-sign`, then the credentials, looked up only when
 * the request will be signed. Resolves to the request to send (the SDK's
 * own, or the copy handlers changed) and whether it goes unsigned.
 */
async function prepareAttempt(built: HttpRequest, state: CallState, source: CallSource): Promise<{ request: HttpRequest; unsigned: boolean }> {
  const { plan, presign, sdkContext } = state;
  const operationName = plan.model.name;
  const view = new RequestView(built);
  const request = view.request;
  if (!presign && listens(state, 'request-created')) await fire(state, 'request-created', { request, operationName });
  let unsigned = false;
  if (listens(state, 'choose-signer') || listens(state, 'before-sign')) {
    const signing = signingOf(sdkContext, presign, plan.model.serviceIdHyphenized);
    const { signingName } = signing;
    const regionName = signing.regionName || (await regionOfClient(source.client.config));
    let signatureVersion = signing.signVersion;
    if (listens(state, 'choose-signer')) {
      const chosen = await fire(state, 'choose-signer', { signingName, regionName, signatureVersion: signing.chooseVersion }, true);
      if (chosen === UNSIGNED) signatureVersion = UNSIGNED;
      else if (chosen !== undefined && chosen !== signing.chooseVersion) {
        throw new TypeError(`${plan.names['choose-signer']}: a handler chose the signer ${describeValue(chosen)}; only UNSIGNED (or the current ${signing.chooseVersion}) is supported`);
      }
    }
    unsigned = signatureVersion === UNSIGNED;
    if (listens(state, 'before-sign')) await fire(state, 'before-sign', { request, signingName, regionName, signatureVersion, operationName });
  }
  // Looked up now, so that a failed lookup fails the attempt before anything is sent.
  const deferred = unsigned ? undefined : deferredIdentityOf(sdkContext);
  if (deferred) await deferred.resolve();
  return { request: view.result(), unsigned };
}

/** Sends the attempt (the SDK's signer, then the wire), signed or not, and counts the request. */
function send(next: FinalizeHandler<any, any>, args: FinalizeHandlerArguments<any>, state: CallState, unsigned: boolean) {
  state.requests++;
  return unsigned ? withoutSigning(state.sdkContext, () => next(args)) : next(args);
}

/** A presign: `choose-signer` and `before-sign`, then the presigner signs the URL (next), unless it goes unsigned. */
async function presign(next: FinalizeHandler<any, any>, args: FinalizeHandlerArguments<any>, state: CallState, source: CallSource) {
  const { request, unsigned } = await prepareAttempt(args.request as HttpRequest, state, source);
  // An unsigned presign is the URL as it is.
  if (unsigned) return { response: {}, output: { $metadata: { httpStatusCode: 200 }, presigned: request } };
  return next(withRequest(args, request));
}

/** `response-received` and `needs-retry`: the delay in seconds when a handler asked to retry. */
async function afterAttempt(state: CallState, result: { response: unknown; output: unknown } | undefined, exception: unknown): Promise<number | undefined> {
  const response = result?.response ?? (exception as any)?.$response;
  const parsed = result?.output;
  if (listens(state, 'response-received')) await fire(state, 'response-received', { response, parsed, exception });
  if (!listens(state, 'needs-retry')) return undefined;
  const delay = await fire(state, 'needs-retry', { response, parsed, exception, attempts: state.requests, model: state.plan.model });
  if (delay === undefined) return undefined;
  if (typeof delay !== 'number' || !(delay >= 0) || delay * 1000 > MAX_TIMER_MS) {
    throw new TypeError(
      `${state.plan.names['needs-retry']}: a handler returned ${describeValue(delay)}; expected a number of seconds from 0 to ${MAX_TIMER_MS / 1000} to wait before retrying`,
    );
  }
  return delay;
}

/** The longest wait a timer can do (2^31 - 1 ms); longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Waits `seconds`, or until the call is aborted (then rejects as the SDK's own abort does). */
function sleep(seconds: number, state: CallState): Promise<void> {
  const signal = state.abortSignal;
  state.retryDelayMs += seconds * 1000;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, seconds * 1000);
    signal?.addEventListener('abort', onAbort);
  });
}
