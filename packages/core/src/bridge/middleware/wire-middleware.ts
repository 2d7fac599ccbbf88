import type { DeserializeHandler, DeserializeHandlerArguments, DeserializeHandlerOutput, HandlerExecutionContext } from '@smithy/types';
import type { CallState } from '../call-state.js';
import type { ClientBinding } from '../client-binding.js';
import { isThenable } from '../../emitter/dispatch.js';
import { firstResponse, notify } from '../fire.js';
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
  const { plan, context, unsignedRequest } = state;
  const { listened, names, model } = plan;
  const sendArgs = unsignedRequest ? { ...args, request: unsignedRequest } : args;
  const sent = listened['before-send'] ? sendUnlessAnswered(next, sendArgs, state) : next(sendArgs);
  if (!listened['before-parse']) return sent;
  return sent.then((result) => {
    const parsing = notify(plan, 'before-parse', { eventName: names['before-parse'], response: result.response, model, context });
    return parsing === undefined ? result : parsing.then(() => result);
  });
}

/** `before-send`: the first response a handler gives stands for the network's; without one the request goes out. */
function sendUnlessAnswered(next: DeserializeHandler<any, any>, sendArgs: DeserializeHandlerArguments<any>, state: CallState): Promise<Result> {
  const { plan, context } = state;
  const eventName = plan.names['before-send'];
  const answered = firstResponse(plan, 'before-send', { eventName, request: sendArgs.request, context });
  if (!isThenable(answered)) return sendOrAnswer(next, sendArgs, answered, eventName);
  return Promise.resolve(answered).then((response) => sendOrAnswer(next, sendArgs, response, eventName));
}

function sendOrAnswer(next: DeserializeHandler<any, any>, sendArgs: DeserializeHandlerArguments<any>, response: unknown, eventName: string): Promise<Result> {
  if (response === undefined) return next(sendArgs);
  return Promise.resolve({ response: toHttpResponse(response, eventName), output: undefined });
}
