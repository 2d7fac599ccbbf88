import type { InspectorCredentials, InspectorOptions } from './types.js';

/** The credentials the test suite's clients sign with (test/helpers/clients.ts); verified by default. */
export const TEST_CREDENTIALS: Readonly<InspectorCredentials> = Object.freeze({
  accessKeyId: 'AKIDTESTEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
});

/** Options with defaults applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  credentials: InspectorCredentials[];
  maxBytes: number | undefined;
  maxItems: number | undefined;
  log: ((line: string) => void) | undefined;
  onRequest: InspectorOptions['onRequest'];
  strict: boolean;
  bodyTimeoutMs: number;
}

/** Validates options (a TypeError names the bad one) and applies the defaults. */
export function resolveOptions(options: InspectorOptions | undefined): ResolvedOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) throw new TypeError('startInspector: options must be an object');
  const { port = 0, host = '127.0.0.1', credentials, maxBytes, maxItems, log, onRequest, strict = false, bodyTimeoutMs = 5000 } = options;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`startInspector: port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  if (typeof host !== 'string' || host === '') throw new TypeError('startInspector: host must be a non-empty string');
  positive('maxBytes', maxBytes);
  positive('maxItems', maxItems);
  positive('bodyTimeoutMs', bodyTimeoutMs);
  if (log !== undefined && typeof log !== 'function') throw new TypeError('startInspector: log must be a function (line: string) => void');
  if (onRequest !== undefined && typeof onRequest !== 'function') throw new TypeError('startInspector: onRequest must be a function (record) => void');
  if (typeof strict !== 'boolean') throw new TypeError('startInspector: strict must be a boolean');
  return {
    port,
    host,
    credentials: validateCredentials(credentials),
    maxBytes,
    maxItems,
    log,
    onRequest,
    strict,
    bodyTimeoutMs,
  };
}

function positive(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
    throw new TypeError(`startInspector: ${name} must be a positive number, got ${String(value)}`);
  }
}

function validateCredentials(credentials: unknown): InspectorCredentials[] {
  if (credentials === undefined) return [{ ...TEST_CREDENTIALS }];
  if (!Array.isArray(credentials)) throw new TypeError('startInspector: credentials must be an array of { accessKeyId, secretAccessKey }');
  return credentials.map((pair: unknown, index) => {
    const { accessKeyId, secretAccessKey } = (pair ?? {}) as Record<string, unknown>;
    if (typeof accessKeyId !== 'string' || accessKeyId === '' || typeof secretAccessKey !== 'string' || secretAccessKey === '') {
      throw new TypeError(`startInspector: credentials[${index}] must have non-empty string accessKeyId and secretAccessKey`);
    }
    return { accessKeyId, secretAccessKey };
  });
}
