// use(plugin): once per plugin name per emitter.
import { expect } from 'chai';
import { HierarchicalEmitter, type EventHooks, type EventsPlugin } from '@sdk-events/core';
import { Recorder } from './recorder.js';

describe('HierarchicalEmitter: use(plugin)', () => {
  let log: Recorder;
  let emitter: HierarchicalEmitter;
  beforeEach(() => {
    log = new Recorder();
    emitter = new HierarchicalEmitter();
  });

  const countingPlugin = (name: string) => {
    const plugin = {
      name,
      registrations: 0,
      register(events: EventHooks) {
        plugin.registrations++;
        events.register('after-call', log.handler(name));
      },
    };
    return plugin;
  };

  it('calls register(events) with the emitter and returns the emitter', async () => {
    const plugin = countingPlugin('p');
    expect(emitter.use(plugin)).to.equal(emitter);
    expect(plugin.registrations).to.equal(1);
    await emitter.emit('after-call.s3.PutObject');
    expect(log.names).to.deep.equal(['p']);
  });

  it('registers once per plugin name: a second use, even of another object, is a no-op', () => {
    const first = countingPlugin('same-name');
    const second = countingPlugin('same-name');
    emitter.use(first).use(first).use(second);
    expect(first.registrations).to.equal(1);
    expect(second.registrations).to.equal(0);
    expect(emitter.handlersFor('after-call')).to.have.length(1);
  });

  it('different names register separately, and per emitter', () => {
    const a = countingPlugin('a');
    const b = countingPlugin('b');
    emitter.use(a).use(b);
    new HierarchicalEmitter().use(a);
    expect([a.registrations, b.registrations]).to.deep.equal([2, 1]);
  });

  it('a copy remembers the plugins used', () => {
    const plugin = countingPlugin('p');
    emitter.use(plugin);
    const copied = emitter.copy();
    copied.use(plugin);
    expect(plugin.registrations).to.equal(1);
    expect(copied.handlersFor('after-call')).to.have.length(1);
    // ...independently: a plugin used on the copy only is not used on the original.
    const later = countingPlugin('later');
    copied.use(later);
    emitter.use(later);
    expect(later.registrations).to.equal(2);
  });

  it('a plugin whose register throws is not marked used, and the error passes through', () => {
    const error = new Error('plugin failed');
    let attempts = 0;
    const flaky: EventsPlugin<EventHooks> = {
      name: 'flaky',
      register() {
        attempts++;
        if (attempts === 1) throw error;
      },
    };
    expect(() => emitter.use(flaky)).to.throw(error);
    emitter.use(flaky);
    emitter.use(flaky);
    expect(attempts).to.equal(2);
  });

  it('a plugin that uses itself from register does not loop', () => {
    let calls = 0;
    const selfish: EventsPlugin<EventHooks> = {
      name: 'selfish',
      register(events) {
        calls++;
        events.use(selfish);
      },
    };
    emitter.use(selfish);
    expect(calls).to.equal(1);
  });

  it('rejects what is not a plugin with a TypeError saying why', () => {
    const use = (plugin: unknown) => () => emitter.use(plugin as EventsPlugin<EventHooks>);
    expect(use(undefined)).to.throw(TypeError, /use: a plugin must be an object/);
    expect(use(() => {})).to.throw(TypeError, /use: a plugin must be an object/);
    expect(use({ register() {} })).to.throw(TypeError, /non-empty string name, got undefined/);
    expect(use({ name: '', register() {} })).to.throw(TypeError, /non-empty string name/);
    expect(use({ name: 42, register() {} })).to.throw(TypeError, /non-empty string name, got number 42/);
    expect(use({ name: 'no-register' })).to.throw(TypeError, /plugin "no-register" needs a register\(events\) function/);
    expect(use({ name: 'bad-register', register: 'yes' })).to.throw(TypeError, /plugin "bad-register" needs a register/);
  });
});
