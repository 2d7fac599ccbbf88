// Bad input: an immediate TypeError that names what was wrong, and no change.
import { expect } from 'chai';
import { HierarchicalEmitter, type EventHandler, type RegisterOptions } from '@sdk-events/core';

describe('HierarchicalEmitter: bad input', () => {
  let emitter: HierarchicalEmitter;
  const handler = () => undefined;
  beforeEach(() => {
    emitter = new HierarchicalEmitter();
  });

  const badNames: Array<[unknown, RegExp]> = [
    ['', /got the empty string/],
    ['.', /"\." \(segment 1 is empty\)/],
    ['a.', /"a\." \(segment 2 is empty\)/],
    ['.a', /"\.a" \(segment 1 is empty\)/],
    ['a..b', /"a\.\.b" \(segment 2 is empty\)/],
    [undefined, /got undefined/],
    [null, /got null/],
    [42, /got number 42/],
    [['a'], /got an array/],
    [{}, /got an object/],
  ];

  for (const method of ['register', 'registerFirst', 'registerLast', 'unregister'] as const) {
    it(`${method} rejects a bad name, naming it`, () => {
      for (const [name, message] of badNames) {
        expect(() => emitter[method](name as string, handler), String(name)).to.throw(TypeError, message);
        expect(() => emitter[method](name as string, handler), String(name)).to.throw(TypeError, new RegExp(`^${method}: the event name`));
      }
      expect(emitter.mayHaveHandlers('a')).to.equal(false);
    });
  }

  for (const method of ['emit', 'emitUntilResponse', 'handlersFor'] as const) {
    it(`${method} rejects a bad name, immediately, naming it`, () => {
      for (const [name, message] of badNames) {
        expect(() => emitter[method](name as string), String(name)).to.throw(TypeError, message);
      }
      // Also when something is registered (the cache must not hide the check).
      emitter.register('a', handler);
      expect(() => emitter[method]('a..b')).to.throw(TypeError, /"a\.\.b"/);
      expect(() => emitter[method]('a.')).to.throw(TypeError, /"a\."/);
    });
  }

  for (const method of ['register', 'registerFirst', 'registerLast'] as const) {
    it(`${method} rejects a handler that is not a function, naming the name`, () => {
      for (const bad of [undefined, null, 'handler', {}, 3]) {
        expect(() => emitter[method]('before-sign.s3', bad as unknown as EventHandler), String(bad)).to.throw(
          TypeError,
          new RegExp(`^${method}\\("before-sign\\.s3"\\): the handler must be a function, got `),
        );
      }
      expect(emitter.mayHaveHandlers('a')).to.equal(false);
    });
  }

  it('unregister rejects a handler that is neither a function nor absent', () => {
    expect(() => emitter.unregister('a', 'handler' as unknown as EventHandler)).to.throw(TypeError, /^unregister\("a"\): the handler must be a function, got "handler"/);
  });

  it('rejects bad options, naming the option', () => {
    const register = (options: unknown) => () => emitter.register('a', handler, options as RegisterOptions);
    expect(register('id')).to.throw(TypeError, /^register: the options must be an object/);
    expect(register(null)).to.throw(TypeError, /options must be an object.*got null/);
    expect(register({ uniqueId: 3 })).to.throw(TypeError, /the option uniqueId must be a string, got number 3/);
    expect(register({ uniqueId: 'x', uniqueIdUsesCount: 'yes' })).to.throw(TypeError, /the option uniqueIdUsesCount must be a boolean, got "yes"/);
    expect(register({ unique_id: 'x' })).to.throw(TypeError, /unknown option "unique_id" \(did you mean uniqueId\?\)/);
    expect(register({ unique_id_uses_count: true })).to.throw(TypeError, /did you mean uniqueIdUsesCount\?/);
    expect(register({ first: true })).to.throw(TypeError, /unknown option "first"/);
    expect(() => emitter.unregister('a', handler, { uniqueId: null } as unknown as RegisterOptions)).to.throw(
      TypeError,
      /^unregister: the option uniqueId must be a string, got null/,
    );
    expect(emitter.mayHaveHandlers('a')).to.equal(false);
  });

  it('accepts absent options written out as undefined', () => {
    emitter.register('a', handler, { uniqueId: undefined, uniqueIdUsesCount: undefined });
    emitter.register('a', handler, undefined);
    expect(emitter.handlersFor('a')).to.have.length(2);
  });

  it('rejects a payload that is not an object', () => {
    for (const payload of [null, 'payload', 3, true]) {
      expect(() => emitter.emit('a', payload as unknown as object), String(payload)).to.throw(TypeError, /^emit\("a"\): the payload must be an object/);
      expect(() => emitter.emitUntilResponse('a', payload as unknown as object)).to.throw(TypeError, /^emitUntilResponse\("a"\): the payload/);
    }
  });

  it('rejects bad constructor options', () => {
    expect(() => new HierarchicalEmitter(null as unknown as object)).to.throw(TypeError, /HierarchicalEmitter: the options must be an object/);
    expect(() => new HierarchicalEmitter({ lookupCacheSize: 0 })).to.throw(TypeError, /lookupCacheSize must be a positive integer, got number 0/);
  });
});
