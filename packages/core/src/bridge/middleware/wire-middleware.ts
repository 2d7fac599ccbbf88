import type { DeserializeHandler, DeserializeHandlerArguments, DeserializeHandlerOutput, HandlerExecutionContext } from '@smithy/types';
import type { CallState } from '../call-state.js';
import type { ClientBinding } from '../client-binding.js';
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
  ({ calls }: ClientBinding) =>
  (next: DeserializeHandler<any, any>, sdkContext: HandlerExecutionContext) =>
  (args: DeserializeHandlerArguments<any>): Promise<Result> => {
    const state = calls.of(sdkContext, args);
    if (!state) return next(args);
    try {
      return sendAndParse(next, args, state);
    } catch (error) {
      return Promise.reject(error);
    }
  };

type Result = DeserializeHandlerOutput<any>;

function sendAndParse(next: DeserializeHandler<any, any>, args: DeserializeHandlerArguments<any>, state: CallState): Promise<Result> {
  const { plan, context } = state;
  const { listened, names, model } = plan;
  const { unsignedRequest } = state;
  const sendArgs = unsignedRequest ? { ...args, request: unsignedRequest } : args;

  const answered = listened['before-send']
    ? fireUntilResponse(plan, 'before-send', { eventName: names['before-send'], request: sendArgs.request, context })
    : NOTHING_FIRED;
  const sent = Promise.resolve(
    whenFired(answered, (responses): Result | Promise<Result> => {
      const response = lastResponse(responses);
      if (response === undefined || response === null) return next(sendArgs);
      return { response: toHttpResponse(response, names['before-send']), output: undefined };
    }),
  );
  if (!listened['before-parse']) return sent;
  return sent.then((result) =>
    whenFired(fire(plan, 'before-parse', { eventName: names['before-parse'], response: result.response, model, context }), () => result),
  );
}
