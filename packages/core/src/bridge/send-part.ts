import type { HttpRequest } from '@smithy/protocol-http';
import { describeValue } from '../emitter/names.js';
import type { CallContext } from '../lifecycle.js';
import { PART_OF, callOfContext, smithyContextOf } from './call.js';

/**
 * From inside a handler of a call (typically `before-call`), sends `input`
 * with the same operation and client as a part of that call. The part fires
 * only the per-attempt events (`request-created` … `needs-retry`), with the
 * enclosing call's `context`; never the call-level ones (`provide-client-params`,
 * `before-parameter-build`, `before-call`, `after-call`, `after-call-error`),
 * which the enclosing call fires once. Its requests count in the enclosing
 * call's `$metadata.attempts`. Resolves to the part's output (with `$metadata`).
 *
 * With `{ dryRun: true }` nothing is sent and no event fires: resolves to
 * the serialized request (`HttpRequest`) as the SDK built it, to measure it.
 *
 * @example
 * events.register('before-call.cloudwatch.PutMetricData', async ({ params, context }) => {
 *   if (params.MetricData.length <= 1000) return undefined;
 *   for (const MetricData of chunks(params.MetricData, 1000)) await sendPartOfCall(context, { ...params, MetricData });
 *   return {};
 * });
 */
export function sendPartOfCall(context: CallContext, input: object): Promise<Record<string, any>>;
export function sendPartOfCall(context: CallContext, input: object, options: { dryRun: true }): Promise<HttpRequest>;
export async function sendPartOfCall(context: CallContext, input: object, options?: { dryRun?: boolean }): Promise<unknown> {
  const call = callOfContext(context);
  if (call === undefined) throw new TypeError(`sendPartOfCall: the context must be the \`context\` of a call's event payload, got ${describeValue(context)}`);
  if (input === null || typeof input !== 'object') throw new TypeError(`sendPartOfCall: the input must be an object, got ${describeValue(input)}`);
  const Command = smithyContextOf(call.sdkContext).commandInstance?.constructor as (new (input: object) => object) | undefined;
  if (typeof Command !== 'function') throw new TypeError(`sendPartOfCall: the SDK did not say which command this call is (${call.plan.model.name})`);
  const part = new Command(input);
  Object.defineProperty(part, PART_OF, { value: { call, dryRun: options?.dryRun === true } });
  const abortSignal = call.abortSignal;
  return context.client.send(part, abortSignal ? { abortSignal } : undefined);
}
