import type { InspectedRequest } from './types.js';

/** The bounds on what the records keep (see `InspectorOptions`). */
export interface RetentionLimits {
  readonly maxRecords: number;
  readonly maxStoredBodyBytes: number;
}

const EMPTY = Buffer.alloc(0);

/**
 * Keeps `records` (oldest first) within `limits`, in place: the oldest
 * records go past `maxRecords`; past `maxStoredBodyBytes`, the oldest
 * records' bodies are dropped (each keeps its sizes, hashes and
 * verification results, and says why its bodies are gone). The newest
 * record keeps its bodies whatever their size.
 */
export function keepWithinLimits(records: InspectedRequest[], limits: RetentionLimits): void {
  if (records.length > limits.maxRecords) records.splice(0, records.length - limits.maxRecords);
  let stored = 0;
  for (const record of records) stored += storedBytes(record);
  for (let i = 0; i < records.length - 1 && stored > limits.maxStoredBodyBytes; i++) {
    const record = records[i]!;
    const bytes = storedBytes(record);
    if (bytes === 0) continue;
    dropBodies(record, `the records kept more than ${limits.maxStoredBodyBytes} bytes of bodies (maxStoredBodyBytes): the oldest bodies were dropped`);
    stored -= bytes;
  }
}

/** Replaces the record's bodies with empty buffers, keeping their sizes and saying why. */
export function dropBodies(record: InspectedRequest, why: string): void {
  record.bodySizes ??= { wire: record.wireBody.length, payload: record.payload.length, decoded: record.decodedBody.length };
  record.wireBody = EMPTY;
  record.payload = EMPTY;
  record.decodedBody = EMPTY;
  record.bodiesDropped = why;
}

/** The bytes a record holds in bodies: its distinct buffers (the payload is often the wire body itself). */
function storedBytes(record: InspectedRequest): number {
  const distinct = new Set([record.wireBody, record.payload, record.decodedBody]);
  let bytes = 0;
  for (const body of distinct) bytes += body.length;
  return bytes;
}
