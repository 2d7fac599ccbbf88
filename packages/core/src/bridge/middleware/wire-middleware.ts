import type { DeserializeHandler, DeserializeHandlerArguments, DeserializeHandlerOutput } from '@smithy/types';
import { ATTEMPT_STATE, CALL_STATE, type ArgsWithState } from '../call-state.js';
import { fire, fireUntilResponse, lastResponse, NOTHING_FIRED, whenFired } from '../fire.js';
import { toHttpResponse } from '../http-response.js';

/**
 * The innermost bridge middleware (deserialize step, low priority): sees the
 * signed request just before it goes on the network and the raw response
 * before the SDK parses it. Emits `before-send` (a response replaces the
 * network) and `before-parse`; sends the unsigned request when
 * `choose-signer` asked for it. Handlers that answer synchronously add no
 * promise of their own.
 */
export const wireMiddleware =
  () =>
  (next: DeserializeHandler<any, any>) =>
  async (args: DeserializeHandlerArguments<any>): Promise<DeserializeHandlerOutput<any>> => {
    const state = (args as ArgsWithState)[CALL_STATE];
    if (!state) return next(args);
    const { plan, context } = state;
    const { listened, names, model } = plan;
    const unsignedRequest = (args as ArgsWithState)[ATTEMPT_STATE]?.unsignedRequest;
    const sendArgs = unsignedRequest ? { ...args, request: unsignedRequest } : args;

    const answered = listened['before-send']
      ? fireUntilResponse(plan, 'before-send', { eventName: names['before-send'], request: sendArgs.request, context })
      : NOTHING_FIRED;
    const result = await whenFired(answered, (responses) => {
      const response = lastResponse(responses);
      if (response === undefined || response === null) return next(sendArgs);
      return { response: toHttpResponse(response, names['before-send']), output: undefined };
    });

    if (!listened['before-parse']) return result;
    return whenFired(fire(plan, 'before-parse', { eventName: names['before-parse'], response: result.response, model, context }), () => result);
  };
