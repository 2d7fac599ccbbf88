import type { SecretSet } from './redact/secrets.js';

/** How deep and wide `summarizeValue` goes before cutting off. */
const LIMITS = { depth: 8, keys: 50, items: 20, stringLength: 500 };

/**
 * A JSON-safe summary of an already-filtered input or output, for logging:
 * bytes, blobs and streams become `<N bytes>` / `<stream>` (body contents are
 * not logged), `payload` (the request body, when a member is it) becomes
 * `<body N bytes>`, long strings and collections are cut, cycles are broken,
 * and every string is scrubbed of `secrets`.
 */
export function summarizeValue(value: unknown, secrets: SecretSet, payload?: unknown): unknown {
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number): unknown => {
    if (item === null || item === undefined) return item;
    if (payload !== undefined && item === payload) {
      return typeof item === 'string' ? `<body ${Buffer.byteLength(item)} bytes>` : '<body>';
    }
    switch (typeof item) {
      case 'string': {
        const scrubbed = secrets.scrub(item);
        return scrubbed.length > LIMITS.stringLength ? `${scrubbed.slice(0, LIMITS.stringLength)}…(${scrubbed.length} chars)` : scrubbed;
      }
      case 'number':
      case 'boolean': {
        const text = String(item);
        const scrubbed = secrets.scrub(text);
        return scrubbed === text ? item : scrubbed;
      }
      case 'bigint':
        return secrets.scrub(item.toString());
      case 'function':
      case 'symbol':
        return undefined;
    }
    if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) return `<${item.byteLength} bytes>`;
    if (item instanceof Date) return Number.isNaN(item.getTime()) ? 'Invalid Date' : item.toISOString();
    if (isStreamLike(item)) return '<stream>';
    if (seen.has(item as object)) return '<cycle>';
    if (depth >= LIMITS.depth) return '<…>';
    seen.add(item as object);
    if (Array.isArray(item)) {
      const head = item.slice(0, LIMITS.items).map((element) => walk(element, depth + 1));
      return item.length > LIMITS.items ? [...head, `…(${item.length} items)`] : head;
    }
    const out: Record<string, unknown> = {};
    const entries = Object.entries(item as Record<string, unknown>);
    for (const [key, member] of entries.slice(0, LIMITS.keys)) {
      const summary = walk(member, depth + 1);
      if (summary !== undefined) out[key] = summary;
    }
    if (entries.length > LIMITS.keys) out['…'] = `${entries.length} keys`;
    return out;
  };
  return walk(value, 0);
}

/** Node and web streams, blobs: bodies whose contents are never read for logging. */
function isStreamLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.pipe === 'function' ||
    typeof candidate.getReader === 'function' ||
    (typeof candidate.arrayBuffer === 'function' && typeof candidate.size === 'number') ||
    typeof (candidate as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}
