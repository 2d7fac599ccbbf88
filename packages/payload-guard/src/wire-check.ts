/**
 * The last check before a chunk goes on the wire: in `before-send` (signed,
 * every handler's change made, gzip included) the guard measures the body
 * that is about to be sent. A chunk sent without being measured first (the
 * guess that it fits) is stopped there when it does not fit, before anything
 * is sent; one that fits goes, measured once, as it was measured.
 */
import type { CallContext } from '@sdk-events/core';
import { bodyBytes } from './wire-size.js';

/** Thrown from `before-send` for a chunk over the byte limit: nothing was sent; `bytes` is its size. */
export class ChunkOverLimit extends Error {
  override readonly name = 'ChunkOverLimit';
  constructor(readonly bytes: number, maxBytes: number) {
    super(`payload-guard: this chunk is ${bytes} bytes on the wire, over maxBytes ${maxBytes}; it was not sent`);
  }
}

/** The chunk being sent in a call: its limit, and its size once measured. */
export interface ChunkOnTheWay {
  maxBytes: number;
  /** Its body's bytes as the last attempt was about to send them (a stream: unknown). */
  bytes?: number;
}

/** The chunks on their way, by the context their attempts' events carry. */
export class WireCheck {
  private readonly byContext = new WeakMap<CallContext, ChunkOnTheWay>();

  /** From now on, attempts with `context` carry `chunk`. */
  expect(context: CallContext, chunk: ChunkOnTheWay): void {
    this.byContext.set(context, chunk);
  }

  /** The `before-send` handler: measures a chunk of the guard's, and stops it when it is over the limit. */
  readonly beforeSend = ({ request, context }: { request: { body?: unknown }; context: CallContext }): undefined => {
    const chunk = this.byContext.get(context);
    if (chunk === undefined) return undefined;
    const bytes = bodyBytes(request.body)?.byteLength;
    chunk.bytes = bytes;
    if (bytes !== undefined && bytes > chunk.maxBytes) throw new ChunkOverLimit(bytes, chunk.maxBytes);
    return undefined;
  };
}
