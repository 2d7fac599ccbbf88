// Bad options and payloads are TypeErrors that name what is wrong.
import { expect } from 'chai';
import { createGzipHandler, gzipPlugin, gzipRequest, gzipRequestBody } from '@sdk-events/gzip';
import { request } from './helpers.js';

function typeErrorOf(fn: () => unknown): TypeError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(TypeError);
    return error as TypeError;
  }
  throw new Error('expected a TypeError, nothing was thrown');
}

describe('gzip: options', () => {
  const badMinBytes: unknown[] = [-1, -0.5, NaN, '1024', null, true, {}];
  for (const minBytes of badMinBytes) {
    it(`rejects minBytes ${String(minBytes)}`, () => {
      for (const make of [
        () => createGzipHandler({ minBytes } as never),
        () => gzipPlugin({ minBytes } as never),
      ]) {
        expect(typeErrorOf(make).message).to.match(/'minBytes'/);
      }
    });
  }

  const badLevels: unknown[] = [-2, 10, 1.5, '9', null, NaN, Infinity];
  for (const level of badLevels) {
    it(`rejects level ${String(level)}`, () => {
      for (const make of [() => createGzipHandler({ level } as never), () => gzipPlugin({ level } as never)]) {
        expect(typeErrorOf(make).message).to.match(/'level'/);
      }
    });
  }

  const badEvents: unknown[] = [42, '', [], ['before-sign.s3', 7], [''], { name: 'x' }, null];
  for (const events of badEvents) {
    it(`rejects events ${JSON.stringify(events)}`, () => {
      expect(typeErrorOf(() => gzipPlugin({ events } as never)).message).to.match(/'events'/);
    });
  }

  it('accepts the edges of the ranges', () => {
    for (const level of [-1, 0, 9]) createGzipHandler({ level });
    for (const minBytes of [0, 1, Infinity]) createGzipHandler({ minBytes });
    gzipPlugin({ events: 'before-sign.s3.PutObject' });
    gzipPlugin({ events: ['before-sign.s3.PutObject', 'before-sign.cloudwatch'] });
  });

  it('rejects options that are not an object, and unknown option names', () => {
    expect(typeErrorOf(() => createGzipHandler(5 as never)).message).to.match(/options must be an object/);
    expect(typeErrorOf(() => createGzipHandler([] as never)).message).to.match(/options must be an object/);
    expect(typeErrorOf(() => createGzipHandler({ minbytes: 5 } as never)).message).to.match(/unknown option 'minbytes'/);
    expect(typeErrorOf(() => createGzipHandler({ events: 'x' } as never)).message).to.match(/unknown option 'events'/);
    expect(typeErrorOf(() => gzipPlugin({ level: 1, evnts: 'x' } as never)).message).to.match(/unknown option 'evnts'/);
  });

  it('rejects a payload without a request, naming the event', async () => {
    let failure: unknown;
    try {
      await gzipRequestBody({ eventName: 'after-call.cloudwatch.PutMetricData' });
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(TypeError);
    expect((failure as Error).message).to.include("'after-call.cloudwatch.PutMetricData'");
  });

  it('gzipRequest rejects a request without headers and bad options', async () => {
    for (const call of [
      () => gzipRequest({} as never),
      () => gzipRequest(null as never),
      () => gzipRequest(request('x'), { level: 11 }),
    ]) {
      let failure: unknown;
      try {
        await call();
      } catch (error) {
        failure = error;
      }
      expect(failure).to.be.instanceOf(TypeError);
    }
  });
});
