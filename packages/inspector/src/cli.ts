import { banner } from './banner.js';
import { parseCliArgs, USAGE } from './cli-args.js';
import { formatLine, formatRecord, summarizeRecord } from './display/format.js';
import { resolveOptions } from './options.js';
import { startInspector } from './server.js';
import type { InspectedRequest } from './types.js';

/** Runs the `sdk-events-inspector` command; resolves once it is listening. */
export async function main(argv: readonly string[]): Promise<void> {
  let config;
  try {
    config = parseCliArgs(argv, process.env);
  } catch (error) {
    process.stderr.write(`sdk-events-inspector: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (config.help) {
    process.stdout.write(USAGE);
    return;
  }
  const print = (record: InspectedRequest) => {
    if (config.json) process.stdout.write(`${JSON.stringify(summarizeRecord(record))}\n`);
    else if (config.brief) process.stdout.write(`${formatLine(record)}\n`);
    else process.stdout.write(`${formatRecord(record, { bodyPreview: config.bodyPreview })}\n\n`);
  };
  let inspector;
  try {
    inspector = await startInspector({ ...config.options, onRequest: print });
  } catch (error) {
    process.stderr.write(`sdk-events-inspector: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const credentials = resolveOptions(config.options).credentials;
  if (config.json) process.stdout.write(`${JSON.stringify({ listening: inspector.url })}\n`);
  else process.stdout.write(banner(inspector.url, credentials));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void inspector.close().then(() => {
      if (!config.json) process.stdout.write(`\nstopped after ${inspector.records.length} request(s)\n`);
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main(process.argv.slice(2));
