// Runs batches of sequences on both sides, collects divergences, shrinks them to a
// short replay and words the failure message.

import type { BotocorePython } from './botocore.js';
import { runInBotocore } from './botocore.js';
import type { Divergence } from './compare.js';
import { firstDivergence } from './compare.js';
import type { BotocoreSequenceResult, Sequence } from './operations.js';
import { describeHandler, describeOperation } from './operations.js';
import type { EmitterUnderTest } from './run-ours.js';
import { runOurs } from './run-ours.js';

/** A sequence on which the TypeScript emitter did not do what botocore did. */
export interface Failure {
  /** Index in the batch. */
  index: number;
  sequence: Sequence;
  divergence: Divergence;
  /** Indexes of earlier operations where botocore crashed (the TypeScript side went on silently). */
  crashesBefore: number[];
  /** The same divergence on as few operations as the shrinker found. */
  minimized?: { sequence: Sequence; divergence: Divergence };
}

/** What a batch covered, to show that the generator reaches the interesting cases. */
export interface Coverage {
  sequences: number;
  ops: number;
  emitsThatCalledHandlers: number;
  handlerCalls: number;
  valueErrors: number;
  botocoreCrashes: number;
  /** Emits that failed because a handler threw. */
  handlerErrors: number;
  copies: number;
  /** Sequences botocore could not finish (compared up to where it stopped). */
  stopped: string[];
}

/** Runs `sequences` through botocore and through emitters from `create`; returns every divergence. */
export async function checkSequences(
  python: BotocorePython,
  sequences: readonly Sequence[],
  create: () => EmitterUnderTest,
): Promise<{ failures: Failure[]; coverage: Coverage; botocoreVersion: string }> {
  const botocore = runInBotocore(python, sequences);
  const failures: Failure[] = [];
  const coverage: Coverage = {
    sequences: sequences.length,
    ops: 0,
    emitsThatCalledHandlers: 0,
    handlerCalls: 0,
    valueErrors: 0,
    botocoreCrashes: 0,
    handlerErrors: 0,
    copies: 0,
    stopped: [],
  };
  for (const [index, sequence] of sequences.entries()) {
    const expected = botocore.sequences[index]!;
    accumulate(coverage, sequence, expected);
    const { results, handlers } = await runOurs(sequence, create, expected.results.length);
    const divergence = firstDivergence(sequence, expected, results, handlers);
    if (divergence !== undefined) {
      failures.push({ index, sequence, divergence, crashesBefore: crashIndexes(expected, divergence.opIndex) });
    }
  }
  return { failures, coverage, botocoreVersion: botocore.version };
}

function accumulate(coverage: Coverage, sequence: Sequence, expected: BotocoreSequenceResult): void {
  coverage.ops += expected.results.length;
  for (const [i, result] of expected.results.entries()) {
    if (result.kind === 'error') coverage.valueErrors += 1;
    if (result.kind === 'crash') coverage.botocoreCrashes += 1;
    if (result.kind === 'raised') coverage.handlerErrors += 1;
    if ((result.kind === 'emit' || result.kind === 'until') && result.calls.length > 0) {
      coverage.emitsThatCalledHandlers += 1;
      coverage.handlerCalls += result.calls.length;
    }
    if (sequence.ops[i]?.op === 'copy') coverage.copies += 1;
  }
  if (expected.stoppedAt !== undefined) {
    coverage.stopped.push(`${sequence.label}: botocore stopped at op #${expected.stoppedAt} (${expected.stoppedBecause})`);
  }
}

function crashIndexes(expected: BotocoreSequenceResult, before: number): number[] {
  return expected.results.flatMap((result, i) => (result.kind === 'crash' && i < before ? [i] : []));
}

/**
 * Shrinks a failing sequence: cut after the diverging operation, then keep removing
 * chunks of earlier operations (halves down to single ones) while that last operation
 * still diverges. Each round runs all candidates through botocore in one process.
 */
export async function minimize(
  python: BotocorePython,
  failure: Failure,
  create: () => EmitterUnderTest,
): Promise<{ sequence: Sequence; divergence: Divergence }> {
  let best: Sequence = { ...failure.sequence, ops: failure.sequence.ops.slice(0, failure.divergence.opIndex + 1) };
  let bestDivergence = failure.divergence;
  for (let round = 0; round < 200; round += 1) {
    const last = best.ops.length - 1;
    const candidates: Sequence[] = [];
    for (let size = Math.max(1, Math.floor(last / 2)); size >= 1; size = size === 1 ? 0 : Math.floor(size / 2)) {
      for (let start = 0; start + size <= last; start += size) {
        candidates.push({ ...best, ops: [...best.ops.slice(0, start), ...best.ops.slice(start + size)] });
      }
    }
    if (candidates.length === 0) break;
    const expected = runInBotocore(python, candidates).sequences;
    let improved = false;
    for (const [i, candidate] of candidates.entries()) {
      const { results, handlers } = await runOurs(candidate, create, expected[i]!.results.length);
      const divergence = firstDivergence(candidate, expected[i]!, results, handlers);
      // Only the original diverging operation counts: other divergences would be a different story.
      if (divergence !== undefined && divergence.opIndex === candidate.ops.length - 1) {
        best = candidate;
        bestDivergence = divergence;
        improved = true;
        break; // candidates come largest removal first
      }
    }
    if (!improved) break;
  }
  return { sequence: best, divergence: bestDivergence };
}

function describeDivergence(divergence: Divergence): string[] {
  return [
    `  op #${divergence.opIndex}: ${divergence.operation}`,
    `    botocore: ${divergence.expected}`,
    `    ours:     ${divergence.actual}`,
  ];
}

/** The handlers a sequence's operations use, as `h1 returns 'r1'` lines. */
function describeUsedHandlers(sequence: Sequence): string {
  const used = new Set(sequence.ops.flatMap((op) => ('handler' in op && op.handler !== undefined ? [op.handler] : [])));
  return sequence.handlers
    .filter((spec) => used.has(spec.name))
    .map(describeHandler)
    .join('; ');
}

function describeOps(sequence: Sequence, crashes: readonly number[] = []): string[] {
  return sequence.ops.map(
    (op, i) => `    ${String(i).padStart(2)}  ${describeOperation(op)}${crashes.includes(i) ? '   // botocore crashes here' : ''}`,
  );
}

/** The failure message: seed, how to replay, and for the first few failures the diverging operation and a replay. */
export function formatFailures(
  emitterName: string,
  seed: number | undefined,
  failures: readonly Failure[],
  total: number,
  shown = 3,
): string {
  const lines: string[] = [];
  const replay =
    seed === undefined
      ? ' (hand-written sequences: the same on every run, whatever the seed)'
      : ` (seed ${seed}; replay with SDK_EVENTS_SEED=${seed}${total === 400 ? '' : ` SDK_EVENTS_DIFF_SEQUENCES=${total}`}` +
        ` npx -y pnpm@10.34.8 exec mocha --grep 'against botocore')`;
  lines.push(`${emitterName}: ${failures.length} of ${total} sequences diverge from botocore${replay}`);
  for (const failure of failures.slice(0, shown)) {
    lines.push('', `sequence ${failure.sequence.label} (${failure.sequence.emitter}), first divergence:`);
    lines.push(...describeDivergence(failure.divergence));
    if (failure.crashesBefore.length > 0) {
      lines.push(
        `  note: botocore crashed earlier at op ${failure.crashesBefore.map((i) => `#${i}`).join(', ')}; the sequence went on` +
          ' from the state botocore was left in (a unique id, if any, released; no handler removed)',
      );
    }
    if (failure.minimized !== undefined) {
      const { sequence, divergence } = failure.minimized;
      lines.push(`  minimized replay (${sequence.ops.length} ops; handlers: ${describeUsedHandlers(sequence)}):`);
      lines.push(...describeOps(sequence));
      lines.push(`    botocore: ${divergence.expected}`, `    ours:     ${divergence.actual}`);
    } else {
      lines.push(`  operations up to it (handlers: ${describeUsedHandlers(failure.sequence)}):`);
      lines.push(...describeOps({ ...failure.sequence, ops: failure.sequence.ops.slice(0, failure.divergence.opIndex + 1) }, failure.crashesBefore));
    }
  }
  if (failures.length > shown) lines.push('', `... and ${failures.length - shown} more diverging sequences`);
  return lines.join('\n');
}
