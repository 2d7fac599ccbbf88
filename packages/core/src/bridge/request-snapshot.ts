import type { HttpRequest } from '@smithy/protocol-http';

type Query = HttpRequest['query'];

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
  /** The request's own fields (`headers` and `query` as the objects they were). */
  readonly fields: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly query: Query;
}

/** Called as `hasOwnProperty.call(object, key)` inside a for-in over `object`, which V8 reduces to an enum cache check. */
const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Remembers `request` as it is now. */
export function snapshotRequest(request: HttpRequest): RequestSnapshot {
  return { request, fields: copyOwn(request as unknown as Record<string, unknown>), headers: copyOwn(request.headers), query: copyQuery(request.query) };
}

/**
 * Puts the request back as it was when `snapshot` was taken: fields,
 * headers and query, in place, in the objects the SDK holds. Only runs
 * before a retry, so its deletes (which slow an object down) cost nothing
 * on a call that succeeds at once.
 */
export function restoreRequest({ request, fields, headers, query }: RequestSnapshot): void {
  restoreOwn(request as unknown as Record<string, unknown>, fields);
  restoreOwn(request.headers, headers);
  if (request.query) restoreOwn(request.query, copyQuery(query));
}

function copyOwn<T>(source: Record<string, T>): Record<string, T> {
  const copy: Record<string, T> = {};
  for (const key in source) if (hasOwnProperty.call(source, key)) copy[key] = source[key]!;
  return copy;
}

/** A copy of a query whose multi-value arrays are copies too: handlers may edit those in place. */
function copyQuery(query: Query): Query {
  const copy: Query = {};
  for (const key in query) {
    if (!hasOwnProperty.call(query, key)) continue;
    const value = query[key];
    copy[key] = Array.isArray(value) ? [...value] : value!;
  }
  return copy;
}

function restoreOwn<T>(target: Record<string, T>, saved: Record<string, T>): void {
  for (const key of Object.keys(target)) if (!hasOwnProperty.call(saved, key)) delete target[key];
  for (const key of Object.keys(saved)) if (target[key] !== saved[key]) target[key] = saved[key]!;
}
