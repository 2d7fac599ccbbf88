// The differential test: random and hand-written sequences of register / unregister /
// emit / emitUntilResponse / copy run through botocore's own HierarchicalEmitter and
// EventAliaser (Python, botocore_driver.py) and through ours; every operation must
// call the same handlers in the same order, with the same eventName, and return the
// same thing or fail the same way.
//
// SDK_EVENTS_SEED=<n> replays a run; SDK_EVENTS_DIFF_SEQUENCES=<n> changes how many
// random sequences each emitter kind gets (default 400).

import { AliasedEventEmitter, HierarchicalEmitter } from '@sdk-events/core';
import { expect } from 'chai';

import type { BotocorePython } from './botocore.js';
import { findBotocorePython } from './botocore.js';
import type { Failure } from './check.js';
import { checkSequences, formatFailures, minimize } from './check.js';
import { aliasTableSequence, fixedSequences } from './fixed-sequences.js';
import { generateSequences } from './generate.js';
import type { EmitterKind, Sequence } from './operations.js';
import { randomSeed } from './prng.js';
import type { EmitterUnderTest } from './run-ours.js';

const RANDOM_SEQUENCES = Number(process.env['SDK_EVENTS_DIFF_SEQUENCES'] ?? 400);
/** How many failing sequences get shrunk to a short replay (each takes a few botocore runs). */
const MINIMIZED = 3;

function parseSeed(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return randomSeed();
  const seed = Number(text.trim());
  if (!Number.isInteger(seed)) throw new TypeError(`SDK_EVENTS_SEED must be an integer, got ${JSON.stringify(text)}`);
  return seed >>> 0;
}

const EMITTERS: Record<EmitterKind, { title: string; create: () => EmitterUnderTest }> = {
  hierarchical: { title: 'HierarchicalEmitter vs botocore HierarchicalEmitter', create: () => new HierarchicalEmitter() as EmitterUnderTest },
  aliased: {
    title: 'AliasedEventEmitter vs botocore EventAliaser(HierarchicalEmitter())',
    create: () => new AliasedEventEmitter() as EmitterUnderTest,
  },
};

describe('emitter: differential test against botocore', function () {
  this.timeout(600_000);
  const seed = parseSeed(process.env['SDK_EVENTS_SEED']);
  let python: BotocorePython;

  before(function () {
    const found = findBotocorePython();
    if ('reasons' in found) {
      console.log(
        `    skipped: botocore is not available (${found.reasons.join('; ')}).` +
          ' Install Debian\'s python3-botocore (apt-get install python3-botocore) or `pip install botocore` to run it.',
      );
      this.skip();
    }
    python = found;
    console.log(`    botocore ${found.version} (${found.command}); seed ${seed} (replay with SDK_EVENTS_SEED=${seed})`);
  });

  async function check(kind: EmitterKind, sequences: Sequence[], seedOfRun: number | undefined): Promise<void> {
    const { create, title } = EMITTERS[kind];
    const { failures, coverage } = await checkSequences(python, sequences, create);
    console.log(
      `      ${coverage.sequences} sequences, ${coverage.ops} ops: ${coverage.emitsThatCalledHandlers} emits called ` +
        `${coverage.handlerCalls} handlers, ${coverage.valueErrors} ValueErrors, ${coverage.botocoreCrashes} botocore crashes, ` +
        `${coverage.handlerErrors} handler errors, ${coverage.copies} copies`,
    );
    for (const stopped of coverage.stopped) console.log(`      note: ${stopped}`);
    for (const failure of failures.slice(0, MINIMIZED) as Failure[]) {
      failure.minimized = await minimize(python, failure, create);
    }
    if (failures.length > 0) expect.fail(formatFailures(title, seedOfRun, failures, sequences.length));
  }

  for (const kind of ['hierarchical', 'aliased'] as const) {
    it(`${EMITTERS[kind].title}: hand-written tricky sequences`, async function () {
      await check(kind, [...fixedSequences(kind), aliasTableSequence(kind, python.aliases)], undefined);
    });

    it(`${EMITTERS[kind].title}: ${RANDOM_SEQUENCES} random sequences`, async function () {
      await check(kind, generateSequences(seed, kind, RANDOM_SEQUENCES), seed);
    });
  }
});
