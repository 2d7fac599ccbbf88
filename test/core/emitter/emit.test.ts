// emit / emitUntilResponse: payloads, async handlers, errors, responses.
import { expect } from 'chai';
import { HierarchicalEmitter, type EventPayload } from '@sdk-events/core';
import { Recorder, rejectionOf } from './recorder.js';

describe('HierarchicalEmitter: emit and emitUntilResponse', () => {
  let emitter: HierarchicalEmitter;
  let log: Recorder;
  beforeEach(() => {
    emitter = new HierarchicalEmitter();
    log = new Recorder();
  });

  describe('the payload', () => {
    it('is one fresh object per emit, shared by that emit’s handlers, with eventName', async () => {
      emitter.register('a', log.handler('first'));
      emitter.register('a.b', log.handler('second'));
      const payload = { request: { headers: {} }, tag: 1 };
      await emitter.emit('a.b', payload);
      await emitter.emit('a.b', payload);
      const [first, second, third] = log.calls.map((call) => call.payload);
      expect(first).to.equal(second);
      expect(third).not.to.equal(first);
      expect(first).to.deep.equal({ request: payload.request, tag: 1, eventName: 'a.b' });
      expect(first!.request).to.equal(payload.request); // members are the caller's objects
      expect(payload).not.to.have.property('eventName'); // the caller's object is not changed
    });

    it('eventName is the emitted name, overriding one in the payload', async () => {
      emitter.register('a', log.handler('h'));
      await emitter.emit('a.b.c', { eventName: 'spoofed' });
      expect(log.calls[0]!.payload.eventName).to.equal('a.b.c');
    });

    it('a change a handler makes to the payload is seen by the handlers after it', async () => {
      emitter.register('a', ({ seen }: EventPayload) => seen);
      emitter.registerFirst('a', (payload: EventPayload) => {
        payload.seen = 'set by the first handler';
      });
      const responses = await emitter.emit('a');
      expect(responses[1]![1]).to.equal('set by the first handler');
    });

    it('defaults to just { eventName }', async () => {
      emitter.register('a', log.handler('h'));
      await emitter.emit('a');
      expect(log.calls[0]!.payload).to.deep.equal({ eventName: 'a' });
    });
  });

  describe('async handlers', () => {
    it('run one after another, each awaited, in order', async () => {
      const events: string[] = [];
      const slow = (name: string, ticks: number) => async () => {
        events.push(`${name} start`);
        for (let i = 0; i < ticks; i++) await new Promise((resolve) => setImmediate(resolve));
        events.push(`${name} end`);
        return name;
      };
      emitter.register('a', slow('one', 5));
      emitter.register('a', slow('two', 1));
      emitter.register('a', () => void events.push('sync'));
      emitter.register('a', slow('three', 3));
      const responses = await emitter.emit('a');
      expect(events).to.deep.equal(['one start', 'one end', 'two start', 'two end', 'sync', 'three start', 'three end']);
      expect(responses.map(([, response]) => response)).to.deep.equal(['one', 'two', undefined, 'three']);
    });

    it('a response is the awaited value, also from a plain thenable', async () => {
      const thenable = { then: (resolve: (value: string) => void) => resolve('from a thenable') };
      emitter.register('a', () => thenable);
      emitter.register('a', async () => 'from a promise');
      const responses = await emitter.emit('a');
      expect(responses.map(([, response]) => response)).to.deep.equal(['from a thenable', 'from a promise']);
    });

    it('synchronous handlers all run before emit returns', () => {
      emitter.register('a', log.handler('one'));
      emitter.register('a', log.handler('two'));
      const pending = emitter.emit('a');
      expect(log.names).to.deep.equal(['one', 'two']);
      expect(pending).to.be.instanceOf(Promise);
      return pending;
    });

    it('handlers after an async one wait for it', async () => {
      let release!: () => void;
      emitter.register('a', log.handler('before'));
      emitter.register('a', () => new Promise<void>((resolve) => (release = resolve)));
      emitter.register('a', log.handler('after'));
      const pending = emitter.emit('a');
      expect(log.names).to.deep.equal(['before']);
      await new Promise((resolve) => setImmediate(resolve));
      expect(log.names).to.deep.equal(['before']);
      release();
      await pending;
      expect(log.names).to.deep.equal(['before', 'after']);
    });

    it('emitUntilResponse awaits each and stops at the first awaited response', async () => {
      emitter.register('a', log.asyncHandler('none', undefined));
      emitter.register('a', log.asyncHandler('null', null));
      const answer = log.asyncHandler('answer', 0);
      emitter.register('a', answer);
      emitter.register('a', log.asyncHandler('never', 'x'));
      expect(await emitter.emitUntilResponse('a')).to.deep.equal([answer, 0]);
      expect(log.names).to.deep.equal(['none', 'null', 'answer']);
    });
  });

  describe('responses', () => {
    it('null and undefined are no response; false, 0 and "" are responses', async () => {
      for (const value of [false, 0, '']) {
        const emitter = new HierarchicalEmitter();
        const responder = () => value;
        emitter.register('a', () => null);
        emitter.register('a', () => undefined);
        emitter.register('a', responder);
        emitter.register('a', () => 'later');
        expect(await emitter.emitUntilResponse('a')).to.deep.equal([responder, value]);
      }
    });

    it('emit returns every pair, responses or not', async () => {
      const [a, b, c] = [log.handler('a', null), log.handler('b', 'B'), log.handler('c', 'C')];
      emitter.register('x', a);
      emitter.register('x', b);
      emitter.register('x', c);
      expect(await emitter.emit('x')).to.deep.equal([
        [a, null],
        [b, 'B'],
        [c, 'C'],
      ]);
    });

    it('emit returns a new array each time', async () => {
      const first = await emitter.emit('nothing');
      const second = await emitter.emit('nothing');
      expect(first).not.to.equal(second);
      const until = await emitter.emitUntilResponse('nothing');
      until[0] = log.handler('mutated');
      expect(await emitter.emitUntilResponse('nothing')).to.deep.equal([undefined, undefined]);
    });
  });

  describe('errors', () => {
    it('a handler that throws fails the emit with that same error; later handlers do not run', async () => {
      const error = new Error('boom');
      emitter.register('a', log.handler('before'));
      emitter.register('a', () => {
        throw error;
      });
      emitter.register('a', log.handler('after'));
      const pending = emitter.emit('a');
      expect(pending).to.be.instanceOf(Promise); // not thrown synchronously
      expect(await rejectionOf(pending)).to.equal(error);
      expect(log.names).to.deep.equal(['before']);
    });

    it('a handler that rejects fails the emit with that same error', async () => {
      const error = new RangeError('async boom');
      emitter.register('a', log.asyncHandler('before'));
      emitter.register('a', async () => {
        throw error;
      });
      emitter.register('a', log.handler('after'));
      expect(await rejectionOf(emitter.emit('a'))).to.equal(error);
      expect(log.names).to.deep.equal(['before']);
    });

    it('a handler that throws after an async one fails the emit with that error', async () => {
      const error = new Error('late boom');
      emitter.register('a', log.asyncHandler('before'));
      emitter.register('a', () => {
        throw error;
      });
      expect(await rejectionOf(emitter.emitUntilResponse('a'))).to.equal(error);
    });

    it('non-Error throwables pass through unchanged', async () => {
      const thrown = { code: 'not-an-error' };
      emitter.register('a', () => {
        throw thrown;
      });
      expect(await rejectionOf(emitter.emitUntilResponse('a'))).to.equal(thrown);
      emitter.register('b', () => Promise.reject('a string'));
      expect(await rejectionOf(emitter.emit('b'))).to.equal('a string');
    });
  });
});
