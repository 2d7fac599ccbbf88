import { HttpRequest } from '@smithy/protocol-http';

/**
 * A copy of `request` whose headers and query a handler can change without
 * touching the original: the body is shared (handlers replace it, they do
 * not edit it in place).
 *
 * The copy is built the way the original was: an `HttpRequest` from the
 * constructor, a plain object (what some SDK middleware pass on, such as
 * request compression's `{ ...request, body }`) by a spread. Either way it
 * has the original's hidden class, so the signer and the SDK's other
 * middleware see the shapes they see without the bridge.
 */
export function cloneRequest(request: HttpRequest): HttpRequest {
  const headers = { ...request.headers };
  const query = cloneQuery(request.query);
  if (Object.getPrototypeOf(request) === Object.prototype) return { ...request, headers, query } as HttpRequest;
  return new HttpRequest({ ...request, headers, query });
}

function cloneQuery(query: HttpRequest['query']): HttpRequest['query'] {
  const copy: HttpRequest['query'] = {};
  // for-in rather than Object.keys: most queries are empty, and this allocates nothing for them.
  for (const key in query) {
    if (!Object.hasOwn(query, key)) continue;
    const value = query[key];
    copy[key] = Array.isArray(value) ? [...value] : value;
  }
  return copy;
}
