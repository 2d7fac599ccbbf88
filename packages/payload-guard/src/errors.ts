/** The error a datum that can never fit in a request gets. */

/** What the guard knows about a datum that cannot be sent in any request. */
export interface ItemTooLargeDetails {
  /** The operation, e.g. `PutMetricData`. */
  operation: string;
  /** The datum's index among the batch's items (for PutMetricData: `MetricData` first, then each `EntityMetricData` metric). */
  itemIndex: number;
  /** Where the datum is in the input, e.g. `MetricData[7]`. */
  itemLabel: string;
  /** Its size on the wire when sent alone, when it could be measured. */
  bytes: number | undefined;
  /** The limit it is over. */
  maxBytes: number;
  /** `'measured'`: the guard measured it before sending; `'rejected'`: the service rejected it alone as too large. */
  detectedBy: 'measured' | 'rejected';
}

const formatBytes = (n: number): string => n.toLocaleString('en-US');

/**
 * Thrown when one datum alone is over the byte limit, so no split can send it:
 * at its turn, when measured (`detectedBy: 'measured'`) or when the service
 * rejected it alone (`'rejected'`). The requests before it have been sent,
 * none after it: see `payloadGuardReportOf(error)`.
 *
 * @example
 * try {
 *   await cw.send(new PutMetricDataCommand(input));
 * } catch (error) {
 *   if (error instanceof ItemTooLargeError) console.error(error.itemLabel, error.bytes);
 * }
 */
export class ItemTooLargeError extends Error implements ItemTooLargeDetails {
  override readonly name = 'ItemTooLargeError';
  readonly operation: string;
  readonly itemIndex: number;
  readonly itemLabel: string;
  readonly bytes: number | undefined;
  readonly maxBytes: number;
  readonly detectedBy: 'measured' | 'rejected';

  constructor(details: ItemTooLargeDetails, options?: { cause?: unknown }) {
    const size = details.bytes === undefined ? 'its size is unknown' : `alone it is ${formatBytes(details.bytes)} bytes on the wire`;
    const why =
      details.detectedBy === 'measured'
        ? `${size}, over maxBytes ${formatBytes(details.maxBytes)}`
        : `the service rejected it alone as too large (${size})`;
    super(`${details.operation}: item ${details.itemIndex} (${details.itemLabel}) can never fit in one request: ${why}`, options);
    this.operation = details.operation;
    this.itemIndex = details.itemIndex;
    this.itemLabel = details.itemLabel;
    this.bytes = details.bytes;
    this.maxBytes = details.maxBytes;
    this.detectedBy = details.detectedBy;
  }
}

/**
 * Whether `error` is a service's "request too large" rejection: HTTP 413, or an
 * error whose name or code is `RequestEntityTooLarge`. The `'optimistic'`
 * strategy splits on these (a `BatchSpec` may add its own test).
 *
 * @example
 * isTooLargeRejection(error) // true for a 413 from the service
 */
export function isTooLargeRejection(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, any>;
  if (e.$metadata?.httpStatusCode === 413 || e.$response?.statusCode === 413) return true;
  return [e.name, e.Code, e.code, e.__type].some((value) => value === 'RequestEntityTooLarge');
}
