import { isResponse } from './dispatch.js';
import { describeValue } from './names.js';

/**
 * botocore's `first_non_none_response`: the first response in `emit`'s
 * `[handler, response]` pairs that is not `null` or `undefined`, else
 * `defaultValue` (itself `undefined` unless given).
 *
 * @example
 * const responses = await events.emit('needs-retry.lambda.Invoke', payload);
 * const delaySeconds = firstNonNullResponse(responses, 0);
 */
export function firstNonNullResponse<R, D = undefined>(
  responses: Iterable<readonly [handler: unknown, response: R]>,
  defaultValue?: D,
): Exclude<R, null | undefined> | D {
  if (responses === null || typeof (responses as { [Symbol.iterator]?: unknown })?.[Symbol.iterator] !== 'function') {
    throw new TypeError(`firstNonNullResponse: responses must be an iterable of [handler, response] pairs, got ${describeValue(responses)}`);
  }
  for (const pair of responses) {
    if (isResponse(pair[1])) return pair[1] as Exclude<R, null | undefined>;
  }
  return defaultValue as D;
}
