import os from 'node:os';

/** One line naming the machine a table was measured on: os, cpu model, cores, node version. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown cpu';
  return `${os.type()} ${os.release()} ${os.arch()}, ${model}, ${cpus.length} cores, node ${process.version}`;
}
