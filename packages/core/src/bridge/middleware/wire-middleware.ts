import type { DeserializeHandler, DeserializeHandlerArguments } from '@smithy/types';
import { ATTEMPT_STATE, CALL_STATE, type ArgsWithState } from '../call-state.js';
import { toHttpResponse } from '../http-response.js';

/**
 * The innermost bridge middleware (deserialize step, low priority): sees the
 * signed request just before it goes on the network and the raw response
 * before the SDK parses it. Emits `before-send` (a response replaces the
 * network) and `before-parse`; sends the unsigned request when
 * `choose-signer` asked for it.
 */
export const wireMiddleware = () => (next: DeserializeHandler<any, any>) => async (args: DeserializeHandlerArguments<any>) => {
  const state = (args as ArgsWithState)[CALL_STATE];
  if (!state) return next(args);
  const { emitter, plan, context } = state;
  const { names, listened, model } = plan;
  const unsignedRequest = (args as ArgsWithState)[ATTEMPT_STATE]?.unsignedRequest;
  const sendArgs = unsignedRequest ? { ...args, request: unsignedRequest } : args;

  let result;
  if (listened['before-send']) {
    const [, response] = await emitter.emitUntilResponse(names['before-send'], { request: sendArgs.request, context });
    if (response !== undefined && response !== null) result = { response: toHttpResponse(response, names['before-send']), output: undefined };
  }
  result ??= await next(sendArgs);

  if (listened['before-parse']) {
    await emitter.emit(names['before-parse'], { response: result.response, model, context });
  }
  return result;
};
