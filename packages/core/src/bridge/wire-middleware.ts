import type { HttpRequest } from '@smithy/protocol-http';
import type { DeserializeHandler, DeserializeHandlerArguments } from '@smithy/types';
import { callStateOf, fire, listens, smithyContextOf, type CallSource, type CallState } from './call.js';
import { toHttpResponse } from './http-response.js';
import { RequestView, withRequest } from './request.js';
import type { SmithyClientLike } from './smithy-client.js';

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
    const view = new RequestView(request);
    const answer = await fire(state, 'before-send', { request: view.request }, true);
    if (answer !== undefined) {
      const response = toHttpResponse(answer, state.plan.names['before-send'], await requestTimeoutOf(source.client), state.abortSignal);
      result = { response, output: undefined };
    } else if (view.written) {
      request = await signAgain(view, state);
    }
  }
  result ??= await next(withRequest(args, request));
  if (listens(state, 'before-parse')) await fire(state, 'before-parse', { response: result.response, model: state.plan.model });
  return result;
};

/**
 * `before-send` handlers see the signed request; when they changed it, it
 * is signed again with the call's signer and identity, so what goes out is
 * valid. An unsigned request stays unsigned.
 */
async function signAgain(view: RequestView, state: CallState): Promise<HttpRequest> {
  const headers = view.request.headers;
  const scheme = smithyContextOf(state.sdkContext).selectedHttpAuthScheme;
  if (!('authorization' in headers) || !scheme?.signer || !scheme.identity) return view.result();
  for (const name of ['authorization', 'x-amz-date', 'x-amz-security-token']) delete headers[name];
  return scheme.signer.sign(view.result(), scheme.identity, scheme.httpAuthOption?.signingProperties ?? {});
}

/** The client's request timeout in milliseconds, when its request handler has one. */
async function requestTimeoutOf(client: SmithyClientLike): Promise<number | undefined> {
  const handler = (client.config as { requestHandler?: { httpHandlerConfigs?: () => { requestTimeout?: number }; configProvider?: Promise<{ requestTimeout?: number }> } }).requestHandler;
  // The SDK's handlers resolve their config on their first request; a canned answer may come before any.
  const timeout = handler?.httpHandlerConfigs?.().requestTimeout ?? (await handler?.configProvider)?.requestTimeout;
  return typeof timeout === 'number' && timeout > 0 ? timeout : undefined;
}
