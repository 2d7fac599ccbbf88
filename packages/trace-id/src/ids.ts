// Web Crypto (`globalThis.crypto`): the same code on Node 20+ and in browsers.
const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A fresh random trace id: 32 lowercase hex digits (128 bits), the form W3C Trace Context uses. */
export function randomTraceId(): string {
  return nonZeroHex(16);
}

/** A fresh random W3C parent id (span id): 16 lowercase hex digits, never all zero. */
export function randomParentId(): string {
  return nonZeroHex(8);
}

function nonZeroHex(bytes: number): string {
  for (;;) {
    const id = hex(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
    if (!/^0+$/.test(id)) return id;
  }
}

const W3C_TRACE_ID = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** version 00, trace id, parent id, flags (W3C Trace Context, level 1). */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Whether `value` is a valid W3C `traceparent` header value (version 00, ids not all zero). */
export function isTraceparent(value: string): boolean {
  const match = TRACEPARENT.exec(value);
  return match !== null && !/^0+$/.test(match[1]!) && !/^0+$/.test(match[2]!);
}

/**
 * Maps any trace id onto a W3C trace id (32 lowercase hex digits, not all zero):
 * a W3C trace id as it is (case folded), a UUID without its dashes, anything
 * else the first 32 hex digits of its SHA-256, so the same id always maps to
 * the same trace id. Asynchronous: Web Crypto's digest is.
 */
export async function toW3cTraceId(id: string): Promise<string> {
  const lower = id.toLowerCase();
  if (W3C_TRACE_ID.test(lower) && !/^0+$/.test(lower)) return lower;
  if (UUID.test(lower) && !/^[0-]+$/.test(lower)) return lower.replace(/-/g, '');
  const digest = hex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(id))));
  // 128 zero bits out of SHA-256 will not happen; the fallback only keeps the type honest.
  const first = digest.slice(0, 32);
  return /^0+$/.test(first) ? digest.slice(32) : first;
}

/** A `traceparent` value for `traceId` (any id, see `toW3cTraceId`) with a fresh parent id and the sampled flag. */
export async function buildTraceparent(traceId: string, parentId: string = randomParentId(), flags = '01'): Promise<string> {
  return `00-${await toW3cTraceId(traceId)}-${parentId}-${flags}`;
}
