// Compares, operation by operation, what botocore did with what the TypeScript emitter did.

import type { BotocoreResult, BotocoreSequenceResult, Call, Json, Sequence } from './operations.js';
import { describeOperation } from './operations.js';
import type { OurHandlers, OurResult } from './run-ours.js';

/** The first operation where the two sides differ. */
export interface Divergence {
  opIndex: number;
  operation: string;
  expected: string;
  actual: string;
}

/** Renders a value the way a TypeScript reader reads it (`undefined`, `'r1'`, `0`). */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function showCalls(calls: readonly Call[]): string {
  if (calls.length === 0) return 'no handler called';
  const [, eventName, tag] = calls[0]!;
  if (calls.every((call) => call[1] === eventName && Object.is(call[2], tag))) {
    // The usual case: one payload for all; name it once.
    return `called ${calls.map(([handler]) => handler).join(', ')} (eventName ${show(eventName)}, tag ${show(tag)})`;
  }
  return `called ${calls.map(([handler, name, callTag]) => `${handler}(eventName ${show(name)}, tag ${show(callTag)})`).join(', ')}`;
}

function sameCalls(a: readonly Call[], b: readonly Call[]): boolean {
  return a.length === b.length && a.every((call, i) => call.every((part, j) => Object.is(part, b[i]![j])));
}

/** botocore's `None` is the TypeScript handler's own nullish return; any other response comes back as is. */
function expectedResponse(handlers: OurHandlers, handler: string, response: Json): unknown {
  return response === null ? handlers.returnValue(handler) : response;
}

function describeBotocore(result: BotocoreResult, handlers: OurHandlers): string {
  switch (result.kind) {
    case 'ok':
      return 'returns normally';
    case 'error':
      return `throws a TypeError (botocore raises ${result.error}: ${result.message})`;
    case 'crash':
      return `is a silent no-op (botocore crashes with ${result.error}: ${result.message})`;
    case 'emit':
      return `${showCalls(result.calls)}; returns [${result.result
        .map(([h, r]) => `[${h}, ${show(expectedResponse(handlers, h, r))}]`)
        .join(', ')}]`;
    case 'until': {
      const [h, r] = result.result;
      return `${showCalls(result.calls)}; returns ${h === null ? '[undefined, undefined]' : `[${h}, ${show(expectedResponse(handlers, h, r))}]`}`;
    }
    case 'raised':
      return `${showCalls(result.calls)}; rejects with the error ${result.handler} threw (${show(handlers.errorOf(result.handler))})`;
  }
}

function describeOurs(result: OurResult): string {
  switch (result.kind) {
    case 'ok':
      return 'returned normally';
    case 'threw': {
      const what = result.error instanceof Error ? `${result.error.constructor.name} (${result.error.message})` : show(result.error);
      return result.calls.length > 0 ? `${showCalls(result.calls)}; threw/rejected ${what}` : `threw/rejected ${what}`;
    }
    case 'emit':
      return `${showCalls(result.calls)}; returned [${result.result.map(([h, r]) => `[${h}, ${show(r)}]`).join(', ')}]`;
    case 'until':
      return `${showCalls(result.calls)}; returned [${result.result[0] ?? 'undefined'}, ${show(result.result[1])}]`;
  }
}

function matches(expected: BotocoreResult, actual: OurResult, handlers: OurHandlers): boolean {
  switch (expected.kind) {
    case 'ok':
    case 'crash':
      return actual.kind === 'ok';
    case 'error':
      return actual.kind === 'threw' && actual.error instanceof TypeError && actual.calls.length === 0;
    case 'emit':
      return (
        actual.kind === 'emit' &&
        sameCalls(expected.calls, actual.calls) &&
        expected.result.length === actual.result.length &&
        expected.result.every(
          ([h, r], i) => actual.result[i]![0] === h && Object.is(actual.result[i]![1], expectedResponse(handlers, h, r)),
        )
      );
    case 'until': {
      if (actual.kind !== 'until' || !sameCalls(expected.calls, actual.calls)) return false;
      const [h, r] = expected.result;
      if (h === null) return actual.result[0] === undefined && actual.result[1] === undefined;
      return actual.result[0] === h && Object.is(actual.result[1], expectedResponse(handlers, h, r));
    }
    case 'raised':
      // The very error object the handler threw, not a wrapper or a copy.
      return actual.kind === 'threw' && actual.error === handlers.errorOf(expected.handler) && sameCalls(expected.calls, actual.calls);
  }
}

/** The first divergence between botocore's and our results for `sequence`, if any. */
export function firstDivergence(
  sequence: Sequence,
  botocore: BotocoreSequenceResult,
  ours: readonly OurResult[],
  handlers: OurHandlers,
): Divergence | undefined {
  for (let i = 0; i < botocore.results.length; i += 1) {
    const expected = botocore.results[i]!;
    const actual = ours[i];
    if (actual === undefined || !matches(expected, actual, handlers)) {
      return {
        opIndex: i,
        operation: describeOperation(sequence.ops[i]!),
        expected: describeBotocore(expected, handlers),
        actual: actual === undefined ? 'was not run' : describeOurs(actual),
      };
    }
  }
  return undefined;
}
