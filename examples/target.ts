// Where the examples send their calls: the embedded inspector by default, an
// endpoint you name, or real AWS when you supply credentials and no endpoint.
import { pathToFileURL } from 'node:url';
import { startInspector, TEST_CREDENTIALS, type Inspector } from '@sdk-events/inspector';

/** Where an example sends its calls, and the client config that goes there. */
export interface Target {
  /** The embedded inspector, when the calls go to it (it verifies and records every request). */
  inspector?: Inspector;
  /** A short description for the report. */
  description: string;
  /** Spread into every client's config. */
  clientConfig: { region: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string }; forcePathStyle?: boolean };
  close(): Promise<void>;
}

/**
 * `SDK_EVENTS_ENDPOINT=http://localhost:4566`: that endpoint (e.g. a running
 * `sdk-events-inspector`); else AWS credentials in the environment
 * (`AWS_ACCESS_KEY_ID` or `AWS_PROFILE`): real AWS; else an embedded
 * inspector on a free port of 127.0.0.1.
 */
export async function openTarget(): Promise<Target> {
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const endpoint = process.env.SDK_EVENTS_ENDPOINT;
  if (endpoint) {
    return {
      description: `the endpoint ${endpoint}`,
      clientConfig: { region, endpoint, credentials: { ...TEST_CREDENTIALS }, forcePathStyle: true },
      close: async () => {},
    };
  }
  if (process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE) {
    return { description: `real AWS (${region})`, clientConfig: { region }, close: async () => {} };
  }
  // PutMetricData's real limits, so that what would be rejected by AWS is rejected here too.
  const inspector = await startInspector({ maxBytes: 1_000_000, maxItems: 1000 });
  return {
    inspector,
    description: `the embedded inspector at ${inspector.url}`,
    clientConfig: { region, endpoint: inspector.url, credentials: { ...TEST_CREDENTIALS }, forcePathStyle: true },
    close: () => inspector.close(),
  };
}

/** Runs `main` when the file is executed directly (`tsx examples/<name>.ts`), not when imported by the demo. */
export function runIfMain(moduleUrl: string, main: (target: Target) => Promise<void>): void {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  void (async () => {
    const target = await openTarget();
    console.log(`sending to ${target.description}`);
    try {
      await main(target);
    } finally {
      await target.close();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
