// Beyond botocore: glob segments (matched within one segment).
import { expect } from 'chai';
import { HierarchicalEmitter } from '@sdk-events/core';
import { Recorder } from './recorder.js';

describe('HierarchicalEmitter: glob segments', () => {
  let emitter: HierarchicalEmitter;
  let log: Recorder;
  beforeEach(() => {
    emitter = new HierarchicalEmitter();
    log = new Recorder();
  });
  const calledFor = async (name: string): Promise<string[]> => {
    log.clear();
    await emitter.emit(name);
    return log.names;
  };

  it('Put* matches operations starting with Put, within that segment', async () => {
    emitter.register('before-sign.cloudwatch.Put*', log.handler('put'));
    expect(await calledFor('before-sign.cloudwatch.PutMetricData')).to.deep.equal(['put']);
    expect(await calledFor('before-sign.cloudwatch.PutMetricAlarm')).to.deep.equal(['put']);
    expect(await calledFor('before-sign.cloudwatch.Put')).to.deep.equal(['put']);
    expect(await calledFor('before-sign.cloudwatch.GetMetricData')).to.deep.equal([]);
    expect(await calledFor('before-sign.cloudwatch')).to.deep.equal([]);
    // A glob is a prefix registration like any other: names below match too.
    expect(await calledFor('before-sign.cloudwatch.PutMetricData.extra')).to.deep.equal(['put']);
  });

  it('{A,B} matches either alternative', async () => {
    emitter.register('after-call.cloudwatch.{PutMetricData,GetMetricData}', log.handler('either'));
    expect(await calledFor('after-call.cloudwatch.PutMetricData')).to.deep.equal(['either']);
    expect(await calledFor('after-call.cloudwatch.GetMetricData')).to.deep.equal(['either']);
    expect(await calledFor('after-call.cloudwatch.ListMetrics')).to.deep.equal([]);
  });

  it('before-* matches event types', async () => {
    emitter.register('before-*.s3', log.handler('before'));
    for (const type of ['before-call', 'before-sign', 'before-send', 'before-parameter-build', 'before-parse']) {
      expect(await calledFor(`${type}.s3.PutObject`), type).to.deep.equal(['before']);
    }
    expect(await calledFor('after-call.s3.PutObject')).to.deep.equal([]);
    expect(await calledFor('before-sign.lambda.Invoke')).to.deep.equal([]);
  });

  it('? and [..] match one character', async () => {
    emitter.register('x.s?', log.handler('question'));
    emitter.register('x.[ab]c', log.handler('class'));
    expect(await calledFor('x.s3')).to.deep.equal(['question']);
    expect(await calledFor('x.s33')).to.deep.equal([]);
    expect(await calledFor('x.ac')).to.deep.equal(['class']);
    expect(await calledFor('x.bc')).to.deep.equal(['class']);
    expect(await calledFor('x.cc')).to.deep.equal([]);
  });

  it('a leading ! negates: every segment but that one', async () => {
    emitter.register('before-sign.!s3', log.handler('not-s3'));
    expect(await calledFor('before-sign.lambda.Invoke')).to.deep.equal(['not-s3']);
    expect(await calledFor('before-sign.s3.PutObject')).to.deep.equal([]);
  });

  it('a glob never spans a dot', async () => {
    emitter.register('a.b*', log.handler('glob'));
    expect(await calledFor('a.bx')).to.deep.equal(['glob']);
    // 'b.x' is two segments: `b*` matches 'b' and the registration receives the name below it.
    expect(await calledFor('a.b.x')).to.deep.equal(['glob']);
    emitter.register('q.*x', log.handler('suffix'));
    expect(await calledFor('q.a.x')).to.deep.equal([]);
    expect(await calledFor('q.ax')).to.deep.equal(['suffix']);
  });

  it('orders like *: before the exact branch at the same level', async () => {
    emitter.register('before-sign.cloudwatch.PutMetricData', log.handler('exact'));
    emitter.register('before-sign.cloudwatch.Put*', log.handler('glob'));
    emitter.register('before-sign.cloudwatch', log.handler('prefix'));
    expect(await calledFor('before-sign.cloudwatch.PutMetricData')).to.deep.equal(['glob', 'exact', 'prefix']);
  });

  it('orders several * and glob children of one node by when each was first registered', async () => {
    emitter.register('a.{b,c}', log.handler('brace'));
    emitter.register('a.*', log.handler('star'));
    emitter.register('a.b*', log.handler('prefix-glob'));
    emitter.register('a.b', log.handler('exact'));
    expect(await calledFor('a.b')).to.deep.equal(['brace', 'star', 'prefix-glob', 'exact']);
    // A later registration on an existing pattern node keeps the node's place.
    emitter.register('a.*', log.handler('star-2'));
    expect(await calledFor('a.b')).to.deep.equal(['brace', 'star', 'star-2', 'prefix-glob', 'exact']);
    // A pattern node emptied is removed; registering on it again puts it last.
    emitter.unregister('a.{b,c}', emitter.handlersFor('a.b')[0]);
    emitter.register('a.{b,c}', log.handler('brace-again'));
    expect(await calledFor('a.b')).to.deep.equal(['star', 'star-2', 'prefix-glob', 'brace-again', 'exact']);
  });

  it('deeper glob subtrees keep botocore order (children before parents)', async () => {
    emitter.register('a.b*', log.handler('a.b*'));
    emitter.register('a.b*.c', log.handler('a.b*.c'));
    emitter.register('a.bx.c', log.handler('a.bx.c'));
    emitter.register('a', log.handler('a'));
    expect(await calledFor('a.bx.c')).to.deep.equal(['a.b*.c', 'a.b*', 'a.bx.c', 'a']);
  });

  it('is unregistered by its own text', async () => {
    const handler = log.handler('glob');
    emitter.register('a.Put*', handler);
    emitter.unregister('a.PutItem', handler);
    expect(await calledFor('a.PutItem')).to.deep.equal(['glob']);
    emitter.unregister('a.Put*', handler);
    expect(await calledFor('a.PutItem')).to.deep.equal([]);
  });

  it('cannot stall the process: a backtracking-prone glob against a long segment', async () => {
    // picomatch took longer than anyone waits on this one; a linear matcher takes microseconds.
    emitter.register('before-sign.*a*a*a*a*a*a*a*a*a*a*b', log.handler('stall'));
    expect(await calledFor(`before-sign.${'a'.repeat(64)}`)).to.deep.equal([]);
    expect(await calledFor(`before-sign.${'a'.repeat(64)}b`)).to.deep.equal(['stall']);
  });

  it('[!..] and [^..] negate a class; ranges; nested braces', async () => {
    emitter.register('x.[!a-c]z', log.handler('not-a-c'));
    emitter.register('y.{Put{Item,Object},Get*}', log.handler('nested'));
    expect(await calledFor('x.dz')).to.deep.equal(['not-a-c']);
    expect(await calledFor('x.bz')).to.deep.equal([]);
    expect(await calledFor('y.PutObject')).to.deep.equal(['nested']);
    expect(await calledFor('y.GetAnything')).to.deep.equal(['nested']);
    expect(await calledFor('y.PutOther')).to.deep.equal([]);
  });

  it('an invalid glob is a TypeError naming it, and registers nothing', () => {
    for (const glob of ['Put[', '{a,b', 'a)', '(a', 'x]']) {
      expect(() => emitter.register(`before-sign.cloudwatch.${glob}`, log.handler('h')), glob).to.throw(
        TypeError,
        new RegExp(`Invalid glob "${glob.replace(/[[\](){}]/g, '\\$&')}" in event name "before-sign\\.cloudwatch\\.`),
      );
    }
    expect(emitter.mayHaveHandlers('before-sign')).to.equal(false);
  });

  it('a plain segment with no glob syntax matches only itself', async () => {
    emitter.register('a.b-c+d$e', log.handler('plain'));
    expect(await calledFor('a.b-c+d$e')).to.deep.equal(['plain']);
    expect(await calledFor('a.b-cd$e')).to.deep.equal([]);
  });
});
