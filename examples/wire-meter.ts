// Measures, on the client side, what each attempt puts on the wire: works
// against real AWS as well as against the inspector.
import type { AliasedEventEmitter, HierarchicalEmitter, LifecycleEventMap } from '@sdk-events/core';

/** What one attempt sent. */
export interface WireSample {
  eventName: string;
  bytes: number;
  contentEncoding: string | undefined;
  signed: boolean;
  headers: Record<string, string>;
}

/** Registers a last `before-send` handler that records each attempt's signed request; returns the samples. */
export function meterWire(events: HierarchicalEmitter | AliasedEventEmitter, name: 'before-send' | `before-send.${string}` = 'before-send'): WireSample[] {
  const samples: WireSample[] = [];
  events.registerLast(name, ({ eventName, request }: LifecycleEventMap['before-send']) => {
    const body = request.body as unknown;
    const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : Number(request.headers['content-length'] ?? 0);
    samples.push({
      eventName,
      bytes,
      contentEncoding: request.headers['content-encoding'],
      signed: typeof request.headers['authorization'] === 'string',
      headers: { ...request.headers },
    });
  });
  return samples;
}
