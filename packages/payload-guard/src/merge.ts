/** The default way to merge the outputs of a split call into one. */

/** An SDK command output: members and `$metadata`. */
export type CommandOutput = Record<string, any>;

/**
 * Merges the outputs of the chunks of one call, in order: array members are
 * concatenated (S3 `DeleteObjects`' `Deleted` and `Errors`), any other member
 * keeps the last defined value, and `$metadata` is the last chunk's.
 *
 * @example
 * mergeOutputs([{ Deleted: [a], $metadata: m1 }, { Deleted: [b], $metadata: m2 }])
 * // { Deleted: [a, b], $metadata: m2 }
 */
export function mergeOutputs<Output extends CommandOutput>(outputs: readonly Output[]): Output {
  const merged: CommandOutput = {};
  for (const output of outputs) {
    for (const [key, value] of Object.entries(output ?? {})) {
      if (key === '$metadata' || value === undefined) continue;
      const current = merged[key];
      if (Array.isArray(value)) merged[key] = Array.isArray(current) ? [...current, ...value] : [...value];
      else merged[key] = value;
    }
  }
  const last = outputs[outputs.length - 1];
  if (last && '$metadata' in last) merged.$metadata = last.$metadata;
  return merged as Output;
}
