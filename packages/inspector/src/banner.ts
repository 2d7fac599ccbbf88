import { TEST_CREDENTIALS } from './options.js';
import type { InspectorCredentials } from './types.js';

/** The text the CLI prints once listening: the URL, an example client configuration and what is verified. */
export function banner(url: string, credentials: readonly InspectorCredentials[]): string {
  const first = credentials[0];
  const isTestPair = first !== undefined && first.accessKeyId === TEST_CREDENTIALS.accessKeyId && first.secretAccessKey === TEST_CREDENTIALS.secretAccessKey;
  // Never echo a real secret: only the well-known test pair is printed in full.
  const credentialLine = isTestPair
    ? `credentials: { accessKeyId: '${first.accessKeyId}', secretAccessKey: '${first.secretAccessKey}' }`
    : `credentials: { accessKeyId: '${first?.accessKeyId ?? '...'}', secretAccessKey: '<your secret>' }`;
  return [
    `sdk-events inspector listening on ${url}`,
    '',
    'Point a client at it, e.g.:',
    `  new CloudWatchClient({ region: 'us-east-1', endpoint: '${url}',`,
    `    ${credentialLine} })`,
    "  (S3 clients: add forcePathStyle: true)",
    '',
    `Signatures are verified for: ${credentials.map((pair) => pair.accessKeyId).join(', ')}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
