/** Options of the handler and plugin factories, their defaults and their validation. */
import { describeValue } from '@sdk-events/core/internal';

/** Options of `createGzipHandler`. */
export interface GzipOptions {
  /**
   * In-memory bodies shorter than this many bytes are sent as they are.
   * Default `DEFAULT_MIN_BYTES` (1024). Does not apply to streams, whose
   * length is not known (see the README's streaming rule).
   */
  minBytes?: number;
  /** zlib compression level, -1 (zlib's default, 6) or 0 (store) to 9 (smallest). Default -1. */
  level?: number;
}

/** Options of `gzipPlugin`. */
export interface GzipPluginOptions extends GzipOptions {
  /** The event name(s) to register on. Default `DEFAULT_GZIP_EVENTS`. */
  events?: string | readonly string[];
}

/**
 * `createGzipHandler`'s default `minBytes`. Below about 1 KiB gzip saves a
 * few hundred bytes at most (its own header and trailer are 18 bytes, and
 * short JSON has little repetition), not worth a changed request; from
 * there to the SDK's own threshold (10240 bytes, where it gzips
 * PutMetricData itself) is the range this package adds.
 */
export const DEFAULT_MIN_BYTES = 1024;
/** The default zlib level: -1, zlib's own default (6). */
export const DEFAULT_LEVEL = -1;
/** `gzipPlugin`'s default events: the seed's registration. */
export const DEFAULT_GZIP_EVENTS: readonly string[] = Object.freeze(['before-sign.cloudwatch.PutMetricData']);

/** Validated handler settings. */
export interface GzipSettings {
  minBytes: number;
  level: number;
}


/** Throws a `TypeError` unless `options` is undefined or a plain object with only `allowed` keys. */
export function checkOptionsObject(options: unknown, where: string, allowed: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${where}: unknown option '${key}' (known: ${allowed.join(', ')})`);
    }
  }
  return options as Record<string, unknown>;
}

/** Validates `minBytes` and `level`, applying the defaults. */
export function resolveSettings(options: Record<string, unknown>, where: string): GzipSettings {
  const { minBytes = DEFAULT_MIN_BYTES, level = DEFAULT_LEVEL } = options;
  if (typeof minBytes !== 'number' || Number.isNaN(minBytes) || minBytes < 0) {
    throw new TypeError(`${where}: option 'minBytes' must be a non-negative number, got ${describeValue(minBytes)}`);
  }
  if (typeof level !== 'number' || !Number.isInteger(level) || level < -1 || level > 9) {
    throw new TypeError(`${where}: option 'level' must be an integer from -1 to 9, got ${describeValue(level)}`);
  }
  return { minBytes, level };
}

/** Validates `events`: one non-empty name or a non-empty array of them. */
export function resolveEvents(events: unknown, where: string): string[] {
  if (events === undefined) return [...DEFAULT_GZIP_EVENTS];
  const list: unknown[] = typeof events === 'string' ? [events] : Array.isArray(events) ? events : [];
  if (list.length === 0 || !list.every((name) => typeof name === 'string' && name.length > 0)) {
    throw new TypeError(
      `${where}: option 'events' must be an event name or a non-empty array of event names, got ${describeValue(events)}`,
    );
  }
  return list as string[];
}
