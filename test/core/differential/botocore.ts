// Finds a Python with botocore and runs sequences through botocore_driver.py,
// all of them in one process.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { BotocoreSequenceResult, Sequence } from './operations.js';

const DRIVER = fileURLToPath(new URL('./botocore_driver.py', import.meta.url));

/** A Python interpreter that can import botocore. */
export interface BotocorePython {
  /** The command, e.g. `/usr/bin/python3`. */
  command: string;
  /** `botocore.__version__`. */
  version: string;
  /** Where botocore was imported from. */
  location: string;
  /** botocore's `EVENT_ALIASES`, in table order. */
  aliases: Array<[oldPart: string, newPart: string]>;
}

/** Where botocore was looked for and why each failed, when none could be had. */
export interface BotocoreNotFound {
  reasons: string[];
}

// Debian's python3-botocore (what CI installs when no botocore is there) and whatever `python3`
// is on PATH: the newest botocore of the two is used; SDK_EVENTS_PYTHON names the one interpreter
// to use instead (e.g. a virtualenv's).
function candidates(): string[] {
  const chosen = process.env['SDK_EVENTS_PYTHON'];
  return chosen !== undefined && chosen !== '' ? [chosen] : ['/usr/bin/python3', 'python3'];
}

const PROBE = [
  'import json, botocore',
  'from botocore.utils import EVENT_ALIASES',
  'print(json.dumps({"version": botocore.__version__, "location": botocore.__file__, "aliases": list(EVENT_ALIASES.items())}))',
].join('\n');

/** The candidate Python with the newest botocore, or why none imports it. */
export function findBotocorePython(): BotocorePython | BotocoreNotFound {
  const reasons: string[] = [];
  let newest: BotocorePython | undefined;
  for (const command of candidates()) {
    const probe = spawnSync(command, ['-c', PROBE], { encoding: 'utf8', timeout: 30_000 });
    if (probe.error !== undefined) {
      reasons.push(`${command}: ${probe.error.message}`);
    } else if (probe.status !== 0) {
      const lastLine = probe.stderr.trim().split('\n').pop() ?? '';
      reasons.push(`${command}: cannot import botocore (${lastLine})`);
    } else {
      const found = { command, ...(JSON.parse(probe.stdout) as Omit<BotocorePython, 'command'>) };
      if (newest === undefined || compareVersions(found.version, newest.version) > 0) newest = found;
    }
  }
  return newest ?? { reasons };
}

/** Compares dotted version numbers (`1.29.27` < `1.43.11`). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((version) => version.split('.').map((part) => parseInt(part, 10) || 0));
  for (let i = 0; i < Math.max(x!.length, y!.length); i++) {
    const difference = (x![i] ?? 0) - (y![i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Everything the driver answers for a batch. */
export interface BotocoreRun {
  version: string;
  sequences: BotocoreSequenceResult[];
}

/** Runs every sequence through botocore in one Python process. */
export function runInBotocore(python: BotocorePython, sequences: readonly Sequence[]): BotocoreRun {
  const run = spawnSync(python.command, [DRIVER], {
    input: JSON.stringify({ sequences }),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 120_000,
  });
  if (run.error !== undefined) throw new Error(`botocore driver (${python.command} ${DRIVER}) failed to run: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(`botocore driver (${python.command} ${DRIVER}) exited with ${run.status}:\n${run.stderr}`);
  }
  const output = JSON.parse(run.stdout) as { botocore: string; sequences: BotocoreSequenceResult[] };
  if (output.sequences.length !== sequences.length) {
    throw new Error(`botocore driver answered ${output.sequences.length} sequences for ${sequences.length}`);
  }
  return { version: output.botocore, sequences: output.sequences };
}
