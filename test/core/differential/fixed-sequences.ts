// Hand-written sequences for the tricky corners of botocore's emitter; they run on
// every test run, whatever the seed. botocore decides what each should do.

import type { EmitterKind, HandlerSpec, Operation, Sequence, UnregisterOp } from './operations.js';

/** h0..h9 with a fixed mix of responses: nullish, strings, numbers, falsy non-null values, sync and async. */
export const FIXED_HANDLERS: readonly HandlerSpec[] = [
  { name: 'h0', response: null, tsNullish: 'undefined', async: false },
  { name: 'h1', response: 'r1', tsNullish: 'undefined', async: false },
  { name: 'h2', response: null, tsNullish: 'null', async: true },
  { name: 'h3', response: 31, tsNullish: 'undefined', async: true },
  { name: 'h4', response: 0, tsNullish: 'undefined', async: false },
  { name: 'h5', response: '', tsNullish: 'undefined', async: false },
  { name: 'h6', response: false, tsNullish: 'undefined', async: true },
  { name: 'h7', response: null, tsNullish: 'undefined', async: true },
  { name: 'h8', response: 'r8', tsNullish: 'undefined', async: true },
  { name: 'h9', response: null, tsNullish: 'null', async: false },
];

interface IdOptions {
  uniqueId?: string;
  uniqueIdUsesCount?: boolean;
}

// A tiny vocabulary for writing sequences; `tag` is filled in with the operation's index.
const reg = (name: string, handler: string, options: IdOptions = {}): Operation => ({ op: 'register', name, handler, ...options });
const first = (name: string, handler: string, options: IdOptions = {}): Operation => ({ op: 'registerFirst', name, handler, ...options });
const last = (name: string, handler: string, options: IdOptions = {}): Operation => ({ op: 'registerLast', name, handler, ...options });
const unreg = (name: string, handler?: string, options: IdOptions = {}): Operation => {
  const op: UnregisterOp = { op: 'unregister', name, ...options };
  if (handler !== undefined) op.handler = handler;
  return op;
};
const emit = (name: string, spoofEventName = false): Operation => ({ op: 'emit', name, tag: 0, ...(spoofEventName ? { spoofEventName } : {}) });
const until = (name: string): Operation => ({ op: 'emitUntilResponse', name, tag: 0 });
const copy = (): Operation => ({ op: 'copy' });
const emitOriginal = (name: string): Operation => ({ op: 'emitOriginal', name, tag: 0 });

const CASES: ReadonlyArray<readonly [title: string, ops: Operation[], throwing?: readonly string[]]> = [
  [
    'specific before general, * and exact segments in botocore traversal order',
    [
      reg('before-call', 'h0'),
      reg('before-call.s3', 'h1'),
      reg('before-call.*', 'h2'),
      reg('*.s3', 'h3'),
      reg('before-call.s3.PutObject', 'h4'),
      reg('before-call.*.PutObject', 'h5'),
      reg('*.*.PutObject', 'h6'),
      reg('*', 'h7'),
      reg('before-call.s3.*', 'h8'),
      emit('before-call.s3.PutObject'),
      emit('before-call.ec2.PutObject'),
      emit('after-call.s3.Invoke'),
      emit('before-call.s3.PutObject.extra'),
      emit('before-call'),
      emit('s3'),
    ],
  ],
  [
    'an emitted name with a literal * reaches a * registration twice (exact child and wildcard)',
    [reg('a.*', 'h1'), reg('a.b', 'h3'), reg('*', 'h8'), first('*.*', 'h4'), emit('a.*'), emit('*.*'), emit('*'), until('*.b')],
  ],
  [
    'registerFirst / register / registerLast groups, each in registration order',
    [
      reg('a.b', 'h0'),
      last('a.b', 'h1'),
      first('a.b', 'h2'),
      reg('a.b', 'h3'),
      first('a.b', 'h4'),
      last('a.b', 'h5'),
      first('a', 'h6'),
      last('a.b.c', 'h7'),
      emit('a.b.c'),
      emit('a.b'),
    ],
  ],
  [
    'a handler registered twice is called twice; unregister removes the first group that holds it',
    [
      reg('a.b', 'h1'),
      first('a.b', 'h1'),
      last('a.b', 'h1'),
      reg('a.b', 'h0'),
      emit('a.b'),
      unreg('a.b', 'h1'),
      emit('a.b'),
      unreg('a.b', 'h1'),
      emit('a.b'),
      unreg('a.b', 'h1'),
      unreg('a.b', 'h1'),
      emit('a.b'),
    ],
  ],
  [
    'emitUntilResponse: nothing registered, only nullish responses (last pair), falsy responses stop it',
    [
      until('a.b'),
      reg('a.b', 'h0'),
      reg('a.b', 'h9'),
      until('a.b'),
      reg('a.b', 'h4'),
      reg('a.b', 'h1'),
      until('a.b'),
      first('a.b', 'h5'),
      until('a.b'),
      first('a.b', 'h6'),
      until('a.b'),
      first('a.b', 'h2'),
      until('a.b'),
      emit('a.b'),
      emit('x'),
    ],
  ],
  [
    'eventName is the emitted name, even when the payload says otherwise; async handlers awaited in order',
    [reg('a', 'h2'), reg('a.b', 'h3'), reg('a.*.c', 'h8'), emit('a.b.c', true), until('a.b.c'), emit('a.x.c', true)],
  ],
  [
    'a unique id is registered once, across names and sections',
    [
      reg('a.b', 'h0', { uniqueId: 'u0' }),
      reg('a.b', 'h1', { uniqueId: 'u0' }),
      first('c', 'h2', { uniqueId: 'u0' }),
      last('a.b', 'h0', { uniqueId: 'u0' }),
      emit('a.b'),
      emit('c'),
      unreg('a.b', undefined, { uniqueId: 'u0' }),
      emit('a.b'),
      reg('c', 'h2', { uniqueId: 'u0' }),
      emit('c'),
    ],
  ],
  [
    'counted unique ids: registrations counted, unregister decrements, removed at zero',
    [
      reg('a', 'h1', { uniqueId: 'u1', uniqueIdUsesCount: true }),
      reg('b', 'h3', { uniqueId: 'u1', uniqueIdUsesCount: true }),
      first('a', 'h4', { uniqueId: 'u1', uniqueIdUsesCount: true }),
      emit('a'),
      unreg('a', undefined, { uniqueId: 'u1', uniqueIdUsesCount: true }),
      unreg('a', undefined, { uniqueId: 'u1', uniqueIdUsesCount: true }),
      emit('a'),
      unreg('a', undefined, { uniqueId: 'u1', uniqueIdUsesCount: true }),
      emit('a'),
      unreg('a', undefined, { uniqueId: 'u1', uniqueIdUsesCount: true }),
      reg('a', 'h8', { uniqueId: 'u1', uniqueIdUsesCount: true }),
      emit('a'),
    ],
  ],
  [
    'mixing counted and uncounted use of one id is an error, in register and unregister, and changes nothing',
    [
      reg('a', 'h1', { uniqueId: 'u1', uniqueIdUsesCount: true }),
      reg('a', 'h1', { uniqueId: 'u1' }),
      reg('a', 'h1', { uniqueId: 'u1', uniqueIdUsesCount: false }),
      last('a', 'h1', { uniqueId: 'u1', uniqueIdUsesCount: false }),
      unreg('a', undefined, { uniqueId: 'u1' }),
      emit('a'),
      reg('b', 'h3', { uniqueId: 'u2' }),
      first('b', 'h3', { uniqueId: 'u2', uniqueIdUsesCount: true }),
      unreg('b', undefined, { uniqueId: 'u2', uniqueIdUsesCount: true }),
      emit('b'),
      unreg('b', 'h3', { uniqueId: 'u2', uniqueIdUsesCount: false }),
      emit('b'),
      unreg('a', 'h1', { uniqueId: 'u1', uniqueIdUsesCount: true }),
      emit('a'),
    ],
  ],
  [
    'a count without a unique id is ignored',
    [reg('a', 'h1', { uniqueIdUsesCount: true }), reg('a', 'h1', { uniqueIdUsesCount: true }), emit('a'), unreg('a', 'h1', { uniqueIdUsesCount: true }), emit('a')],
  ],
  [
    'unregistering what is not registered is a silent no-op (where botocore crashes too)',
    [
      unreg('a.b', 'h1'),
      unreg('a', undefined, { uniqueId: 'u0' }),
      unreg('a', undefined, { uniqueId: 'u0', uniqueIdUsesCount: true }),
      reg('a.b.c', 'h1'),
      unreg('a.b', 'h1'), // botocore: AttributeError ('a.b' is a node without values)
      unreg('a', 'h1'), // the same one level up
      unreg('a.b.c.d', 'h1'),
      unreg('a.x', 'h1'),
      unreg('a.b.c', 'h2'),
      unreg('*.b.c', 'h1'),
      emit('a.b.c'),
      unreg('a.b.c', 'h1'),
      emit('a.b.c'),
      unreg('a.b.c', 'h1'),
      unreg('a.b', 'h1'),
      emit('a.b.c'),
    ],
  ],
  [
    'unregister by unique id under another name releases the id and keeps the handler',
    [
      reg('a.b', 'h1', { uniqueId: 'u0' }),
      unreg('a.c', undefined, { uniqueId: 'u0' }),
      emit('a.b'),
      reg('a.b', 'h3', { uniqueId: 'u0' }),
      emit('a.b'),
      reg('x.y.z', 'h4', { uniqueId: 'u2' }),
      unreg('x.y', undefined, { uniqueId: 'u2' }), // botocore: id popped, then AttributeError
      emit('x.y.z'),
      reg('x.y.z', 'h5', { uniqueId: 'u2' }),
      emit('x.y.z'),
      unreg('x.y.z', undefined, { uniqueId: 'u2' }),
      emit('x.y.z'),
    ],
  ],
  [
    'unregister by unique id ignores the handler argument; an unknown id removes nothing',
    [
      reg('a', 'h1', { uniqueId: 'u0' }),
      reg('a', 'h3'),
      unreg('a', 'h3', { uniqueId: 'u0' }),
      emit('a'),
      unreg('a', 'h3', { uniqueId: 'u3' }),
      emit('a'),
      unreg('a', 'h3', { uniqueId: 'u3', uniqueIdUsesCount: true }),
      emit('a'),
    ],
  ],
  [
    'unregister by handler leaves the unique id taken',
    [reg('a', 'h1', { uniqueId: 'u0' }), unreg('a', 'h1'), emit('a'), reg('a', 'h3', { uniqueId: 'u0' }), emit('a'), unreg('a', undefined, { uniqueId: 'u0' }), reg('a', 'h3', { uniqueId: 'u0' }), emit('a')],
  ],
  [
    'unregister without a handler or an id',
    [reg('a', 'h1'), unreg('a'), emit('a'), unreg('a.b'), unreg('zzz'), emit('a')],
  ],
  [
    'registration changes after an emit are seen by the next emit (lookup cache invalidated)',
    [
      emit('a.b.c'),
      reg('a.*', 'h1'),
      emit('a.b.c'),
      reg('a.b.c', 'h8'),
      emit('a.b.c'),
      unreg('a.*', 'h1'),
      emit('a.b.c'),
      reg('a', 'h0', { uniqueId: 'u0' }),
      emit('a.b.c'),
      reg('a', 'h3', { uniqueId: 'u0' }),
      emit('a.b.c'),
      unreg('a', undefined, { uniqueId: 'u0' }),
      emit('a.b.c'),
    ],
  ],
  [
    'aliases: old service names and their service ids meet, in register, unregister and emit',
    [
      reg('before-call.apigateway', 'h1'),
      reg('before-call.api-gateway.GetRestApi', 'h3'),
      reg('after-call.logs.PutLogEvents', 'h4'),
      reg('needs-retry.autoscaling', 'h5'),
      emit('before-call.api-gateway.GetRestApi'),
      emit('before-call.apigateway.GetRestApi'),
      emit('after-call.cloudwatch-logs.PutLogEvents'),
      emit('needs-retry.auto-scaling.Foo'),
      unreg('before-call.api-gateway', 'h1'),
      emit('before-call.apigateway.GetRestApi'),
      unreg('after-call.cloudwatch-logs.PutLogEvents', 'h4'),
      emit('after-call.logs.PutLogEvents'),
    ],
  ],
  [
    'aliases with dots, in any position, and only the first matching alias',
    [
      reg('before-call.data.iot.Publish', 'h1'),
      reg('before-call.runtime.sagemaker', 'h3'),
      reg('logs.s3', 'h4'), // an alias key as the event type
      reg('before-call.logs.apigateway', 'h5'), // two keys: botocore maps only the first in its table
      reg('before-call.s3.data.iot', 'h8'),
      emit('before-call.iot-data-plane.Publish'),
      emit('before-call.data.iot.Publish'),
      emit('before-call.sagemaker-runtime.InvokeEndpoint'),
      emit('cloudwatch-logs.s3'),
      emit('before-call.logs.api-gateway'),
      emit('before-call.cloudwatch-logs.apigateway'),
      emit('before-call.logs.apigateway'),
      emit('before-call.s3.iot-data-plane'),
    ],
  ],
  [
    'a dotted alias that is only a substring of the name stops the alias search',
    [
      reg('before-call.mydata.iot.logs', 'h1'),
      reg('before-call.mydata.iot.cloudwatch-logs', 'h3'),
      emit('before-call.mydata.iot.logs'),
      emit('before-call.mydata.iot.cloudwatch-logs'),
    ],
  ],
  [
    'copy: the copy has the same registrations and changes independently',
    [
      reg('a.b', 'h1'),
      reg('a', 'h3', { uniqueId: 'u0' }),
      reg('a', 'h4', { uniqueId: 'u1', uniqueIdUsesCount: true }),
      emit('a.b'),
      copy(),
      emit('a.b'),
      reg('a.b', 'h8'),
      unreg('a.b', 'h1'),
      unreg('a', undefined, { uniqueId: 'u0' }),
      emit('a.b'),
      emitOriginal('a.b'),
      reg('a', 'h5', { uniqueId: 'u0' }),
      reg('a', 'h5', { uniqueId: 'u1', uniqueIdUsesCount: true }),
      unreg('a', undefined, { uniqueId: 'u1', uniqueIdUsesCount: true }),
      emit('a.b'),
      unreg('a', undefined, { uniqueId: 'u1', uniqueIdUsesCount: true }),
      emit('a.b'),
      emitOriginal('a.b'),
      copy(),
      emit('a.b'),
      emitOriginal('a.b'),
    ],
  ],
  [
    'a handler that throws (h6, sync) or rejects (h7, async) fails the emit with its error; the ones after it do not run',
    [
      reg('a', 'h1'),
      reg('a.b', 'h6'),
      first('a.b', 'h0'),
      emit('a.b'),
      until('a.b'),
      emit('a'),
      unreg('a.b', 'h6'),
      last('a.*', 'h7'),
      emit('a.b'),
      first('a.b', 'h8'),
      until('a.b'),
      emit('a.b'),
    ],
    ['h6', 'h7'],
  ],
];

/** The fixed cases, for one emitter kind (tags numbered by position). */
export function fixedSequences(emitter: EmitterKind): Sequence[] {
  return CASES.map(([title, ops, throwing = []]) => ({
    label: `fixed: ${title}`,
    emitter,
    handlers: FIXED_HANDLERS.map((spec) => (throwing.includes(spec.name) ? { ...spec, throws: true } : { ...spec })),
    ops: ops.map((op, index) => ('tag' in op ? { ...op, tag: index } : op)),
  }));
}

/**
 * Every entry of the installed botocore's alias table, old name and new: registered
 * under one spelling, emitted and unregistered under the other. (botocore's table
 * changes between releases; taking it from the botocore at hand keeps this fair.)
 */
export function aliasTableSequence(emitter: EmitterKind, aliases: ReadonlyArray<readonly [string, string]>): Sequence {
  const ops: Operation[] = aliases.flatMap(([oldPart, newPart]) => [
    reg(`before-call.${oldPart}.Op`, 'h1'),
    emit(`before-call.${newPart}.Op`),
    reg(`${newPart}.x`, 'h3'),
    emit(`${oldPart}.x.y`),
    unreg(`before-call.${newPart}.Op`, 'h1'),
    unreg(`${oldPart}.x`, 'h3'),
    emit(`before-call.${oldPart}.Op`),
  ]);
  return {
    label: `fixed: all ${aliases.length} entries of the installed botocore's alias table`,
    emitter,
    handlers: [...FIXED_HANDLERS],
    ops: ops.map((op, index) => ('tag' in op ? { ...op, tag: index } : op)),
  };
}
