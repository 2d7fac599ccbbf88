/**
 * Event names: `<event-type>.<service-id>.<operation>` and every prefix of
 * it, dot-separated. These helpers check and split them.
 */

/**
 * Splits a name into its dot-separated segments, or throws a `TypeError`
 * naming it unless it is a non-empty string of non-empty segments.
 *
 * @param method - the method that was called, to start the error message with
 * @param what - how the error message refers to the value
 */
export function splitEventName(name: unknown, method: string, what = 'event name'): string[] {
  const rule = `must be a non-empty string of non-empty dot-separated segments (e.g. 'before-sign.s3.PutObject')`;
  if (typeof name !== 'string') throw new TypeError(`${method}: the ${what} ${rule}, got ${describeValue(name)}`);
  const segments = name.split('.');
  const empty = segments.indexOf('');
  if (empty !== -1) {
    const where = name === '' ? 'the empty string' : `${JSON.stringify(name)} (segment ${empty + 1} is empty)`;
    throw new TypeError(`${method}: the ${what} ${rule}, got ${where}`);
  }
  return segments;
}

/**
 * The service id as it appears in event names, as botocore's
 * `ServiceId.hyphenize()`: spaces become `-`, then everything is lowercased.
 *
 * @example
 * hyphenize('CloudWatch');      // 'cloudwatch'
 * hyphenize('CloudWatch Logs'); // 'cloudwatch-logs'
 * hyphenize('API Gateway');     // 'api-gateway'
 */
export function hyphenize(serviceId: string): string {
  if (typeof serviceId !== 'string' || serviceId === '') {
    throw new TypeError(`hyphenize: the service id must be a non-empty string, got ${describeValue(serviceId)}`);
  }
  return serviceId.replaceAll(' ', '-').toLowerCase();
}

/**
 * A short description of a value for error messages, as every sdk-events
 * `TypeError` phrases it; sdk-events' own packages use it (from
 * `@sdk-events/core/internal`) so their messages read alike.
 *
 * @example
 * throw new TypeError(`myPlugin: option 'limit' must be a positive integer, got ${describeValue(limit)}`);
 * // … got number -1 / got "ten" / got an object / got null
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
