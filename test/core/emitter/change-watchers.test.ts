import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
// Package-internal: how the bridge hears of registration changes (not exported from @sdk-events/core).
import { ChangeWatchers } from '../../../packages/core/src/emitter/change-watchers.js';

describe('emitter: change watchers (package-internal)', () => {
  it('tells live watchers, and drops collected ones as watchers keep coming with no change in between', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const watchers = new ChangeWatchers();
    let told = 0;
    const kept = { emitterChanged: () => void told++ };
    watchers.add(kept);
    const addShortLived = (count: number) => {
      for (let i = 0; i < count; i++) watchers.add({ emitterChanged() {} });
    };
    addShortLived(1000);
    let largest = watchers.size;
    for (let round = 0; round < 20; round++) {
      await sleep(1); // WeakRef targets stay alive until the job that made them ends
      gc();
      addShortLived(100);
      largest = Math.max(largest, watchers.size);
    }
    expect(largest, 'grew no further than twice the first burst').to.be.at.most(2100);
    expect(watchers.size, 'collected watchers were dropped').to.be.below(1000);
    watchers.notify();
    expect(told).to.equal(1);
  });

  it('stops telling a watcher once its removal function is called', () => {
    const watchers = new ChangeWatchers();
    const told: string[] = [];
    const a = { emitterChanged: () => void told.push('a') };
    const b = { emitterChanged: () => void told.push('b') };
    const stopA = watchers.add(a);
    watchers.add(b);
    watchers.notify();
    stopA();
    watchers.notify();
    expect(told).to.deep.equal(['a', 'b', 'b']);
  });
});
