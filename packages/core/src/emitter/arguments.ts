import { describeValue } from './names.js';
import type { EventHandler, RegisterOptions } from './types.js';

const OPTION_NAMES = new Set(['uniqueId', 'uniqueIdUsesCount']);
const PYTHON_SPELLINGS: Record<string, string> = { unique_id: 'uniqueId', unique_id_uses_count: 'uniqueIdUsesCount' };

/** Throws a `TypeError` naming `method` and the value unless `handler` is a function. */
export function checkHandler(method: string, name: string, handler: unknown): asserts handler is EventHandler<any> {
  if (typeof handler !== 'function') {
    throw new TypeError(`${method}(${JSON.stringify(name)}): the handler must be a function, got ${describeValue(handler)}`);
  }
}

/** The checked options of `register*`/`unregister`: a `TypeError` names any bad or unknown one. */
export function checkOptions(method: string, options: unknown): { uniqueId: string | undefined; usesCount: boolean } {
  if (options === undefined) return { uniqueId: undefined, usesCount: false };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${method}: the options must be an object ({ uniqueId?, uniqueIdUsesCount? }), got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (OPTION_NAMES.has(key)) continue;
    const hint = PYTHON_SPELLINGS[key] ? ` (did you mean ${PYTHON_SPELLINGS[key]}?)` : '';
    throw new TypeError(`${method}: unknown option ${JSON.stringify(key)}${hint}; the options are uniqueId and uniqueIdUsesCount`);
  }
  const { uniqueId, uniqueIdUsesCount } = options as RegisterOptions;
  if (uniqueId !== undefined && typeof uniqueId !== 'string') {
    throw new TypeError(`${method}: the option uniqueId must be a string, got ${describeValue(uniqueId)}`);
  }
  if (uniqueIdUsesCount !== undefined && typeof uniqueIdUsesCount !== 'boolean') {
    throw new TypeError(`${method}: the option uniqueIdUsesCount must be a boolean, got ${describeValue(uniqueIdUsesCount)}`);
  }
  return { uniqueId, usesCount: uniqueIdUsesCount === true };
}

/** Throws a `TypeError` unless `payload` is `undefined` or an object; returns it as one. */
export function checkPayload(method: string, name: string, payload: unknown): object | undefined {
  if (payload === undefined || (payload !== null && typeof payload === 'object')) return payload;
  throw new TypeError(`${method}(${JSON.stringify(name)}): the payload must be an object, got ${describeValue(payload)}`);
}
