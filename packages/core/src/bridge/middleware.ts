import { HttpRequest } from '@smithy/protocol-http';
import type {
  BuildHandler,
  BuildHandlerArguments,
  DeserializeHandler,
  DeserializeHandlerArguments,
  FinalizeHandler,
  FinalizeHandlerArguments,
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  MetadataBearer,
} from '@smithy/types';
import { describeValue } from '../emitter/names.js';
import { UNSIGNED } from '../lifecycle.js';
import { newCallContext } from './call-context.js';
import { CALL, PART_OF, callStateOf, fire, listens, operationNameOf, rememberCall, smithyContextOf, type CallState, type OperationPlan, type PartOf } from './call.js';
import { abortError, toHttpResponse } from './http-response.js';
import { attemptRequest, bodyReplaced, caseInsensitive } from './request.js';
import { regionOfClient, signingOf, withoutSigning } from './signing.js';
import type { SmithyClientLike } from './smithy-client.js';

/** What the middleware need of the binding that installed them. */
export interface CallSource {
  readonly client: SmithyClientLike;
  planFor(operation: string): OperationPlan;
}

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
      context: partOf?.call.context ?? newCallContext(sdkContext, source.client),
      presign,
      partOf,
      abortSignal: smithyContextOf(sdkContext).abortSignal,
      requests: 0,
      retryDelayMs: 0,
    };
    if (partOf) return partMiddleware(next, args, state, partOf);
    rememberCall(state);
    const { model } = state.plan;
    try {
      const input = await prepareParams(state, args.input);
      const result = await next({ ...args, input, [CALL]: state } as InitializeHandlerArguments<any>).catch(answerOrRethrow);
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
function answerOrRethrow(error: unknown): { output: any; response: unknown } {
  if (error instanceof AnsweredBeforeCall) return { output: error.output, response: undefined };
  throw error;
}

/** A part of another call: the per-attempt events only, its requests counted in the enclosing call. */
async function partMiddleware(next: InitializeHandler<any, any>, args: InitializeHandlerArguments<any>, state: CallState, partOf: PartOf) {
  try {
    const result = await next({ ...args, [CALL]: state } as InitializeHandlerArguments<any>).catch(answerOrRethrow);
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
  const request = args.request as HttpRequest;
  const body = request.body;
  const output = await fire(state, 'before-call', { params: args.input, request, model: state.plan.model }, true);
  if (output !== undefined) throw new AnsweredBeforeCall(withMetadata(output, state));
  if (request.body !== body) bodyReplaced(request);
  return next(args);
};

function withMetadata(output: unknown, state: CallState): unknown {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) {
    throw new TypeError(`${state.plan.names['before-call']}: a handler returned ${describeValue(output)}; expected the call's output object`);
  }
  if ('$metadata' in output) return output;
  // Nothing was sent: a 200 with no attempts, as botocore's stubbed ResponseMetadata has no retries.
  return { ...output, $metadata: { httpStatusCode: 200, attempts: 0, totalRetryDelay: 0 } };
}

/**
 * The per-attempt middleware (finalizeRequest step, inside the SDK's retry
 * loop, just before the signer). Each attempt's handlers get a fresh copy
 * of the request as the SDK built it: `request-created`, `choose-signer`,
 * `before-sign`; after the attempt `response-received` and `needs-retry`,
 * whose number of seconds sends the attempt again after that wait.
 * A presign emits `choose-signer` and `before-sign` only.
 */
export const attemptMiddleware = (source: CallSource) => (next: FinalizeHandler<any, any>) => async (args: FinalizeHandlerArguments<any>) => {
  const state = callStateOf(args);
  if (!state || !HttpRequest.isInstance(args.request)) return next(args);
  if (state.presign) return attemptOnce(next, args, state, source);
  for (;;) {
    let result: Awaited<ReturnType<typeof next>> | undefined;
    let exception: unknown;
    try {
      result = await attemptOnce(next, args, state, source);
    } catch (error) {
      exception = error;
    }
    const delay = await afterAttempt(state, result, exception);
    if (delay === undefined) {
      if (result === undefined) throw exception;
      return result;
    }
    await sleep(delay, state);
  }
};

async function attemptOnce(next: FinalizeHandler<any, any>, args: FinalizeHandlerArguments<any>, state: CallState, source: CallSource) {
  const { plan, presign, sdkContext } = state;
  const operationName = plan.model.name;
  const request = attemptRequest(args.request as HttpRequest);
  if (!presign && listens(state, 'request-created')) await fire(state, 'request-created', { request, operationName });
  let unsigned = false;
  if (listens(state, 'choose-signer') || listens(state, 'before-sign')) {
    const signing = signingOf(sdkContext, presign, plan.model.serviceIdHyphenized, state.identityError !== undefined);
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
  if (request.body !== (args.request as HttpRequest).body) bodyReplaced(request);
  // An unsigned presign is the URL as it is: the presigner (next) would sign it.
  if (presign && unsigned) return { response: {}, output: { $metadata: { httpStatusCode: 200 }, presigned: request } };
  if (!unsigned && state.identityError !== undefined) throw state.identityError;
  if (!presign) state.requests++;
  return unsigned ? withoutSigning(sdkContext, () => next({ ...args, request })) : next({ ...args, request });
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

/**
 * The innermost bridge middleware (deserialize step, low priority): sees
 * the signed request just before it goes on the network and the raw
 * response before the SDK parses it. `before-send`: a response replaces the
 * network's; `before-parse`: handlers may change the response.
 */
export const wireMiddleware = (source: CallSource) => (next: DeserializeHandler<any, any>) => async (args: DeserializeHandlerArguments<any>) => {
  const state = callStateOf(args);
  if (!state || state.presign) return next(args);
  let request = args.request as HttpRequest;
  let result: Awaited<ReturnType<typeof next>> | undefined;
  if (listens(state, 'before-send')) {
    const before = fingerprint(request);
    const answer = await fire(state, 'before-send', { request }, true);
    if (answer !== undefined) {
      const response = toHttpResponse(answer, state.plan.names['before-send'], await requestTimeoutOf(source.client), state.abortSignal);
      result = { response, output: undefined };
    } else {
      const after = fingerprint(request);
      if (after.body !== before.body) bodyReplaced(request);
      if (after.body !== before.body || after.rest !== before.rest) request = await signAgain(request, state);
    }
  }
  result ??= await next({ ...args, request });
  if (listens(state, 'before-parse')) await fire(state, 'before-parse', { response: result.response, model: state.plan.model });
  return result;
};

/** What a `before-send` handler may change: compared before and after its handlers. */
function fingerprint(request: HttpRequest): { body: unknown; rest: string } {
  const { method, protocol, hostname, port, path, query, headers, body } = request;
  return { body, rest: JSON.stringify({ method, protocol, hostname, port, path, query, headers }) };
}

/**
 * `before-send` handlers see the signed request; when they changed it, it
 * is signed again with the call's signer and identity, so what goes out is
 * valid. An unsigned request stays unsigned.
 */
async function signAgain(request: HttpRequest, state: CallState): Promise<HttpRequest> {
  const headers = caseInsensitive(request.headers);
  const scheme = smithyContextOf(state.sdkContext).selectedHttpAuthScheme;
  if (!('authorization' in headers) || !scheme?.signer || !scheme.identity) return request;
  for (const name of ['authorization', 'x-amz-date', 'x-amz-security-token']) delete headers[name];
  return scheme.signer.sign(request, scheme.identity, scheme.httpAuthOption?.signingProperties ?? {});
}

/** The client's request timeout in milliseconds, when its request handler has one. */
async function requestTimeoutOf(client: SmithyClientLike): Promise<number | undefined> {
  const handler = (client.config as { requestHandler?: { httpHandlerConfigs?: () => { requestTimeout?: number }; configProvider?: Promise<{ requestTimeout?: number }> } }).requestHandler;
  // The SDK's handlers resolve their config on their first request; a canned answer may come before any.
  const timeout = handler?.httpHandlerConfigs?.().requestTimeout ?? (await handler?.configProvider)?.requestTimeout;
  return typeof timeout === 'number' && timeout > 0 ? timeout : undefined;
}
