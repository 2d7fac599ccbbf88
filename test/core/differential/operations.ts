// The shape of a differential test case, shared (as JSON) with botocore_driver.py.
// A sequence is a list of operations run in order against one emitter; both sides
// run it and report one result per operation.

/** A JSON value as exchanged with the Python driver. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The two emitters under test and their botocore counterparts. */
export type EmitterKind = 'hierarchical' | 'aliased';

/** How one handler (h0..h9) behaves in a sequence. */
export interface HandlerSpec {
  /** `h0` .. `h9`. */
  name: string;
  /** What it returns; `null` is botocore's `None`. */
  response: Json;
  /** When `response` is null: does the TypeScript handler return `undefined` or `null`? */
  tsNullish: 'undefined' | 'null';
  /** The TypeScript handler is `async` (botocore's is always synchronous). */
  async: boolean;
  /** It throws (rejects, when async) instead of returning: the emit must fail with that same error. */
  throws?: boolean;
}

/** `register`, `registerFirst` or `registerLast`. */
export interface RegisterOp {
  op: 'register' | 'registerFirst' | 'registerLast';
  name: string;
  handler: string;
  uniqueId?: string;
  uniqueIdUsesCount?: boolean;
}

/** `unregister(name, handler?, { uniqueId?, uniqueIdUsesCount? })`. */
export interface UnregisterOp {
  op: 'unregister';
  name: string;
  handler?: string;
  uniqueId?: string;
  uniqueIdUsesCount?: boolean;
}

/** `emit` or `emitUntilResponse` on the current emitter. */
export interface EmitOp {
  op: 'emit' | 'emitUntilResponse';
  name: string;
  /** Passed in the payload and recorded by every handler called, to see the payload arrive. */
  tag: number;
  /**
   * TypeScript only: the payload also carries `eventName: 'spoofed'`, which the emitter
   * must overwrite with the emitted name (botocore sets `kwargs['event_name']` the same way).
   */
  spoofEventName?: boolean;
}

/** Replace the current emitter with `copy()` of it; the old one becomes "the original". */
export interface CopyOp {
  op: 'copy';
}

/** `emit` on the most recent original (read only: checks that the copy is independent). */
export interface EmitOriginalOp {
  op: 'emitOriginal';
  name: string;
  tag: number;
}

/** One step of a sequence. */
export type Operation = RegisterOp | UnregisterOp | EmitOp | CopyOp | EmitOriginalOp;

/** A test case: an emitter kind, the handlers' behaviour and the operations. */
export interface Sequence {
  /** Where the sequence comes from, for messages: `random #17` or a fixed case's title. */
  label: string;
  emitter: EmitterKind;
  handlers: HandlerSpec[];
  ops: Operation[];
}

/** One handler call: `[handler name, eventName it received, payload tag it received]`. */
export type Call = [handler: string, eventName: string, tag: Json];

/**
 * The result of one operation, as botocore_driver.py reports it:
 * - `ok`: register/unregister/copy returned normally;
 * - `error`: botocore raised ValueError (the TypeScript emitter must throw a TypeError);
 * - `crash`: botocore raised something else in `unregister` (AttributeError on some
 *   unregisters; the TypeScript emitter must be a silent no-op there);
 * - `emit` / `until`: the calls made and the returned value, handlers named;
 * - `raised`: a handler that throws was called; the emit fails with its error.
 */
export type BotocoreResult =
  | { kind: 'ok' }
  | { kind: 'error'; error: string; message: string }
  | { kind: 'crash'; error: string; message: string }
  | { kind: 'emit'; calls: Call[]; result: [string, Json][] }
  | { kind: 'until'; calls: Call[]; result: [string | null, Json] }
  | { kind: 'raised'; calls: Call[]; handler: string };

/** Everything the driver prints for one sequence. */
export interface BotocoreSequenceResult {
  results: BotocoreResult[];
  /** Set when botocore failed in a way the sequence cannot go on from; `results` stop there. */
  stoppedAt?: number;
  stoppedBecause?: string;
}

/** Renders an operation as the TypeScript call it stands for, for failure messages. */
export function describeOperation(op: Operation): string {
  const quote = (value: string): string => JSON.stringify(value).replaceAll('"', "'");
  switch (op.op) {
    case 'register':
    case 'registerFirst':
    case 'registerLast':
    case 'unregister': {
      const options: string[] = [];
      if (op.uniqueId !== undefined) options.push(`uniqueId: ${quote(op.uniqueId)}`);
      if (op.uniqueIdUsesCount !== undefined) options.push(`uniqueIdUsesCount: ${op.uniqueIdUsesCount}`);
      const handler = op.handler ?? 'undefined';
      const args = [quote(op.name)];
      if (op.handler !== undefined || options.length > 0) args.push(handler);
      if (options.length > 0) args.push(`{ ${options.join(', ')} }`);
      return `${op.op}(${args.join(', ')})`;
    }
    case 'emit':
    case 'emitUntilResponse':
      return `await ${op.op}(${quote(op.name)}, { tag: ${op.tag}${op.spoofEventName ? ", eventName: 'spoofed'" : ''} })`;
    case 'emitOriginal':
      return `await original.emit(${quote(op.name)}, { tag: ${op.tag} })`;
    case 'copy':
      return 'original = current; current = current.copy()';
  }
}

/** Renders a handler's behaviour, e.g. `h3 → 'r3' (async)`. */
export function describeHandler(spec: HandlerSpec): string {
  const returns =
    spec.response === null ? spec.tsNullish : typeof spec.response === 'string' ? `'${spec.response}'` : JSON.stringify(spec.response);
  if (spec.throws === true) return `${spec.name} ${spec.async ? 'is async and rejects' : 'throws'}`;
  return `${spec.name} returns ${returns}${spec.async ? ' (async)' : ''}`;
}
