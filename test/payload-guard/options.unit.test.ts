import { expect } from 'chai';
import { AliasedEventEmitter } from '@sdk-events/core';
import { payloadGuardPlugin, putMetricDataBatch } from '@sdk-events/payload-guard';

describe('payload-guard: options (unit)', () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['options that are not an object', 'fast', /options must be an object, got "fast"/],
    ['an unknown option', { maxbytes: 10 }, /unknown option 'maxbytes'/],
    ['an unknown strategy', { strategy: 'eager' }, /option 'strategy' must be 'pessimistic' or 'optimistic', got "eager"/],
    ['a maxBytes of 0', { maxBytes: 0 }, /option 'maxBytes' must be a positive integer, got number 0/],
    ['a fractional maxBytes', { maxBytes: 1.5 }, /option 'maxBytes' must be a positive integer, got number 1.5/],
    ['a maxItems given as a string', { maxItems: '20' }, /option 'maxItems' must be a positive integer, got "20"/],
    ['an infinite maxItems', { maxItems: Infinity }, /option 'maxItems' must be a positive integer, got number Infinity/],
    ['a batch that is not an object', { batch: 'MetricData' }, /option 'batch' must be a BatchSpec object, got "MetricData"/],
    ['a batch without events', { batch: { member: 'Items' } }, /batch.events must be a before-call event name/],
    ['a batch on another event type', { batch: { events: 'before-sign.s3.DeleteObjects', member: 'Delete.Objects' } }, /batch.events must be a before-call event name.*got "before-sign.s3.DeleteObjects"/],
    ['a batch with an empty event list', { batch: { events: [], member: 'Items' } }, /batch.events must be/],
    ['a batch with neither member nor items/subInput', { batch: { events: 'before-call.s3.DeleteObjects' } }, /batch needs either 'member' or both 'items' and 'subInput'/],
    ['a batch with items but no subInput', { batch: { events: 'before-call.x.Y', items: () => [] } }, /batch needs either 'member' or both/],
    ['a batch member path with an empty segment', { batch: { events: 'before-call.x.Y', member: 'Delete..Objects' } }, /batch.member must be a dotted path/],
    ['a batch merge that is not a function', { batch: { events: 'before-call.x.Y', member: 'Items', merge: 'concat' } }, /batch.merge must be a function, got "concat"/],
    ['a batch with an unknown member', { batch: { events: 'before-call.x.Y', member: 'Items', maxitems: 3 } }, /unknown batch member 'maxitems'/],
    ['a batch maxItems of -1', { batch: { events: 'before-call.x.Y', member: 'Items', maxItems: -1 } }, /batch.maxItems must be a positive integer, got number -1/],
  ];
  for (const [what, options, message] of bad) {
    it(`rejects ${what} with a TypeError naming it`, () => {
      expect(() => payloadGuardPlugin(options as never)).to.throw(TypeError, message);
    });
  }

  it('accepts no options, the old limits, and a custom batch; names the plugin after its batch', () => {
    expect(payloadGuardPlugin().name).to.equal('payload-guard');
    expect(payloadGuardPlugin({ strategy: 'optimistic', maxBytes: 40_000, maxItems: 20 }).name).to.equal('payload-guard');
    expect(payloadGuardPlugin({ batch: putMetricDataBatch }).name).to.equal('payload-guard');
    const custom = payloadGuardPlugin({ batch: { events: ['before-call.s3.DeleteObjects'], member: 'Delete.Objects' } });
    expect(custom.name).to.equal('payload-guard:before-call.s3.DeleteObjects');
  });

  it('on each batch event, restores the params first and splits last; once per emitter', () => {
    const events = new AliasedEventEmitter();
    const mine = () => undefined;
    events.register('before-call.cloudwatch.PutMetricData', mine);
    events.use(payloadGuardPlugin()).use(payloadGuardPlugin());
    const handlers = events.handlersFor('before-call.cloudwatch.PutMetricData');
    expect(handlers).to.have.length(3);
    expect(handlers[1]).to.equal(mine);
    for (const type of ['before-parameter-build', 'before-send']) {
      expect(events.handlersFor(`${type}.cloudwatch.PutMetricData`), type).to.have.length(1);
    }
  });
});
