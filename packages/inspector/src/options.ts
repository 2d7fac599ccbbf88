import type { InspectorCredentials, InspectorOptions } from './types.js';

/**
 * The credentials the test suite's clients sign with (test/helpers/clients.ts); verified by
 * default. A plain object, not frozen: the SDK writes `$source` on the credentials it is given,
 * so `new CloudWatchClient({ credentials: TEST_CREDENTIALS })` must work as it is.
 */
export const TEST_CREDENTIALS: InspectorCredentials = {
  accessKeyId: 'AKIDTESTEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

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
  maxBodyBytes: number;
  maxDecodedBytes: number;
  maxRecords: number;
  maxStoredBodyBytes: number;
}

const MiB = 1024 * 1024;
/** The defaults of the bounds on what one request and the records may hold. */
export const DEFAULT_LIMITS = Object.freeze({ maxBodyBytes: 64 * MiB, maxDecodedBytes: 64 * MiB, maxRecords: 1000, maxStoredBodyBytes: 256 * MiB });

/** Validates options (a TypeError names the bad one) and applies the defaults. */
export function resolveOptions(options: InspectorOptions | undefined): ResolvedOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) throw new TypeError('startInspector: options must be an object');
  const { port = 0, host = '127.0.0.1', credentials, maxBytes, maxItems, log, onRequest, strict = false, bodyTimeoutMs = 5000 } = options;
  const { maxBodyBytes, maxDecodedBytes, maxRecords, maxStoredBodyBytes } = { ...DEFAULT_LIMITS, ...definedOnly(options) };
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`startInspector: port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  if (typeof host !== 'string' || host === '') throw new TypeError('startInspector: host must be a non-empty string');
  positive('maxBytes', maxBytes);
  positive('maxItems', maxItems);
  positive('bodyTimeoutMs', bodyTimeoutMs);
  for (const [name, value] of Object.entries({ maxBodyBytes, maxDecodedBytes, maxRecords, maxStoredBodyBytes })) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(`startInspector: ${name} must be a positive whole number, got ${String(value)}`);
    }
  }
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
    maxBodyBytes,
    maxDecodedBytes,
    maxRecords,
    maxStoredBodyBytes,
  };
}

/** `options` without the keys whose value is `undefined` (so a default applies to them). */
function definedOnly(options: InspectorOptions): Partial<InspectorOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function positive(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
    throw new TypeError(`startInspector: ${name} must be a positive number, got ${String(value)}`);
  }
}

function validateCredentials(credentials: unknown): InspectorCredentials[] {
  if (credentials === undefined) return [{ accessKeyId: 'AKIDTESTEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }];
  if (!Array.isArray(credentials)) throw new TypeError('startInspector: credentials must be an array of { accessKeyId, secretAccessKey }');
  return credentials.map((pair: unknown, index) => {
    const { accessKeyId, secretAccessKey } = (pair ?? {}) as Record<string, unknown>;
    if (typeof accessKeyId !== 'string' || accessKeyId === '' || typeof secretAccessKey !== 'string' || secretAccessKey === '') {
      throw new TypeError(`startInspector: credentials[${index}] must have non-empty string accessKeyId and secretAccessKey`);
    }
    return { accessKeyId, secretAccessKey };
  });
}
