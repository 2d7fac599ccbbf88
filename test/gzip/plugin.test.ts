// gzipPlugin: an EventsPlugin registering one gzip handler on its events.
import { expect } from 'chai';
import { HierarchicalEmitter } from '@sdk-events/core';
import { DEFAULT_GZIP_EVENTS, gzipPlugin } from '@sdk-events/gzip';
import { request } from './helpers.js';

describe('gzip: plugin', () => {
  it("registers on before-sign.cloudwatch.PutMetricData by default, with createGzipHandler's defaults", async () => {
    const events = new HierarchicalEmitter();
    events.use(gzipPlugin());
    expect(DEFAULT_GZIP_EVENTS).to.deep.equal(['before-sign.cloudwatch.PutMetricData']);
    expect(events.handlersFor('before-sign.cloudwatch.PutMetricData')).to.have.length(1);
    expect(events.handlersFor('before-sign.cloudwatch.GetMetricData')).to.have.length(0);
    const small = request('a'.repeat(1000));
    await events.emit('before-sign.cloudwatch.PutMetricData', { request: small });
    expect(small.headers['content-encoding']).to.equal(undefined);
    const big = request('a'.repeat(2000));
    await events.emit('before-sign.cloudwatch.PutMetricData', { request: big });
    expect(big.headers['content-encoding']).to.equal('gzip');
  });

  it('registers one shared handler on every given event, with the given options', async () => {
    const events = new HierarchicalEmitter();
    events.use(gzipPlugin({ events: ['before-sign.s3.PutObject', 'before-sign.lambda.Invoke'], minBytes: 0 }));
    const [onS3] = events.handlersFor('before-sign.s3.PutObject');
    const [onLambda] = events.handlersFor('before-sign.lambda.Invoke');
    expect(onS3).to.be.a('function').and.equal(onLambda);
    expect(events.handlersFor('before-sign.cloudwatch.PutMetricData')).to.have.length(0);
    const tiny = request('ab');
    await events.emit('before-sign.lambda.Invoke', { request: tiny });
    expect(tiny.headers['content-encoding']).to.equal('gzip');
  });

  it('is used once per events: same events, same name; other events, another plugin', () => {
    const events = new HierarchicalEmitter();
    events.use(gzipPlugin()).use(gzipPlugin({ level: 9 })).use(gzipPlugin({ events: 'before-sign.s3.PutObject' }));
    expect(events.handlersFor('before-sign.cloudwatch.PutMetricData')).to.have.length(1);
    expect(events.handlersFor('before-sign.s3.PutObject')).to.have.length(1);
    expect(gzipPlugin().name).to.equal(gzipPlugin({ level: 9 }).name);
    expect(gzipPlugin().name).to.not.equal(gzipPlugin({ events: 'before-sign.s3.PutObject' }).name);
  });
});

describe('gzip: handlers say what they will do', () => {
  it('every gzip handler carries its settings under Symbol.for("sdk-events.gzip")', async () => {
    const { createGzipHandler, gzipRequestBody, GZIP_HANDLER_SETTINGS } = await import('@sdk-events/gzip');
    expect(GZIP_HANDLER_SETTINGS).to.equal(Symbol.for('sdk-events.gzip'));
    expect((createGzipHandler({ minBytes: 5, level: 9 }) as any)[GZIP_HANDLER_SETTINGS]).to.deep.equal({ minBytes: 5, level: 9 });
    expect((gzipRequestBody as any)[GZIP_HANDLER_SETTINGS]).to.deep.equal({ minBytes: 1, level: -1 });
    const events = new HierarchicalEmitter();
    events.use(gzipPlugin({ minBytes: 100 }));
    const [handler] = events.handlersFor('before-sign.cloudwatch.PutMetricData');
    expect((handler as any)[GZIP_HANDLER_SETTINGS]).to.deep.equal({ minBytes: 100, level: -1 });
  });
});
