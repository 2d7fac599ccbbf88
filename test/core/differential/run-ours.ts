// Runs a sequence through the TypeScript emitter and records, per operation, what
// botocore_driver.py records for botocore: calls, returned values, errors.

import type { Call, HandlerSpec, Operation, Sequence } from './operations.js';

/** A handler as the emitter sees it. */
type Handler = (payload: { eventName: string; [member: string]: unknown }) => unknown;

interface Options {
  uniqueId?: string;
  uniqueIdUsesCount?: boolean;
}

/** The part of `HierarchicalEmitter` / `AliasedEventEmitter` the differential test drives. */
export interface EmitterUnderTest {
  register(name: string, handler: Handler, options?: Options): unknown;
  registerFirst(name: string, handler: Handler, options?: Options): unknown;
  registerLast(name: string, handler: Handler, options?: Options): unknown;
  unregister(name: string, handler?: Handler, options?: Options): unknown;
  emit(name: string, payload?: Record<string, unknown>): Promise<ReadonlyArray<readonly [unknown, unknown]>>;
  emitUntilResponse(name: string, payload?: Record<string, unknown>): Promise<readonly [unknown, unknown]>;
  copy(): EmitterUnderTest;
}

/** What one operation did on the TypeScript side. */
export type OurResult =
  | { kind: 'ok' }
  | { kind: 'threw'; error: unknown; calls: Call[] }
  | { kind: 'emit'; calls: Call[]; result: Array<[string, unknown]> }
  | { kind: 'until'; calls: Call[]; result: [string | undefined, unknown] };

/** The TypeScript handlers of a sequence, by name and by identity. */
export interface OurHandlers {
  byName: Map<string, Handler>;
  nameOf(handler: unknown): string;
  /** What `handlerName` returns (after awaiting, for an async one). */
  returnValue(handlerName: string): unknown;
  /** The error a throwing handler throws (the same object every time); undefined for the others. */
  errorOf(handlerName: string): Error | undefined;
  calls: Call[];
}

/** Builds h0..h9 as the sequence's specs say: each records its call and returns its response. */
export function makeHandlers(specs: readonly HandlerSpec[]): OurHandlers {
  const calls: Call[] = [];
  const byName = new Map<string, Handler>();
  const names = new Map<unknown, string>();
  const returns = new Map<string, unknown>();
  const errors = new Map<string, Error>();
  for (const spec of specs) {
    const value = spec.response === null ? (spec.tsNullish === 'null' ? null : undefined) : spec.response;
    const error = spec.throws === true ? new Error(`${spec.name} failed`) : undefined;
    const record = (payload: { eventName: string; [member: string]: unknown }): void => {
      calls.push([spec.name, payload.eventName, (payload['tag'] ?? null) as Call[2]]);
    };
    const handler: Handler = spec.async
      ? async (payload) => {
          record(payload);
          await Promise.resolve();
          if (error !== undefined) throw error;
          return value;
        }
      : (payload) => {
          record(payload);
          if (error !== undefined) throw error;
          return value;
        };
    byName.set(spec.name, handler);
    names.set(handler, spec.name);
    returns.set(spec.name, value);
    if (error !== undefined) errors.set(spec.name, error);
  }
  return {
    byName,
    calls,
    nameOf: (handler) => names.get(handler) ?? `<not a handler of this sequence: ${String(handler)}>`,
    returnValue: (name) => returns.get(name),
    errorOf: (name) => errors.get(name),
  };
}

function options(op: { uniqueId?: string; uniqueIdUsesCount?: boolean }): Options | undefined {
  if (op.uniqueId === undefined && op.uniqueIdUsesCount === undefined) return undefined;
  const result: Options = {};
  if (op.uniqueId !== undefined) result.uniqueId = op.uniqueId;
  if (op.uniqueIdUsesCount !== undefined) result.uniqueIdUsesCount = op.uniqueIdUsesCount;
  return result;
}

async function runOne(
  op: Operation,
  state: { current: EmitterUnderTest; original: EmitterUnderTest | undefined },
  handlers: OurHandlers,
): Promise<OurResult> {
  const handler = (name: string): Handler => {
    const found = handlers.byName.get(name);
    if (found === undefined) throw new Error(`test bug: no handler ${name}`);
    return found;
  };
  const before = handlers.calls.length;
  try {
    switch (op.op) {
      case 'register':
      case 'registerFirst':
      case 'registerLast':
        state.current[op.op](op.name, handler(op.handler), options(op));
        return { kind: 'ok' };
      case 'unregister':
        state.current.unregister(op.name, op.handler === undefined ? undefined : handler(op.handler), options(op));
        return { kind: 'ok' };
      case 'emit':
      case 'emitOriginal': {
        const target = op.op === 'emit' ? state.current : state.original;
        if (target === undefined) throw new Error('test bug: emitOriginal before any copy');
        const payload: Record<string, unknown> = { tag: op.tag };
        if (op.op === 'emit' && op.spoofEventName === true) payload['eventName'] = 'spoofed';
        const responses = await target.emit(op.name, payload);
        return {
          kind: 'emit',
          calls: handlers.calls.slice(before),
          result: responses.map(([fn, response]): [string, unknown] => [handlers.nameOf(fn), response]),
        };
      }
      case 'emitUntilResponse': {
        const payload: Record<string, unknown> = { tag: op.tag };
        if (op.spoofEventName === true) payload['eventName'] = 'spoofed';
        const [fn, response] = await state.current.emitUntilResponse(op.name, payload);
        return {
          kind: 'until',
          calls: handlers.calls.slice(before),
          result: [fn === undefined ? undefined : handlers.nameOf(fn), response],
        };
      }
      case 'copy':
        state.original = state.current;
        state.current = state.current.copy();
        return { kind: 'ok' };
    }
  } catch (error) {
    return { kind: 'threw', error, calls: handlers.calls.slice(before) };
  }
}

/** Runs the first `limit` operations of `sequence` on a fresh emitter from `create`. */
export async function runOurs(
  sequence: Sequence,
  create: () => EmitterUnderTest,
  limit: number = sequence.ops.length,
): Promise<{ results: OurResult[]; handlers: OurHandlers }> {
  const handlers = makeHandlers(sequence.handlers);
  const state: { current: EmitterUnderTest; original: EmitterUnderTest | undefined } = { current: create(), original: undefined };
  const results: OurResult[] = [];
  for (const op of sequence.ops.slice(0, limit)) results.push(await runOne(op, state, handlers));
  return { results, handlers };
}
