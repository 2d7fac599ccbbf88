import type { EventHandler, HandlerResponse } from '../emitter/types.js';

/**
 * What the bridge needs of an emitter: both `HierarchicalEmitter` and
 * `AliasedEventEmitter` provide it.
 */
export interface BridgeableEmitter {
  /** Changes whenever a registration changes. */
  readonly version: number;
  /** The handlers `emit(name)` would call, in order. */
  handlersFor(name: string): readonly EventHandler<any>[];
  /** False only when no registration can receive `prefix` or a name below it. */
  mayHaveHandlers(prefix: string): boolean;
  emit(name: string, payload?: object): Promise<HandlerResponse[]>;
  emitUntilResponse(name: string, payload?: object): Promise<[EventHandler<any> | undefined, unknown]>;
}
