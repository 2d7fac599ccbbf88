import type { HttpRequest } from '@smithy/protocol-http';

/**
 * A request as it was before this attempt's handlers ran: enough to put the
 * very same object back the way it was, so a retry starts from the request
 * as serialization made it (botocore builds a new request per attempt).
 *
 * Why put the SDK's own request back rather than hand handlers a copy: an
 * object spread makes a new hidden class per call site in V8 (node 20), so
 * a copied request and its headers reach the signer and every middleware
 * after it with shapes they never see without the bridge, and their
 * property accesses turn polymorphic in every client of the process
 * (`HttpRequest.isInstance` alone went from 0.03% to 0.3% of a call's CPU
 * profile). The snapshot itself is only ever read here.
 */
export interface RequestSnapshot {
  readonly request: HttpRequest;
  /** The request's own fields (`headers` and `query` among them, as the objects they were). */
  readonly fields: Entries;
  readonly headers: Entries;
  readonly query: Entries;
}

/**
 * An object's own enumerable entries as two arrays, from `Object.keys` and
 * `Object.values`: builtins that read V8's enum cache, where copying into a
 * fresh object stores key by key through a megamorphic store (that cost
 * about 0.4% of a call in a CPU profile).
 */
interface Entries {
  readonly keys: string[];
  readonly values: unknown[];
}

/** Remembers `request` as it is now. */
export function snapshotRequest(request: HttpRequest): RequestSnapshot {
  return { request, fields: entriesOf(request), headers: entriesOf(request.headers), query: withArrayCopies(entriesOf(request.query ?? {})) };
}

/**
 * Puts the request back as it was when `snapshot` was taken: fields,
 * headers and query, in place, in the objects the SDK holds. Only runs
 * before a retry, so its deletes (which slow an object down) cost nothing
 * on a call that succeeds at once.
 */
export function restoreRequest({ request, fields, headers, query }: RequestSnapshot): void {
  restoreEntries(request as unknown as Record<string, unknown>, fields);
  restoreEntries(request.headers, headers);
  // Multi-value arrays are copied again: the next attempt's handlers may edit them in place too.
  if (request.query) restoreEntries(request.query, withArrayCopies(query));
}

function entriesOf(source: object): Entries {
  return { keys: Object.keys(source), values: Object.values(source) };
}

/** `entries` with copies of its array values (a query's multi-value parameters): handlers may edit those in place. */
function withArrayCopies(entries: Entries): Entries {
  const { keys, values } = entries;
  if (!values.some(Array.isArray)) return entries;
  return { keys, values: values.map((value) => (Array.isArray(value) ? [...(value as unknown[])] : value)) };
}

function restoreEntries(target: Record<string, unknown>, { keys, values }: Entries): void {
  // Runs in a promise reaction nobody awaits: it must not throw, whatever a handler left.
  if (target === null || typeof target !== 'object') return;
  for (const key of Object.keys(target)) if (!keys.includes(key)) delete target[key];
  for (let i = 0; i < keys.length; i++) if (target[keys[i]!] !== values[i]) target[keys[i]!] = values[i];
}
