import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments } from '@smithy/types';
import { firstNonNullResponse } from '../../emitter/index.js';
import { CALL_STATE, createCallContext, operationNameOf, type CallState } from '../call-state.js';
import type { ClientBinding } from '../client-binding.js';

/**
 * The outermost bridge middleware (initialize step, high priority): starts
 * the call's state and emits `provide-client-params`, `before-parameter-build`,
 * then `after-call` or `after-call-error` around everything else.
 */
export const callMiddleware =
  (binding: ClientBinding) =>
  (next: InitializeHandler<any, any>, sdkContext: HandlerExecutionContext) =>
  async (args: InitializeHandlerArguments<any>) => {
    const plan = binding.planFor(operationNameOf(sdkContext));
    const state: CallState = { emitter: binding.emitter, plan, context: createCallContext(sdkContext, binding.client), attempts: 0 };
    const { emitter, context } = state;
    const { names, listened, model } = plan;
    let input = args.input;

    if (listened['provide-client-params'] || listened['before-parameter-build']) {
      // botocore hands handlers a per-call params dict: a copy keeps the caller's input as it was.
      let params = { ...input };
      if (listened['provide-client-params']) {
        const responses = await emitter.emit(names['provide-client-params'], { params, model, context });
        params = firstNonNullResponse(responses, params) as typeof params;
      }
      if (listened['before-parameter-build']) {
        await emitter.emit(names['before-parameter-build'], { params, model, context });
      }
      input = params;
    }

    let result;
    try {
      result = await next({ ...args, input, [CALL_STATE]: state } as typeof args);
    } catch (exception) {
      if (listened['after-call-error']) {
        await emitter.emit(names['after-call-error'], { exception, model, context });
      }
      throw exception;
    }
    if (listened['after-call']) {
      await emitter.emit(names['after-call'], { response: result.response, parsed: result.output, model, context });
    }
    return result;
  };
