// The cases of botocore's tests/unit/test_hooks.py (TestHierarchicalEventEmitter,
// TestStopProcessing, TestWildcardHandlers), in TypeScript.
import { expect } from 'chai';
import { HierarchicalEmitter, type EventPayload } from '@sdk-events/core';
import { Recorder } from './recorder.js';

describe('HierarchicalEmitter (botocore test_hooks cases)', () => {
  let emitter: HierarchicalEmitter;
  let log: Recorder;
  let hook: (payload: EventPayload) => unknown;

  beforeEach(() => {
    emitter = new HierarchicalEmitter();
    log = new Recorder();
    hook = log.handler('hook');
  });

  /** Emits `name` and returns the eventNames the handlers saw. */
  const emitted = async (name: string): Promise<string[]> => {
    log.clear();
    await emitter.emit(name);
    return log.calls.map((call) => call.payload.eventName);
  };

  describe('names and prefixes', () => {
    it('calls a handler on a name without dots', async () => {
      emitter.register('no-dot', hook);
      expect(await emitted('no-dot')).to.deep.equal(['no-dot']);
    });

    it('calls a handler on a dotted name', async () => {
      emitter.register('foo.bar.baz', hook);
      expect(await emitted('foo.bar.baz')).to.deep.equal(['foo.bar.baz']);
    });

    it('calls handlers of every prefix, each with the emitted name', async () => {
      emitter.register('foo', hook);
      emitter.register('foo.bar', hook);
      emitter.register('foo.bar.baz', hook);
      expect(await emitted('foo.bar.baz')).to.deep.equal(['foo.bar.baz', 'foo.bar.baz', 'foo.bar.baz']);
    });

    it('calls handlers from most to least specific', async () => {
      emitter.register('foo', log.handler('foo'));
      emitter.register('foo.bar', log.handler('foo.bar'));
      emitter.register('foo.bar.baz', log.handler('foo.bar.baz'));
      await emitter.emit('foo.bar.baz');
      expect(log.names).to.deep.equal(['foo.bar.baz', 'foo.bar', 'foo']);
    });

    it('matches whole segments only', async () => {
      emitter.register('foo.ba', hook);
      emitter.register('fo', hook);
      expect(await emitted('foo.bar')).to.deep.equal([]);
      expect(await emitted('foo-bar')).to.deep.equal([]);
    });
  });

  describe('stopping at a response', () => {
    let hook1: (p: EventPayload) => unknown;
    let hook2: (p: EventPayload) => unknown;
    let hook3: (p: EventPayload) => unknown;
    beforeEach(() => {
      hook1 = log.handler('hook1');
      hook2 = log.handler('hook2', 'hook2-response');
      hook3 = log.handler('hook3', 'hook3-response');
    });

    it('emit calls every handler', async () => {
      emitter.register('foo', hook1);
      emitter.register('foo', hook2);
      emitter.register('foo', hook3);
      const responses = await emitter.emit('foo');
      expect(log.names).to.deep.equal(['hook1', 'hook2', 'hook3']);
      expect(responses).to.deep.equal([
        [hook1, undefined],
        [hook2, 'hook2-response'],
        [hook3, 'hook3-response'],
      ]);
    });

    it('emitUntilResponse stops after the first response', async () => {
      emitter.register('foo', hook1);
      emitter.register('foo', hook2);
      emitter.register('foo', hook3);
      const [handler, response] = await emitter.emitUntilResponse('foo');
      expect(handler).to.equal(hook2);
      expect(response).to.equal('hook2-response');
      expect(log.names).to.deep.equal(['hook1', 'hook2']);
    });

    it('emit returns (handler, undefined) for a handler without a response', async () => {
      emitter.register('foo', hook1);
      const responses = await emitter.emit('foo');
      expect(log.names).to.deep.equal(['hook1']);
      expect(responses).to.deep.equal([[hook1, undefined]]);
    });

    it('emitUntilResponse returns [undefined, undefined] without handlers', async () => {
      expect(await emitter.emitUntilResponse('foo')).to.deep.equal([undefined, undefined]);
    });

    it('emitUntilResponse returns the last pair when no handler responds', async () => {
      const hook4 = log.handler('hook4', null);
      emitter.register('foo', hook1);
      emitter.register('foo', hook4);
      expect(await emitter.emitUntilResponse('foo')).to.deep.equal([hook4, null]);
      expect(log.names).to.deep.equal(['hook1', 'hook4']);
    });

    it('emit returns an empty list without handlers', async () => {
      expect(await emitter.emit('foo')).to.deep.equal([]);
    });
  });

  describe('wildcards', () => {
    it('a * segment matches any one segment', async () => {
      emitter.register('foo.*.baz', hook);
      const other = log.handler('other');
      // Registrations that must not be called (false positives).
      for (const name of ['other.bar.baz', 'qqq.baz', 'dont.call.me', 'dont']) emitter.register(name, other);
      for (const name of ['foo.bar.baz', 'foo.qux.baz', 'foo.anything.baz']) {
        expect(await emitted(name), name).to.deep.equal([name]);
      }
      for (const name of ['foo', 'foo.bar', 'bar.qux.baz', 'foo-bar']) {
        expect(await emitted(name), name).to.deep.equal([]);
      }
    });

    it('a wildcard registration receives the names below it', async () => {
      emitter.register('foo.*.baz', hook);
      for (const name of ['foo.bar.baz.qux', 'foo.bar.baz.qux.foo', 'foo.qux.baz.qux', 'foo.qux.baz.qux.foo']) {
        expect(await emitted(name), name).to.deep.equal([name]);
      }
      expect(await emitted('bar.qux.baz.foo')).to.deep.equal([]);
    });

    it('several * segments', async () => {
      emitter.register('foo.*.*.baz', hook);
      for (const name of ['foo.bar.baz.baz', 'foo.ANY.THING.baz', 'foo.AT.ALL.baz', 'foo.bar.baz.baz.extra', 'foo.bar.baz.baz.extra.stuff']) {
        expect(await emitted(name), name).to.deep.equal([name]);
      }
      for (const name of ['foo', 'foo.bar', 'foo.bar.baz', 'foo.ANY.THING.notbaz', 'foo.ANY.THING.stillnotbaz']) {
        expect(await emitted(name), name).to.deep.equal([]);
      }
    });

    it('a leading * matches the event type', async () => {
      emitter.register('*.s3', hook);
      expect(await emitted('before-call.s3.PutObject')).to.deep.equal(['before-call.s3.PutObject']);
      expect(await emitted('before-call.lambda.Invoke')).to.deep.equal([]);
    });

    it('unregisters a wildcard registration, through the cache', async () => {
      emitter.register('foo.*.*.baz', hook);
      for (let i = 0; i < 3; i++) expect(await emitted('foo.bar.baz.baz')).to.have.length(1);
      emitter.unregister('foo.*.*.baz', hook);
      for (let i = 0; i < 3; i++) expect(await emitted('foo.bar.baz.baz')).to.have.length(0);
      emitter.register('foo.*.*.baz', hook);
      for (let i = 0; i < 2; i++) expect(await emitted('foo.bar.baz.baz')).to.have.length(1);
    });

    it('unregistering twice is a no-op', async () => {
      emitter.register('foo.*.*.baz', hook);
      emitter.unregister('foo.*.*.baz', hook);
      emitter.unregister('foo.*.*.baz', hook);
      expect(await emitted('foo.bar.baz.baz')).to.deep.equal([]);
    });

    it('clears the cache on every change', async () => {
      emitter.register('foo.*.*.baz', hook);
      expect(await emitted('foo.bar.baz.baz')).to.have.length(1);
      emitter.register('foo.*.*.bar', hook);
      expect(await emitted('foo.bar.baz.baz')).to.have.length(1);
      expect(await emitted('foo.bar.baz.bar')).to.have.length(1);
      emitter.unregister('foo.*.*.baz', hook);
      expect(await emitted('foo.bar.baz.bar')).to.have.length(1);
      expect(await emitted('foo.bar.baz.baz')).to.have.length(0);
    });

    it('a complicated register/unregister sequence', async () => {
      emitter.register('foo.bar.baz.qux', hook);
      emitter.register('foo.bar.baz', hook);
      emitter.register('foo.bar', hook);
      emitter.register('foo', hook);
      emitter.unregister('foo.bar.baz', hook);
      emitter.unregister('foo', hook);
      emitter.unregister('foo.bar', hook);
      expect(await emitted('foo.bar.baz.qux')).to.have.length(1);
      expect(await emitted('foo.bar.baz')).to.have.length(0);
      expect(await emitted('foo.bar')).to.have.length(0);
      expect(await emitted('foo')).to.have.length(0);
    });

    it('the same handler registered twice is called twice', async () => {
      emitter.register('foo.bar.baz', hook);
      emitter.register('foo.bar.baz', hook);
      expect(await emitted('foo.bar.baz')).to.have.length(2);
    });
  });

  describe('unique ids', () => {
    it('ignores a second registration with the same id, across names', async () => {
      emitter.register('foo.bar.baz', hook, { uniqueId: 'foo' });
      emitter.register('foo.bar.baz', hook, { uniqueId: 'foo' });
      emitter.register('foo.other', hook, { uniqueId: 'foo' });
      expect(await emitted('foo.bar.baz')).to.have.length(1);
      expect(await emitted('foo.other')).to.have.length(0);
    });

    it('removes a handler by unique id, and again is a no-op', async () => {
      const hook2 = log.handler('hook2');
      emitter.register('foo.bar.baz', hook, { uniqueId: 'foo' });
      emitter.register('foo.bar.baz', hook2);
      expect(await emitted('foo.bar.baz')).to.have.length(2);
      emitter.unregister('foo.bar.baz', hook2);
      expect(await emitted('foo.bar.baz')).to.have.length(1);
      emitter.unregister('foo.bar.baz', undefined, { uniqueId: 'foo' });
      expect(await emitted('foo.bar.baz')).to.have.length(0);
      emitter.unregister('foo.bar.baz', undefined, { uniqueId: 'foo' });
    });

    it('removes by handler whether or not it was registered with an id', async () => {
      emitter.register('foo.bar.baz', hook, { uniqueId: 'foo' });
      emitter.register('foo.bar.baz', hook);
      emitter.unregister('foo.bar.baz', hook);
      expect(await emitted('foo.bar.baz')).to.have.length(1);
      emitter.unregister('foo.bar.baz', hook);
      expect(await emitted('foo.bar.baz')).to.have.length(0);
    });

    it('a counted id must stay counted when registering', () => {
      emitter.register('foo', hook, { uniqueId: 'foo', uniqueIdUsesCount: true });
      expect(() => emitter.register('foo', hook, { uniqueId: 'foo' })).to.throw(TypeError, /uniqueId "foo".*uniqueIdUsesCount/);
    });

    it('an uncounted id must stay uncounted when registering', () => {
      emitter.register('foo', hook, { uniqueId: 'foo' });
      expect(() => emitter.register('foo', hook, { uniqueId: 'foo', uniqueIdUsesCount: true })).to.throw(
        TypeError,
        /uniqueId "foo".*uniqueIdUsesCount/,
      );
    });

    it('a counted id is removed when the count reaches zero', async () => {
      emitter.register('foo', hook, { uniqueId: 'foo', uniqueIdUsesCount: true });
      emitter.register('foo', hook, { uniqueId: 'foo', uniqueIdUsesCount: true });
      expect(() => emitter.unregister('foo', hook, { uniqueId: 'foo' })).to.throw(TypeError, /uniqueId "foo"/);
      expect(await emitted('foo')).to.have.length(1);
      emitter.unregister('foo', hook, { uniqueId: 'foo', uniqueIdUsesCount: true });
      expect(await emitted('foo')).to.have.length(1);
      emitter.unregister('foo', hook, { uniqueId: 'foo', uniqueIdUsesCount: true });
      expect(await emitted('foo')).to.have.length(0);
    });

    it('an uncounted id cannot be unregistered with a count', async () => {
      emitter.register('foo', hook, { uniqueId: 'foo' });
      expect(() => emitter.unregister('foo', hook, { uniqueId: 'foo', uniqueIdUsesCount: true })).to.throw(TypeError, /uniqueId "foo"/);
      expect(await emitted('foo')).to.have.length(1);
    });

    it('the failed mixed registration changes nothing', async () => {
      emitter.register('foo', hook, { uniqueId: 'foo', uniqueIdUsesCount: true });
      const before = emitter.handlersFor('foo.bar');
      expect(() => emitter.register('foo.bar', log.handler('other'), { uniqueId: 'foo' })).to.throw(TypeError);
      expect(emitter.handlersFor('foo.bar')).to.equal(before);
      expect(await emitted('foo.bar')).to.have.length(1);
    });
  });

  describe('order', () => {
    const numbered = (n: number) => log.handler(String(n));

    it('calls handlers of one name in registration order', async () => {
      emitter.register('foo', numbered(1));
      emitter.register('foo', numbered(2));
      await emitter.emit('foo');
      expect(log.names).to.deep.equal(['1', '2']);
    });

    it('more specific first, each level in registration order', async () => {
      emitter.register('foo.bar.baz', numbered(1));
      emitter.register('foo.bar', numbered(3));
      emitter.register('foo', numbered(5));
      emitter.register('foo.bar.baz', numbered(2));
      emitter.register('foo.bar', numbered(4));
      emitter.register('foo', numbered(6));
      await emitter.emit('foo.bar.baz');
      expect(log.names).to.deep.equal(['1', '2', '3', '4', '5', '6']);
    });

    it('registerFirst before register, on one level', async () => {
      emitter.register('foo', numbered(3));
      emitter.register('foo', numbered(4));
      emitter.registerFirst('foo', numbered(1));
      emitter.registerFirst('foo', numbered(2));
      emitter.register('foo', numbered(5));
      await emitter.emit('foo');
      expect(log.names).to.deep.equal(['1', '2', '3', '4', '5']);
    });

    it('registerFirst only within its own level', async () => {
      emitter.register('foo', numbered(5));
      emitter.register('foo.bar', numbered(2));
      emitter.registerFirst('foo', numbered(4));
      emitter.registerFirst('foo.bar', numbered(1));
      emitter.register('foo', numbered(6));
      emitter.register('foo.bar', numbered(3));
      await emitter.emit('foo.bar');
      expect(log.names).to.deep.equal(['1', '2', '3', '4', '5', '6']);
    });

    it('registerLast after register', async () => {
      emitter.registerLast('foo', numbered(3));
      emitter.register('foo', numbered(2));
      emitter.registerFirst('foo', numbered(1));
      await emitter.emit('foo');
      expect(log.names).to.deep.equal(['1', '2', '3']);
    });

    it('unregisters handlers registered first or last', async () => {
      emitter.register('foo', hook);
      emitter.registerLast('foo.bar', hook);
      emitter.registerFirst('foo.bar.baz', hook);
      emitter.unregister('foo.bar.baz', hook);
      emitter.unregister('foo.bar', hook);
      emitter.unregister('foo', hook);
      await emitter.emit('foo.bar.baz');
      expect(log.calls).to.deep.equal([]);
    });
  });

  describe('copy', () => {
    it('a copy has the registrations; later changes stay on their side', async () => {
      const first: string[] = [];
      const second: string[] = [];
      const firstHandler = ({ id }: EventPayload) => void first.push(id as string);
      const secondHandler = ({ id }: EventPayload) => void second.push(id as string);

      emitter.register('foo.bar.baz', firstHandler);
      await emitter.emit('foo.bar.baz', { id: 'first-time' });
      expect(first).to.deep.equal(['first-time']);

      const copied = emitter.copy();
      await copied.emit('foo.bar.baz', { id: 'second-time' });
      expect(first).to.deep.equal(['first-time', 'second-time']);
      expect(second).to.deep.equal([]);

      copied.register('foo.bar.baz', secondHandler);
      await copied.emit('foo.bar.baz', { id: 'third-time' });
      expect(first).to.deep.equal(['first-time', 'second-time', 'third-time']);
      expect(second).to.deep.equal(['third-time']);

      emitter.unregister('foo.bar.baz', firstHandler);
      emitter.register('foo.bar.baz', firstHandler);
      await emitter.emit('foo.bar.baz', { id: 'last-time' });
      expect(first).to.deep.equal(['first-time', 'second-time', 'third-time', 'last-time']);
      expect(second).to.deep.equal(['third-time']);
    });

    it('a copy has the unique ids, independently', async () => {
      const first: string[] = [];
      const second: string[] = [];
      const firstHandler = ({ id }: EventPayload) => void first.push(id as string);
      const secondHandler = ({ id }: EventPayload) => void second.push(id as string);

      emitter.register('foo', firstHandler, { uniqueId: 'bar' });
      await emitter.emit('foo', { id: 'first-time' });
      const copied = emitter.copy();

      copied.register('foo', secondHandler, { uniqueId: 'bar' });
      await copied.emit('foo', { id: 'second-time' });
      expect(first).to.deep.equal(['first-time', 'second-time']);
      expect(second).to.deep.equal([]);

      copied.unregister('foo', firstHandler, { uniqueId: 'bar' });
      copied.register('foo', secondHandler, { uniqueId: 'bar' });
      await copied.emit('foo', { id: 'third-time' });
      expect(first).to.deep.equal(['first-time', 'second-time']);
      expect(second).to.deep.equal(['third-time']);

      await emitter.emit('foo', { id: 'fourth-time' });
      expect(first).to.deep.equal(['first-time', 'second-time', 'fourth-time']);
      expect(second).to.deep.equal(['third-time']);
    });

    it('a copy returns handlers responses like the original', async () => {
      emitter.register('a.b', ({ b }: EventPayload) => b);
      const copied = emitter.copy();
      expect((await copied.emitUntilResponse('a.b', { b: 'return-val' }))[1]).to.equal('return-val');
    });

    it('counts of a counted id are independent after copy (unlike botocore, whose copies share them)', async () => {
      emitter.register('foo', hook, { uniqueId: 'x', uniqueIdUsesCount: true });
      const copied = emitter.copy();
      copied.register('foo', hook, { uniqueId: 'x', uniqueIdUsesCount: true });
      emitter.unregister('foo', undefined, { uniqueId: 'x', uniqueIdUsesCount: true });
      expect(await emitted('foo')).to.have.length(0);
      log.clear();
      await copied.emit('foo');
      expect(log.calls).to.have.length(1);
      copied.unregister('foo', undefined, { uniqueId: 'x', uniqueIdUsesCount: true });
      log.clear();
      await copied.emit('foo');
      expect(log.calls).to.have.length(1);
      copied.unregister('foo', undefined, { uniqueId: 'x', uniqueIdUsesCount: true });
      log.clear();
      await copied.emit('foo');
      expect(log.calls).to.have.length(0);
    });

    it('a copy is of the same class, with the same lookup cache size', () => {
      class MyEmitter extends HierarchicalEmitter {}
      const mine = new MyEmitter({ lookupCacheSize: 4 });
      const copied = mine.copy();
      expect(copied).to.be.instanceOf(MyEmitter);
      const first = copied.handlersFor('name.0');
      for (let i = 1; i < 10; i++) copied.handlersFor(`name.${i}`);
      // A copy with the default size (1024) would still hold the first list.
      expect(copied.handlersFor('name.0')).not.to.equal(first);
    });

    it('the copy keeps the order of registrations, wildcards included', async () => {
      for (const name of ['a', 'a.*', 'a.b', '*.b', 'a.b.c']) {
        emitter.register(name, log.handler(`${name}#1`));
        emitter.registerFirst(name, log.handler(`${name}#0`));
      }
      const order = emitter.handlersFor('a.b.c');
      expect(emitter.copy().handlersFor('a.b.c')).to.deep.equal(order);
    });
  });
});
