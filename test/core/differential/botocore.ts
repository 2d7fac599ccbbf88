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

// Debian's python3-botocore first (what CI installs), then whatever `python3` is on PATH;
// SDK_EVENTS_PYTHON names the one interpreter to use instead (e.g. a virtualenv's).
function candidates(): string[] {
  const chosen = process.env['SDK_EVENTS_PYTHON'];
  return chosen !== undefined && chosen !== '' ? [chosen] : ['/usr/bin/python3', 'python3'];
}

const PROBE = [
  'import json, botocore',
  'from botocore.utils import EVENT_ALIASES',
  'print(json.dumps({"version": botocore.__version__, "location": botocore.__file__, "aliases": list(EVENT_ALIASES.items())}))',
].join('\n');

/** The first candidate Python that imports botocore, or why none does. */
export function findBotocorePython(): BotocorePython | BotocoreNotFound {
  const reasons: string[] = [];
  for (const command of candidates()) {
    const probe = spawnSync(command, ['-c', PROBE], { encoding: 'utf8', timeout: 30_000 });
    if (probe.error !== undefined) {
      reasons.push(`${command}: ${probe.error.message}`);
    } else if (probe.status !== 0) {
      const lastLine = probe.stderr.trim().split('\n').pop() ?? '';
      reasons.push(`${command}: cannot import botocore (${lastLine})`);
    } else {
      const { version, location, aliases } = JSON.parse(probe.stdout) as Omit<BotocorePython, 'command'>;
      return { command, version, location, aliases };
    }
  }
  return { reasons };
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
