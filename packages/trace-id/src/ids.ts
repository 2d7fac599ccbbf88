import { createHash, randomBytes } from 'node:crypto';

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
    const hex = randomBytes(bytes).toString('hex');
    if (!/^0+$/.test(hex)) return hex;
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
 * the same trace id.
 */
export function toW3cTraceId(id: string): string {
  const lower = id.toLowerCase();
  if (W3C_TRACE_ID.test(lower) && !/^0+$/.test(lower)) return lower;
  if (UUID.test(lower) && !/^[0-]+$/.test(lower)) return lower.replace(/-/g, '');
  const digest = createHash('sha256').update(id).digest('hex');
  // 128 zero bits out of SHA-256 will not happen; the fallback only keeps the type honest.
  const hex = digest.slice(0, 32);
  return /^0+$/.test(hex) ? digest.slice(32) : hex;
}

/** A `traceparent` value for `traceId` (any id, see `toW3cTraceId`) with a fresh parent id and the sampled flag. */
export function buildTraceparent(traceId: string, parentId: string = randomParentId(), flags = '01'): string {
  return `00-${toW3cTraceId(traceId)}-${parentId}-${flags}`;
}
