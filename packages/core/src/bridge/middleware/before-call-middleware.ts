import type { BuildHandler, BuildHandlerArguments, HandlerExecutionContext } from '@smithy/types';
import type { ClientBinding } from '../client-binding.js';
import { isThenable } from '../../emitter/dispatch.js';
import { firstResponse } from '../fire.js';

/**
 * Emits `before-call` once per call, after serialization and the build step
 * (build step, low priority), before any attempt. A response is the call's
 * output and nothing is sent.
 */
export const beforeCallMiddleware = ({ calls }: ClientBinding) => (next: BuildHandler<any, any>, sdkContext: HandlerExecutionContext) => async (args: BuildHandlerArguments<any>) => {
  const state = calls.of(sdkContext, args);
  if (!state?.plan.listened['before-call']) return next(args);
  const { plan, context } = state;
  const answered = firstResponse(plan, 'before-call', { eventName: plan.names['before-call'], params: args.input, request: args.request, model: plan.model, context });
  const output = isThenable(answered) ? await answered : answered;
  return output === undefined ? next(args) : { output, response: undefined };
};
