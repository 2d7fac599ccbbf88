// Helpers for the bridge tests: record lifecycle events, ask botocore for its order.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LIFECYCLE_EVENT_TYPES, type HierarchicalEmitter, type AliasedEventEmitter } from '@sdk-events/core';
import { TEST_CREDENTIALS } from '../../helpers/clients.js';
import { findBotocorePython as findNewestBotocore } from '../differential/botocore.js';

/** Registers a recorder on every lifecycle event type (below `suffix`); returns the list it fills with event types. */
export function recordLifecycle(events: HierarchicalEmitter | AliasedEventEmitter, suffix = ''): string[] {
  const seen: string[] = [];
  for (const type of LIFECYCLE_EVENT_TYPES) {
    events.register(`${type}${suffix}`, ({ eventName }) => {
      seen.push(eventName.split('.')[0]!);
    });
  }
  return seen;
}

const DRIVER = fileURLToPath(new URL('./botocore_lifecycle.py', import.meta.url));
let found: ReturnType<typeof findNewestBotocore> | undefined;

/** The python with the newest botocore (see test/core/differential/botocore.ts), or undefined. */
export async function findBotocorePython(): Promise<string | undefined> {
  found ??= findNewestBotocore();
  return 'command' in found ? found.command : undefined;
}

/** The version of the botocore `findBotocorePython` found. */
export function botocoreVersion(): string | undefined {
  return found && 'version' in found ? found.version : undefined;
}

/** Runs one scenario through a real botocore Lambda client against `url`; returns the event types it emitted, in order. */
export async function botocoreLifecycle(python: string, url: string, scenario: string): Promise<string[]> {
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      python,
      [DRIVER, url, scenario],
      { env: { ...process.env, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey } },
      (error, out, err) => (error ? reject(new Error(`botocore driver failed: ${err || error.message}`)) : resolve(out)),
    ),
  );
  return JSON.parse(stdout) as string[];
}
