import type { BuildHandler, BuildHandlerArguments } from '@smithy/types';
import { CALL_STATE, type ArgsWithState } from '../call-state.js';

/**
 * Emits `before-call` once per call, after serialization and the build step
 * (build step, low priority), before any attempt. A response is the call's
 * output and nothing is sent.
 */
export const beforeCallMiddleware = () => (next: BuildHandler<any, any>) => async (args: BuildHandlerArguments<any>) => {
  const state = (args as ArgsWithState)[CALL_STATE];
  if (!state?.plan.listened['before-call']) return next(args);
  const { emitter, plan, context } = state;
  const [, output] = await emitter.emitUntilResponse(plan.names['before-call'], {
    params: args.input,
    request: args.request,
    model: plan.model,
    context,
  });
  if (output !== undefined && output !== null) return { output, response: undefined };
  return next(args);
};
