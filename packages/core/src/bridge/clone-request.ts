import { HttpRequest } from '@smithy/protocol-http';

/**
 * A copy of `request` whose headers and query a handler can change without
 * touching the original: the body is shared (handlers replace it, they do
 * not edit it in place).
 */
export function cloneRequest(request: HttpRequest): HttpRequest {
  const query: HttpRequest['query'] = {};
  for (const key of Object.keys(request.query)) {
    const value = request.query[key];
    query[key] = Array.isArray(value) ? [...value] : value;
  }
  return new HttpRequest({ ...request, headers: { ...request.headers }, query });
}
