// Small bodies are compressed inline; large ones off the event loop (the loop keeps turning meanwhile).
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { ASYNC_THRESHOLD_BYTES, gzipRequest } from '@sdk-events/gzip';
import { bodyBytes, metricJson, request } from './helpers.js';

/** Whether `work` settles before a setImmediate callback scheduled just after starting it runs. */
async function settlesBeforeNextLoopTurn(work: () => Promise<unknown>): Promise<boolean> {
  let settled = false;
  const done = work().then(() => {
    settled = true;
  });
  const settledAtNextTurn = await new Promise<boolean>((resolve) => setImmediate(() => resolve(settled)));
  await done;
  return settledAtNextTurn;
}

describe('gzip: event loop', () => {
  it('uses an 8 KiB threshold between sync and async compression', () => {
    expect(ASYNC_THRESHOLD_BYTES).to.equal(8192);
  });

  it('compresses a small body without waiting for the event loop', async () => {
    const text = metricJson(4000);
    const req = request(text);
    expect(await settlesBeforeNextLoopTurn(() => gzipRequest(req, { minBytes: 0 }))).to.equal(true);
    expect(gunzipSync(bodyBytes(req)).toString()).to.equal(text);
  });

  it('compresses a large body on the threadpool: the event loop turns while it runs', async () => {
    // 8 MiB of random bytes at level 9: far more work than one turn of the loop.
    const bytes = randomBytes(8 * 1024 * 1024);
    const req = request(bytes);
    expect(await settlesBeforeNextLoopTurn(() => gzipRequest(req, { level: 9 }))).to.equal(false);
    expect(gunzipSync(bodyBytes(req)).equals(bytes)).to.equal(true);
  });
});
