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
 * profile). The snapshot's copies are only ever read here, so their shapes
 * do not matter: a spread is V8's fastest copy of a fast object (about half
 * the time of `Object.keys` and `Object.values`, which allocate two arrays).
 */
export interface RequestSnapshot {
  readonly request: HttpRequest;
  /** The request's own fields (`headers` and `query` among them, as the objects they were). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
}

/** Remembers `request` as it is now. */
export function snapshotRequest(request: HttpRequest): RequestSnapshot {
  return { request, fields: { ...request }, headers: { ...request.headers }, query: copyQuery(request.query) };
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
  if (request.query) restoreEntries(request.query, copyQuery(query));
}

/** A copy of `query` whose multi-value parameters are arrays of their own: handlers may edit those in place. */
function copyQuery(query: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const copy = { ...query };
  for (const key in copy) if (Array.isArray(copy[key])) copy[key] = [...(copy[key] as unknown[])];
  return copy;
}

function restoreEntries(target: Record<string, unknown>, saved: Readonly<Record<string, unknown>>): void {
  // Runs in a promise reaction nobody awaits: it must not throw, whatever a handler left.
  if (target === null || typeof target !== 'object') return;
  for (const key of Object.keys(target)) if (!Object.hasOwn(saved, key)) delete target[key];
  for (const key of Object.keys(saved)) if (target[key] !== saved[key]) target[key] = saved[key];
}
