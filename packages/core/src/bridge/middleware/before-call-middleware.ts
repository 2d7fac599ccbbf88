import type { BuildHandler, BuildHandlerArguments } from '@smithy/types';
import { CALL_STATE, type ArgsWithState } from '../call-state.js';
import { fireUntilResponse, lastResponse, whenFired } from '../fire.js';

/**
 * Emits `before-call` once per call, after serialization and the build step
 * (build step, low priority), before any attempt. A response is the call's
 * output and nothing is sent.
 */
export const beforeCallMiddleware = () => (next: BuildHandler<any, any>) => async (args: BuildHandlerArguments<any>) => {
  const state = (args as ArgsWithState)[CALL_STATE];
  if (!state?.plan.listened['before-call']) return next(args);
  const { plan, context } = state;
  const fired = fireUntilResponse(plan, 'before-call', { eventName: plan.names['before-call'], params: args.input, request: args.request, model: plan.model, context });
  return whenFired(fired, (responses) => {
    const output = lastResponse(responses);
    return output === undefined || output === null ? next(args) : { output, response: undefined };
  });
};
