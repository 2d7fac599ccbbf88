// The lookup cache (bounded, invalidated on change) and the queries the
// bridge reads: handlersFor, mayHaveHandlers.
import { expect } from 'chai';
import { AliasedEventEmitter, HierarchicalEmitter } from '@sdk-events/core';
// The cache itself is internal: its bound is checked on it directly.
import { BoundedCache } from '../../../packages/core/src/emitter/bounded-cache.js';
import { Recorder } from './recorder.js';

describe('HierarchicalEmitter: lookup cache, handlersFor, mayHaveHandlers', () => {
  let log: Recorder;
  beforeEach(() => {
    log = new Recorder();
  });

  describe('the lookup cache', () => {
    it('a million distinct keys never grow it beyond its bound', () => {
      const cache = new BoundedCache<string, number>(1024);
      let largest = 0;
      for (let i = 0; i < 1_000_000; i++) {
        cache.set(`before-sign.service-${i}.Operation`, i);
        largest = Math.max(largest, cache.size);
      }
      // It fills up to its bound and never beyond.
      expect(largest).to.equal(1024);
    });

    it('emitting distinct names keeps calling the right handlers', async () => {
      const emitter = new HierarchicalEmitter({ lookupCacheSize: 8 });
      emitter.register('a', log.handler('h'));
      for (let i = 0; i < 10_000; i++) await emitter.emit(`a.${i}`);
      expect(log.calls).to.have.length(10_000);
    });

    it('keeps a recently used name over older ones', () => {
      const emitter = new HierarchicalEmitter({ lookupCacheSize: 4 });
      const hot = emitter.handlersFor('hot');
      for (let i = 0; i < 100; i++) {
        emitter.handlersFor(`cold.${i}`);
        // Still cached: the very same (frozen) array comes back.
        expect(emitter.handlersFor('hot')).to.equal(hot);
      }
    });

    it('forgets names not used recently', () => {
      const emitter = new HierarchicalEmitter({ lookupCacheSize: 4 });
      const first = emitter.handlersFor('first');
      for (let i = 0; i < 4; i++) emitter.handlersFor(`other.${i}`);
      expect(emitter.handlersFor('first')).not.to.equal(first);
      expect(emitter.handlersFor('first')).to.deep.equal(first);
    });

    it('a cache of size 1 holds one name', () => {
      const emitter = new HierarchicalEmitter({ lookupCacheSize: 1 });
      const a = emitter.handlersFor('a');
      expect(emitter.handlersFor('a')).to.equal(a);
      emitter.handlersFor('b');
      expect(emitter.handlersFor('a')).not.to.equal(a);
    });

    it('is emptied by every registration change, and only by one that took effect', () => {
      const emitter = new HierarchicalEmitter();
      const handler = log.handler('h');
      emitter.register('a', handler, { uniqueId: 'id' });
      const cached = emitter.handlersFor('a.b');
      emitter.register('a', handler, { uniqueId: 'id' }); // ignored: nothing changed
      expect(emitter.handlersFor('a.b')).to.equal(cached);
      emitter.unregister('x', handler); // nothing to remove
      expect(emitter.handlersFor('a.b')).to.equal(cached);
      emitter.unregister('a', handler);
      expect(emitter.handlersFor('a.b')).to.deep.equal([]);
    });

    it('caches names without handlers too', () => {
      const emitter = new HierarchicalEmitter();
      const none = emitter.handlersFor('nobody.listens');
      expect(none).to.deep.equal([]);
      expect(emitter.handlersFor('nobody.listens')).to.equal(none);
    });

    it('a registration during an emit does not change the handlers of that emit', async () => {
      const emitter = new HierarchicalEmitter();
      const late = log.handler('late');
      emitter.register('a', (payload) => {
        log.calls.push({ handler: 'registers', payload });
        emitter.register('a', late);
      });
      await emitter.emit('a');
      expect(log.names).to.deep.equal(['registers']);
      log.clear();
      await emitter.emit('a');
      expect(log.names).to.deep.equal(['registers', 'late']);
    });

    it('rejects a lookupCacheSize that is not a positive integer', () => {
      for (const size of [0, -1, 1.5, NaN, '10', null]) {
        expect(() => new HierarchicalEmitter({ lookupCacheSize: size as number }), String(size)).to.throw(TypeError, /lookupCacheSize/);
      }
    });
  });

  describe('handlersFor', () => {
    it('lists what emit calls, in order, frozen', async () => {
      const emitter = new HierarchicalEmitter();
      const [a, b, c] = [log.handler('a'), log.handler('b'), log.handler('c')];
      emitter.register('x', a);
      emitter.register('x.y', b);
      emitter.register('*.y', c);
      const handlers = emitter.handlersFor('x.y');
      expect(handlers).to.deep.equal([c, b, a]);
      expect(Object.isFrozen(handlers)).to.equal(true);
      const responses = await emitter.emit('x.y');
      expect(responses.map(([handler]) => handler)).to.deep.equal(handlers);
    });

    it('applies aliases on an AliasedEventEmitter', () => {
      const emitter = new AliasedEventEmitter();
      const handler = log.handler('h');
      emitter.register('before-call.apigateway', handler);
      expect(emitter.handlersFor('before-call.api-gateway.GetRestApis')).to.deep.equal([handler]);
      expect(emitter.handlersFor('before-call.apigateway.GetRestApis')).to.deep.equal([handler]);
    });
  });

  describe('mayHaveHandlers', () => {
    let emitter: HierarchicalEmitter;
    beforeEach(() => {
      emitter = new HierarchicalEmitter();
    });

    it('is false on an empty emitter', () => {
      expect(emitter.mayHaveHandlers('before-sign')).to.equal(false);
      expect(emitter.mayHaveHandlers('before-sign.s3.PutObject')).to.equal(false);
    });

    it('is true when a registration on the way receives the names below', () => {
      emitter.register('before-sign', log.handler('h'));
      expect(emitter.mayHaveHandlers('before-sign')).to.equal(true);
      expect(emitter.mayHaveHandlers('before-sign.s3')).to.equal(true);
      expect(emitter.mayHaveHandlers('before-sign.s3.PutObject.more')).to.equal(true);
      expect(emitter.mayHaveHandlers('before-send')).to.equal(false);
      expect(emitter.mayHaveHandlers('before')).to.equal(false);
    });

    it('is true when a registration lies below the prefix', () => {
      emitter.register('before-sign.s3.PutObject', log.handler('h'));
      expect(emitter.mayHaveHandlers('before-sign')).to.equal(true);
      expect(emitter.mayHaveHandlers('before-sign.s3')).to.equal(true);
      expect(emitter.mayHaveHandlers('before-sign.s3.PutObject')).to.equal(true);
      expect(emitter.mayHaveHandlers('before-sign.s3.GetObject')).to.equal(false);
      expect(emitter.mayHaveHandlers('before-sign.lambda')).to.equal(false);
      expect(emitter.mayHaveHandlers('after-call')).to.equal(false);
    });

    it('follows * and glob registrations', () => {
      emitter.register('*.cloudwatch.PutMetricData', log.handler('star'));
      emitter.register('after-*.lambda', log.handler('glob'));
      expect(emitter.mayHaveHandlers('before-sign.cloudwatch')).to.equal(true);
      expect(emitter.mayHaveHandlers('anything.cloudwatch')).to.equal(true);
      expect(emitter.mayHaveHandlers('before-sign.s3')).to.equal(false);
      expect(emitter.mayHaveHandlers('after-call.lambda')).to.equal(true);
      expect(emitter.mayHaveHandlers('after-call-error.lambda')).to.equal(true);
      expect(emitter.mayHaveHandlers('before-call.lambda')).to.equal(false);
    });

    it('agrees with handlersFor: false means no name below the prefix has handlers', () => {
      const names = ['a', 'a.b', 'a.*.c', '*.b.c', 'x.{b,c}', 'x.b.d', 'q*.r'];
      for (const name of names) emitter.register(name, log.handler(name));
      const segments = ['a', 'b', 'c', 'd', 'x', 'q', 'qq', 'r', 'z'];
      const prefixes: string[] = [...segments];
      for (const first of segments) for (const second of segments) prefixes.push(`${first}.${second}`);
      for (const prefix of prefixes) {
        const below = segments.some((last) =>
          [prefix, `${prefix}.${last}`, ...segments.map((more) => `${prefix}.${last}.${more}`)].some(
            (name) => emitter.handlersFor(name).length > 0,
          ),
        );
        expect(emitter.mayHaveHandlers(prefix), prefix).to.equal(below);
      }
    });

    it('turns false again once the registrations are gone', () => {
      const handler = log.handler('h');
      emitter.register('before-sign.s3.PutObject', handler);
      emitter.unregister('before-sign.s3.PutObject', handler);
      expect(emitter.mayHaveHandlers('before-sign')).to.equal(false);
      expect(emitter.mayHaveHandlers('before-sign.s3.PutObject')).to.equal(false);
    });

    it('applies aliases on an AliasedEventEmitter', () => {
      const aliased = new AliasedEventEmitter();
      aliased.register('before-sign.cloudwatch-logs', log.handler('h'));
      expect(aliased.mayHaveHandlers('before-sign.logs')).to.equal(true);
      expect(aliased.mayHaveHandlers('before-sign.cloudwatch-logs')).to.equal(true);
      expect(aliased.mayHaveHandlers('before-sign.cloudwatch')).to.equal(false);
    });

    it('rejects a bad prefix with a TypeError naming it', () => {
      expect(() => emitter.mayHaveHandlers('a..b')).to.throw(TypeError, /mayHaveHandlers: the prefix .*"a\.\.b"/);
      expect(() => emitter.mayHaveHandlers('')).to.throw(TypeError, /prefix/);
    });
  });
});
