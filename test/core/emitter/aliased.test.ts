// AliasedEventEmitter: botocore's EventAliaser, its alias table and its quirks.
import { expect } from 'chai';
import { AliasedEventEmitter, EVENT_ALIASES, HierarchicalEmitter, type EventsPlugin, type EventHooks } from '@sdk-events/core';
import { Recorder } from './recorder.js';

describe('AliasedEventEmitter', () => {
  let log: Recorder;
  beforeEach(() => {
    log = new Recorder();
  });
  const eventNames = () => log.calls.map((call) => call.payload.eventName);

  describe('botocore test_hooks cases (alias table { bar: bear } and { "api.bar": bear })', () => {
    const emitterWith = (aliases: Record<string, string>) => new AliasedEventEmitter(new HierarchicalEmitter(), aliases);

    it('emits an unaliased name as is', async () => {
      const emitter = emitterWith({ bar: 'bear' });
      emitter.register('foo.bear.baz', log.handler('h'));
      await emitter.emit('foo.bear.baz');
      expect(eventNames()).to.deep.equal(['foo.bear.baz']);
    });

    it('emits an aliased name under the new name', async () => {
      const emitter = emitterWith({ bar: 'bear' });
      emitter.register('foo.bear.baz', log.handler('h'));
      await emitter.emit('foo.bar.baz');
      expect(eventNames()).to.deep.equal(['foo.bear.baz']);
    });

    it('emits a name with a dotted alias', async () => {
      const emitter = emitterWith({ 'api.bar': 'bear' });
      emitter.register('foo.bear.baz', log.handler('h'));
      await emitter.emit('foo.api.bar.baz');
      expect(eventNames()).to.deep.equal(['foo.bear.baz']);
    });

    it('registers an aliased name under the new name', async () => {
      const emitter = emitterWith({ bar: 'bear' });
      emitter.register('foo.bar.baz', log.handler('h'));
      await emitter.emit('foo.bear.baz');
      expect(eventNames()).to.deep.equal(['foo.bear.baz']);
    });

    it('registers a name with a dotted alias', async () => {
      const emitter = emitterWith({ 'api.bar': 'bear' });
      emitter.register('foo.api.bar.baz', log.handler('h'));
      await emitter.emit('foo.bear.baz');
      expect(eventNames()).to.deep.equal(['foo.bear.baz']);
    });

    it('unregisters by the new name what was registered by the old one', async () => {
      const emitter = emitterWith({ bar: 'bear' });
      const hook = log.handler('h');
      emitter.register('foo.bar.baz', hook);
      await emitter.emit('foo.bear.baz');
      expect(eventNames()).to.deep.equal(['foo.bear.baz']);
      log.clear();
      emitter.unregister('foo.bear.baz', hook);
      await emitter.emit('foo.bear.baz');
      expect(eventNames()).to.deep.equal([]);
    });

    it('unregisters by the old name', async () => {
      const emitter = emitterWith({ bar: 'bear' });
      const hook = log.handler('h');
      emitter.register('foo.bar.baz', hook);
      emitter.unregister('foo.bar.baz', hook);
      await emitter.emit('foo.bear.baz');
      expect(eventNames()).to.deep.equal([]);
    });

    it('unregisters by a dotted old name', async () => {
      const emitter = emitterWith({ 'api.bar': 'bear' });
      const hook = log.handler('h');
      emitter.register('foo.api.bar.baz', hook);
      await emitter.emit('foo.bear.baz');
      expect(eventNames()).to.deep.equal(['foo.bear.baz']);
      log.clear();
      emitter.unregister('foo.api.bar.baz', hook);
      await emitter.emit('foo.bear.baz');
      expect(eventNames()).to.deep.equal([]);
    });
  });

  describe("botocore's EVENT_ALIASES table", () => {
    it('carries botocore’s entries in botocore’s order', () => {
      const entries = Object.entries(EVENT_ALIASES);
      expect(entries).to.have.length(73);
      expect(entries[0]).to.deep.equal(['a4b', 'alexa-for-business']);
      expect(entries.at(-1)).to.deep.equal(['tagging', 'resource-groups-tagging-api']);
      expect(EVENT_ALIASES).to.include({
        apigateway: 'api-gateway',
        logs: 'cloudwatch-logs',
        autoscaling: 'auto-scaling',
        monitoring: 'cloudwatch',
        'runtime.sagemaker': 'sagemaker-runtime',
      });
      expect(Object.isFrozen(EVENT_ALIASES)).to.equal(true);
    });

    it('is the default: old service names meet the service ids', async () => {
      const emitter = new AliasedEventEmitter();
      emitter.register('before-call.apigateway', log.handler('old-name'));
      emitter.register('before-call.api-gateway.GetRestApis', log.handler('new-name'));
      emitter.register('after-call.logs', log.handler('logs'));
      await emitter.emit('before-call.api-gateway.GetRestApis');
      await emitter.emit('before-call.apigateway.GetRestApis');
      await emitter.emit('after-call.cloudwatch-logs.PutLogEvents');
      expect(log.names).to.deep.equal(['new-name', 'old-name', 'new-name', 'old-name', 'logs']);
      expect(eventNames()).to.deep.equal([
        'before-call.api-gateway.GetRestApis',
        'before-call.api-gateway.GetRestApis',
        'before-call.api-gateway.GetRestApis',
        'before-call.api-gateway.GetRestApis',
        'after-call.cloudwatch-logs.PutLogEvents',
      ]);
    });

    it('maps dotted endpoint prefixes onto one segment', async () => {
      const emitter = new AliasedEventEmitter();
      emitter.register('before-call.sagemaker-runtime', log.handler('h'));
      await emitter.emit('before-call.runtime.sagemaker.InvokeEndpoint');
      expect(eventNames()).to.deep.equal(['before-call.sagemaker-runtime.InvokeEndpoint']);
    });

    it('applies the first entry in table order only', async () => {
      // 'autoscaling' comes before 'logs' in the table: only it is replaced.
      const emitter = new AliasedEventEmitter();
      emitter.register('x', log.handler('h'));
      await emitter.emit('x.logs.autoscaling');
      expect(eventNames()).to.deep.equal(['x.logs.auto-scaling']);
    });

    it('replaces a segment wherever it is, as botocore does (config, events, …)', async () => {
      const emitter = new AliasedEventEmitter();
      emitter.register('before-call', log.handler('h'));
      await emitter.emit('before-call.s3.config');
      expect(eventNames()).to.deep.equal(['before-call.s3.config-service']);
    });

    it('replaces only the first occurrence of a segment', async () => {
      const emitter = new AliasedEventEmitter();
      emitter.register('x', log.handler('h'));
      await emitter.emit('x.logs.logs');
      expect(eventNames()).to.deep.equal(['x.cloudwatch-logs.logs']);
    });

    it('a dotted entry found as a substring but not as whole segments stops the search (botocore quirk)', async () => {
      const emitter = new AliasedEventEmitter(new HierarchicalEmitter(), { 'api.bar': 'bear', logs: 'cloudwatch-logs' });
      emitter.register('x', log.handler('h'));
      await emitter.emit('x.xapi.bar.logs');
      expect(eventNames()).to.deep.equal(['x.xapi.bar.logs']);
      log.clear();
      await emitter.emit('x.api.bar.logs');
      expect(eventNames()).to.deep.equal(['x.bear.logs']);
    });

    it('does not touch names with no alias in them', async () => {
      const emitter = new AliasedEventEmitter();
      emitter.register('before-sign', log.handler('h'));
      await emitter.emit('before-sign.cloudwatch.PutMetricData');
      await emitter.emit('before-sign.s3.PutObject');
      expect(eventNames()).to.deep.equal(['before-sign.cloudwatch.PutMetricData', 'before-sign.s3.PutObject']);
    });
  });

  describe('the rest of the API goes through the alias', () => {
    it('registerFirst, registerLast and unique ids', async () => {
      const emitter = new AliasedEventEmitter();
      emitter.registerLast('after-call.monitoring', log.handler('last'));
      emitter.register('after-call.cloudwatch', log.handler('middle'), { uniqueId: 'm' });
      emitter.register('after-call.monitoring', log.handler('ignored'), { uniqueId: 'm' });
      emitter.registerFirst('after-call.monitoring', log.handler('first'));
      await emitter.emit('after-call.cloudwatch.PutMetricData');
      expect(log.names).to.deep.equal(['first', 'middle', 'last']);
      log.clear();
      emitter.unregister('after-call.monitoring', undefined, { uniqueId: 'm' });
      expect((await emitter.emitUntilResponse('after-call.monitoring.PutMetricData'))[0]).to.equal(emitter.handlersFor('after-call.cloudwatch').at(-1));
      expect(log.names).to.deep.equal(['first', 'last']);
    });

    it('the wrapped emitter sees the new names and can be used directly', async () => {
      const inner = new HierarchicalEmitter();
      const emitter = new AliasedEventEmitter(inner);
      expect(emitter.emitter).to.equal(inner);
      emitter.register('before-send.apigateway', log.handler('h'));
      expect(inner.handlersFor('before-send.api-gateway.X')).to.have.length(1);
      expect(inner.handlersFor('before-send.apigateway.X')).to.have.length(0);
    });
  });

  describe('copy', () => {
    it('is an independent AliasedEventEmitter with the same aliases and registrations', async () => {
      const emitter = new AliasedEventEmitter(new HierarchicalEmitter(), { bar: 'bear' });
      emitter.register('foo.bar', log.handler('original'));
      const copied = emitter.copy();
      expect(copied).to.be.instanceOf(AliasedEventEmitter);
      expect(copied.emitter).not.to.equal(emitter.emitter);
      expect(copied.aliases).to.deep.equal({ bar: 'bear' });
      copied.register('foo.bar', log.handler('copy only'));
      await copied.emit('foo.bar');
      expect(log.names).to.deep.equal(['original', 'copy only']);
      log.clear();
      await emitter.emit('foo.bear');
      expect(log.names).to.deep.equal(['original']);
    });
  });

  describe('use', () => {
    it('registers a plugin through the aliases, once per name, sharing names with the wrapped emitter', async () => {
      const inner = new HierarchicalEmitter();
      const emitter = new AliasedEventEmitter(inner);
      let registrations = 0;
      const plugin: EventsPlugin<EventHooks> = {
        name: 'logs-plugin',
        register(events) {
          registrations++;
          expect(events).to.equal(emitter);
          events.register('after-call.logs', log.handler('plugin'));
        },
      };
      expect(emitter.use(plugin)).to.equal(emitter);
      emitter.use(plugin);
      inner.use(plugin); // the same emitter underneath: already used
      expect(registrations).to.equal(1);
      await emitter.emit('after-call.cloudwatch-logs.PutLogEvents');
      expect(log.names).to.deep.equal(['plugin']);
    });
  });

  describe('the alias cache', () => {
    it('maps 20,000 distinct names right, beyond its bound', async () => {
      const emitter = new AliasedEventEmitter();
      for (let i = 0; i < 20_000; i++) {
        expect(emitter.eventNameFor(`after-call.logs.Operation${i}`)).to.equal(`after-call.cloudwatch-logs.Operation${i}`);
      }
    });
  });

  describe('bad input', () => {
    it('rejects an emitter to wrap that is not a HierarchicalEmitter', () => {
      expect(() => new AliasedEventEmitter({} as HierarchicalEmitter)).to.throw(TypeError, /HierarchicalEmitter/);
    });

    it('rejects a bad alias table, naming the entry', () => {
      expect(() => new AliasedEventEmitter(undefined, { 'a..b': 'c' })).to.throw(TypeError, /alias table key.*"a\.\.b"/);
      expect(() => new AliasedEventEmitter(undefined, { a: 3 as unknown as string })).to.throw(TypeError, /alias for "a"/);
      expect(() => new AliasedEventEmitter(undefined, { a: '' })).to.throw(TypeError, /alias for "a"/);
      expect(() => new AliasedEventEmitter(undefined, null as unknown as Record<string, string>)).to.throw(TypeError, /alias table/);
    });

    it('rejects bad names with a TypeError naming the method and the name', () => {
      const emitter = new AliasedEventEmitter();
      expect(() => emitter.register('a..b', log.handler('h'))).to.throw(TypeError, /^register: .*"a\.\.b"/);
      expect(() => emitter.emit('')).to.throw(TypeError, /^emit: /);
      expect(() => emitter.unregister(42 as unknown as string)).to.throw(TypeError, /^unregister: .*number 42/);
    });
  });
});

describe('eventNameFor', () => {
  it('is the name emit() emits under: aliased by AliasedEventEmitter, itself for HierarchicalEmitter', () => {
    const [Aliased, Plain] = [AliasedEventEmitter, HierarchicalEmitter];
    expect(new Aliased().eventNameFor('after-call.logs.PutLogEvents')).to.equal('after-call.cloudwatch-logs.PutLogEvents');
    expect(new Aliased().eventNameFor('after-call.s3.PutObject')).to.equal('after-call.s3.PutObject');
    expect(new Plain().eventNameFor('after-call.logs.PutLogEvents')).to.equal('after-call.logs.PutLogEvents');
    expect(() => new Plain().eventNameFor('a..b')).to.throw(TypeError);
    expect(() => new Aliased().eventNameFor('')).to.throw(TypeError);
  });
});
