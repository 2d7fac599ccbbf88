import { parseArgs } from 'node:util';
import type { InspectorOptions } from './types.js';

/** What the command line asks for. */
export interface CliConfig {
  /** Options for {@link startInspector}. */
  options: InspectorOptions;
  /** Print one JSON object per request instead of the readable block. */
  json: boolean;
  /** Print one line per request instead of the readable block. */
  brief: boolean;
  /** Bytes of the decoded body to show per request (text only). */
  bodyPreview: number;
  /** Print the usage and exit. */
  help: boolean;
}

/** The CLI's usage text. */
export const USAGE = `Usage: sdk-events-inspector [options]

A local endpoint that shows and verifies what an AWS SDK client sends
(CloudWatch, Lambda, S3), and answers minimal valid responses.

Options:
  --port <n>                 port to listen on (default 4566; 0 picks a free port)
  --host <host>              interface to listen on (default 127.0.0.1)
  --access-key-id <id>       verify signatures for this access key id ...
  --secret-access-key <key>  ... signed with this secret (default: the test
                             credentials AKIDTESTEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY)
  --credentials-from-env     verify with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
  --max-bytes <n>            answer CloudWatch PutMetricData larger than n bytes with 413
  --max-items <n>            answer CloudWatch PutMetricData with more than n metrics with 413
  --max-body-bytes <n>       answer a body larger than n bytes with 413, unkept (default 64 MiB)
  --max-decoded-bytes <n>    answer a body that decodes to more than n bytes with 413 (default 64 MiB)
  --max-records <n>          keep at most n records, the newest (default 1000)
  --max-stored-body-bytes <n> keep at most n bytes of bodies in records, the newest (default 256 MiB)
  --strict                   answer requests that fail verification with the service's error
  --body <n>                 show up to n bytes of each decoded body (default 0)
  --brief                    one line per request
  --json                     one JSON object per request (for tools)
  -h, --help                 show this help
`;

/**
 * Parses the command line (without `node` and the script). Throws a TypeError naming the bad
 * argument; `env` is read for `--credentials-from-env`.
 */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliConfig {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'access-key-id': { type: 'string' },
        'secret-access-key': { type: 'string' },
        'credentials-from-env': { type: 'boolean' },
        'max-bytes': { type: 'string' },
        'max-items': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'max-decoded-bytes': { type: 'string' },
        'max-records': { type: 'string' },
        'max-stored-body-bytes': { type: 'string' },
        strict: { type: 'boolean' },
        body: { type: 'string' },
        brief: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new TypeError((error as Error).message);
  }
  const values = parsed.values;
  const options: InspectorOptions = { port: integer('--port', values.port ?? '4566', 0, 65535) };
  if (values.host !== undefined) options.host = nonEmpty('--host', values.host);
  if (values['max-bytes'] !== undefined) options.maxBytes = integer('--max-bytes', values['max-bytes'], 1);
  if (values['max-items'] !== undefined) options.maxItems = integer('--max-items', values['max-items'], 1);
  if (values['max-body-bytes'] !== undefined) options.maxBodyBytes = integer('--max-body-bytes', values['max-body-bytes'], 1);
  if (values['max-decoded-bytes'] !== undefined) options.maxDecodedBytes = integer('--max-decoded-bytes', values['max-decoded-bytes'], 1);
  if (values['max-records'] !== undefined) options.maxRecords = integer('--max-records', values['max-records'], 1);
  if (values['max-stored-body-bytes'] !== undefined) options.maxStoredBodyBytes = integer('--max-stored-body-bytes', values['max-stored-body-bytes'], 1);
  if (values.strict) options.strict = true;

  const accessKeyId = values['access-key-id'];
  const secretAccessKey = values['secret-access-key'];
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new TypeError('--access-key-id and --secret-access-key go together');
  }
  const credentials = [];
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    credentials.push({ accessKeyId: nonEmpty('--access-key-id', accessKeyId), secretAccessKey: nonEmpty('--secret-access-key', secretAccessKey) });
  }
  if (values['credentials-from-env']) {
    const id = env['AWS_ACCESS_KEY_ID'];
    const secret = env['AWS_SECRET_ACCESS_KEY'];
    if (!id || !secret) throw new TypeError('--credentials-from-env needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment');
    credentials.push({ accessKeyId: id, secretAccessKey: secret });
  }
  if (credentials.length > 0) options.credentials = credentials;
  if (values.json && values.brief) throw new TypeError('--json and --brief exclude each other');

  return {
    options,
    json: values.json ?? false,
    brief: values.brief ?? false,
    bodyPreview: values.body === undefined ? 0 : integer('--body', values.body, 0),
    help: values.help ?? false,
  };
}

function integer(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text.trim())) throw new TypeError(`${flag} must be a whole number, got '${text}'`);
  const value = Number(text.trim());
  if (value < min || value > max) throw new TypeError(`${flag} must be from ${min} to ${max}, got ${value}`);
  return value;
}

function nonEmpty(flag: string, text: string): string {
  if (text.trim() === '') throw new TypeError(`${flag} must not be empty`);
  return text;
}
