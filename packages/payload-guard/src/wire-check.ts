/**
 * The check of a chunk on its way. A chunk the guard sends on a guess that
 * it fits (a run of `maxItems` while nothing is measured, or the run expected
 * to be the longest that fits) is measured in its attempt, so that it is
 * measured once, on the bytes that go out, instead of by a dry run first:
 *
 * - first thing in `request-created`, when no compression is left to run on
 *   the body (its size is then final): a chunk over the limit fails there,
 *   before any other handler sees the attempt and before it counts as a request;
 * - first thing in `before-send` (signed, every handler's change made, gzip
 *   included): the size that goes on the wire, reported; a chunk over the
 *   limit fails there, not sent.
 *
 * A chunk sent on the condition that it is the longest that fits (`moreThan`)
 * is stopped the same way when one more item would fit (`ChunkNotLongest`),
 * or when it turns out compressed (nothing then proves it the longest).
 * Stopped in `request-created`, nothing was sent and no later event fires;
 * in `before-send`, `response-received` and `needs-retry` see the attempt
 * fail. The guard plans that chunk again with its size known.
 */
import type { CallContext, OperationModel } from '@sdk-events/core';
import { bodyLength, isGzipEncoded, sizeAsItIs, type GzipHandlerMarker, type MeasurableRequest } from './wire-size.js';

/** The error that stops a chunk over the byte limit on its way: nothing was sent; `bytes` is its size. */
export class ChunkOverLimit extends Error {
  override readonly name = 'ChunkOverLimit';
  constructor(
    readonly bytes: number,
    maxBytes: number,
  ) {
    super(`payload-guard: this chunk is ${bytes} bytes on the wire, over maxBytes ${maxBytes}; it was not sent`);
  }
}

/**
 * The error that stops a chunk on its way because the item after it would fit too (`send-if-longest`):
 * nothing was sent; `bytes` is its size.
 */
export class ChunkNotLongest extends Error {
  override readonly name = 'ChunkNotLongest';
  constructor(readonly bytes: number) {
    super(`payload-guard: this chunk is ${bytes} bytes on the wire and one more item would fit; it was not sent`);
  }
}

/** The chunk being sent in a call: its operation, its limits, and its size once measured. */
export interface ChunkOnTheWay {
  model: OperationModel;
  maxBytes: number;
  /** Sent only when over this many bytes (one more item would not fit) and uncompressed. */
  moreThan?: number;
  /** Its body's bytes as the last attempt was about to send them (a stream: unknown). */
  bytes?: number;
  /** Whether that body was gzipped (by the SDK or a gzip handler). */
  compressed?: boolean;
}

type AttemptPayload = { request: MeasurableRequest; context: CallContext };

/** The chunks on their way, by the context their attempts' events carry. */
export class WireCheck {
  private readonly byContext = new WeakMap<CallContext, ChunkOnTheWay>();

  /** `gzipHandlerOf(model)`: the gzip handler that will compress this operation's bodies, if any. */
  constructor(private readonly gzipHandlerOf: (model: OperationModel) => GzipHandlerMarker | undefined) {}

  /** From now on, attempts with `context` carry `chunk` (`undefined`: none of the guard's). */
  expect(context: CallContext, chunk: ChunkOnTheWay | undefined): void {
    if (chunk === undefined) this.byContext.delete(context);
    else this.byContext.set(context, chunk);
  }

  /** The first `request-created` handler: stops a chunk whose final size is known already and over the limit. */
  readonly requestCreated = ({ request, context }: AttemptPayload): undefined => {
    const chunk = this.byContext.get(context);
    if (chunk === undefined) return undefined;
    const bytes = sizeAsItIs(request, this.gzipHandlerOf(chunk.model));
    if (bytes === undefined) return undefined;
    chunk.compressed = isGzipEncoded(request.headers);
    check(chunk, bytes, chunk.compressed);
    return undefined;
  };

  /** The first `before-send` handler: measures the chunk as it goes, and stops it when it is over the limit. */
  readonly beforeSend = ({ request, context }: AttemptPayload): undefined => {
    const chunk = this.byContext.get(context);
    if (chunk === undefined) return undefined;
    const bytes = bodyLength(request.body);
    chunk.bytes = bytes;
    chunk.compressed = isGzipEncoded(request.headers);
    if (bytes !== undefined) check(chunk, bytes, chunk.compressed);
    return undefined;
  };
}

/**
 * Stops a chunk over its limit; and one sent on the condition that it is the
 * longest that fits (`moreThan`) when it is not, or when it is compressed
 * (then sizes do not add up, and nothing proves it).
 */
function check(chunk: ChunkOnTheWay, bytes: number, compressed: boolean): void {
  if (bytes > chunk.maxBytes) throw new ChunkOverLimit(bytes, chunk.maxBytes);
  if (chunk.moreThan !== undefined && (compressed || bytes <= chunk.moreThan)) throw new ChunkNotLongest(bytes);
}
