import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, InitializeHandlerOutput } from '@smithy/types';
import { firstNonNullResponse } from '../../emitter/index.js';
import { newCallContext } from '../call-context.js';
import { operationNameOf, type CallState } from '../call-state.js';
import type { ClientBinding } from '../client-binding.js';
import { fire, notify, whenFired } from '../fire.js';

type Output = InitializeHandlerOutput<any>;

/**
 * The outermost bridge middleware (initialize step, high priority): starts
 * the call's state and emits `provide-client-params`, `before-parameter-build`,
 * then `after-call` or `after-call-error` around everything else.
 * Not an async function: with synchronous handlers it adds no promise of its own.
 */
export const callMiddleware =
  (binding: ClientBinding) =>
  (next: InitializeHandler<any, any>, sdkContext: HandlerExecutionContext) => {
    // Once per resolved stack: per call without cacheMiddleware, per command class with it.
    const operation = operationNameOf(sdkContext);
    return (args: InitializeHandlerArguments<any>): Promise<Output> => {
      try {
        const plan = binding.planFor(operation);
        const state: CallState = { plan, sdkContext, context: newCallContext(sdkContext, binding.client), attempts: 0, unsignedRequest: undefined, snapshot: undefined };
        if (!plan.listened['provide-client-params'] && !plan.listened['before-parameter-build']) return callWithEvents(next, args, binding, state);
        return Promise.resolve(prepareParams(state, args.input)).then((input) => callWithEvents(next, { ...args, input }, binding, state));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  };

/** `provide-client-params` then `before-parameter-build`: the input the call goes on with. */
function prepareParams(state: CallState, input: Record<string, unknown>) {
  const { plan, context } = state;
  const { listened, names, model } = plan;
  // botocore hands handlers a per-call params dict: a copy keeps the caller's input as it was.
  const copy = { ...input };
  const provided = listened['provide-client-params'] ? fire(plan, 'provide-client-params', { eventName: names['provide-client-params'], params: copy, model, context }) : [];
  return whenFired(provided, (responses) => {
    const params = firstNonNullResponse(responses, copy) as Record<string, unknown>;
    if (!listened['before-parameter-build']) return params;
    const built = notify(plan, 'before-parameter-build', { eventName: names['before-parameter-build'], params, model, context });
    return built === undefined ? params : built.then(() => params);
  });
}

/**
 * Runs the rest of the stack with the call's state where the inner entries
 * find it, then `after-call` or `after-call-error`.
 */
function callWithEvents(next: InitializeHandler<any, any>, args: InitializeHandlerArguments<any>, binding: ClientBinding, state: CallState): Promise<Output> {
  const { calls } = binding;
  let sent: Promise<Output>;
  try {
    sent = next(calls.enter(args, state));
  } catch (error) {
    calls.leave(state);
    throw error;
  }
  const { plan, context } = state;
  const { listened, names, model } = plan;
  return sent.then(
    (result) => {
      calls.leave(state);
      if (!listened['after-call']) return result;
      const notified = notify(plan, 'after-call', { eventName: names['after-call'], response: result.response, parsed: result.output, model, context });
      return notified === undefined ? result : notified.then(() => result);
    },
    (exception: unknown) => {
      calls.leave(state);
      if (!listened['after-call-error']) throw exception;
      const notified = notify(plan, 'after-call-error', { eventName: names['after-call-error'], exception, model, context });
      if (notified === undefined) throw exception;
      return notified.then(() => {
        throw exception;
      });
    },
  );
}
