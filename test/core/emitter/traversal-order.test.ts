// botocore's traversal order between `*` and exact segments, and the
// unregister quirks of its _PrefixTrie / HierarchicalEmitter.
import { expect } from 'chai';
import { HierarchicalEmitter } from '@sdk-events/core';
import { Recorder } from './recorder.js';

describe('HierarchicalEmitter: botocore traversal order and unregister quirks', () => {
  let emitter: HierarchicalEmitter;
  let log: Recorder;
  beforeEach(() => {
    emitter = new HierarchicalEmitter();
    log = new Recorder();
  });

  const registerEach = (names: string[]) => {
    for (const name of names) emitter.register(name, log.handler(name));
  };
  const order = async (name: string): Promise<string[]> => {
    log.clear();
    await emitter.emit(name);
    return log.names;
  };

  // The expected lists below are what botocore's HierarchicalEmitter (1.29 and 1.43 alike)
  // calls for the same registrations (its DFS pushes `*` before the exact
  // child and prepends each visited node's handlers).
  it('puts * subtrees before exact ones, children before parents', async () => {
    registerEach(['a', 'a.b', 'a.b.c', 'a.*', 'a.*.c', '*', '*.b', '*.b.c', '*.*.c', 'a.b.*']);
    expect(await order('a.b.c')).to.deep.equal(['*.*.c', '*.b.c', '*.b', '*', 'a.*.c', 'a.*', 'a.b.*', 'a.b.c', 'a.b', 'a']);
  });

  it('does not depend on registration order between names', async () => {
    registerEach(['a.b.*', '*.*.c', '*.b.c', 'a.b.c', 'a', '*', 'a.*.c', '*.b', 'a.*', 'a.b']);
    expect(await order('a.b.c')).to.deep.equal(['*.*.c', '*.b.c', '*.b', '*', 'a.*.c', 'a.*', 'a.b.*', 'a.b.c', 'a.b', 'a']);
  });

  it('so a less specific * registration can come before a more specific exact one', async () => {
    registerEach(['before-call.s3.PutObject', 'before-call.*']);
    expect(await order('before-call.s3.PutObject')).to.deep.equal(['before-call.*', 'before-call.s3.PutObject']);
  });

  it('keeps first/middle/last groups per name within that order', async () => {
    emitter.registerLast('a.*', log.handler('a.*:last'));
    emitter.register('a.b', log.handler('a.b:middle'));
    emitter.register('a.*', log.handler('a.*:middle'));
    emitter.registerFirst('a.b', log.handler('a.b:first'));
    emitter.registerFirst('a.*', log.handler('a.*:first'));
    emitter.registerLast('a.b', log.handler('a.b:last'));
    expect(await order('a.b')).to.deep.equal(['a.*:first', 'a.*:middle', 'a.*:last', 'a.b:first', 'a.b:middle', 'a.b:last']);
  });

  it('an emitted * segment reaches the * registration twice, as in botocore', async () => {
    registerEach(['a.*', 'a']);
    expect(await order('a.*')).to.deep.equal(['a.*', 'a.*', 'a']);
  });

  describe('unregister', () => {
    it('removes under the exact name only: a * registration by its own name', async () => {
      const handler = log.handler('h');
      emitter.register('a.*', handler);
      emitter.unregister('a.b', handler);
      expect(await order('a.b')).to.deep.equal(['h']);
      emitter.unregister('a.*', handler);
      expect(await order('a.b')).to.deep.equal([]);
    });

    it('removes the first occurrence, looking in first, then middle, then last', async () => {
      const handler = log.handler('h');
      emitter.register('a', log.handler('m1'));
      emitter.register('a', handler);
      emitter.registerLast('a', handler);
      emitter.registerFirst('a', handler);
      emitter.unregister('a', handler);
      // The registerFirst one went: the middle and last ones remain.
      expect(emitter.handlersFor('a')).to.have.length(3);
      expect(await order('a')).to.deep.equal(['m1', 'h', 'h']);
      emitter.unregister('a', handler);
      expect(await order('a')).to.deep.equal(['m1', 'h']);
      expect(emitter.handlersFor('a').at(-1)).to.equal(handler);
    });

    it('by unique id under another name frees the id but leaves the handler registered', async () => {
      emitter.register('a.b', log.handler('first'), { uniqueId: 'id' });
      emitter.unregister('a.c', undefined, { uniqueId: 'id' });
      expect(await order('a.b')).to.deep.equal(['first']);
      // The id is free again: a new registration with it takes effect.
      emitter.register('a.b', log.handler('second'), { uniqueId: 'id' });
      expect(await order('a.b')).to.deep.equal(['first', 'second']);
    });

    it('by unique id on a name that is only a prefix of registrations (botocore: AttributeError) is a no-op that frees the id', async () => {
      emitter.register('a.b.c', log.handler('first'), { uniqueId: 'id' });
      expect(() => emitter.unregister('a.b', undefined, { uniqueId: 'id' })).not.to.throw();
      expect(await order('a.b.c')).to.deep.equal(['first']);
      emitter.register('a.b.c', log.handler('second'), { uniqueId: 'id' });
      expect(await order('a.b.c')).to.deep.equal(['first', 'second']);
    });

    it('by handler on a name that is only a prefix of registrations (botocore: AttributeError) is a no-op', async () => {
      const handler = log.handler('h');
      emitter.register('a.b.c', handler);
      const before = emitter.handlersFor('a.b.c');
      expect(() => emitter.unregister('a.b', handler)).not.to.throw();
      expect(() => emitter.unregister('a', handler)).not.to.throw();
      expect(emitter.handlersFor('a.b.c')).to.equal(before);
      expect(await order('a.b.c')).to.deep.equal(['h']);
    });

    it('with an unknown unique id does nothing, even given a registered handler', async () => {
      const handler = log.handler('h');
      emitter.register('a', handler);
      emitter.unregister('a', handler, { uniqueId: 'never-registered' });
      expect(await order('a')).to.deep.equal(['h']);
    });

    it('by unique id ignores the handler given', async () => {
      const withId = log.handler('with-id');
      const other = log.handler('other');
      emitter.register('a', withId, { uniqueId: 'id' });
      emitter.register('a', other);
      emitter.unregister('a', other, { uniqueId: 'id' });
      expect(await order('a')).to.deep.equal(['other']);
    });

    it('by unique id removes the first registration of that handler under the name', async () => {
      const handler = log.handler('h');
      emitter.registerFirst('a', handler);
      emitter.register('a', handler, { uniqueId: 'id' });
      emitter.register('a', log.handler('x'));
      emitter.unregister('a', undefined, { uniqueId: 'id' });
      // botocore removes by handler: the registerFirst copy goes, the id's one stays.
      expect(emitter.handlersFor('a')[0]).to.equal(handler);
      expect(await order('a')).to.deep.equal(['h', 'x']);
    });

    it('without a handler or id is a no-op', async () => {
      emitter.register('a', log.handler('h'));
      emitter.unregister('a');
      emitter.unregister('a', null);
      expect(await order('a')).to.deep.equal(['h']);
    });

    it('uniqueIdUsesCount without uniqueId is ignored', async () => {
      const handler = log.handler('h');
      emitter.register('a', handler, { uniqueIdUsesCount: true });
      emitter.register('a', handler, { uniqueIdUsesCount: true });
      expect(await order('a')).to.deep.equal(['h', 'h']);
      emitter.unregister('a', handler, { uniqueIdUsesCount: true });
      expect(await order('a')).to.deep.equal(['h']);
    });

    it('of a name never registered is a no-op', () => {
      expect(() => emitter.unregister('never.registered', log.handler('h'))).not.to.throw();
      expect(() => emitter.unregister('never', undefined, { uniqueId: 'nope', uniqueIdUsesCount: true })).not.to.throw();
      expect(emitter.mayHaveHandlers('never')).to.equal(false);
    });
  });
});
