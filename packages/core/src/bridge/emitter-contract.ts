import { watchChanges, type ChangeWatcher } from '../emitter/change-watchers.js';
import type { EventHandler } from '../emitter/types.js';

/**
 * What the bridge needs of an emitter: both `HierarchicalEmitter` and
 * `AliasedEventEmitter` provide it.
 */
export interface BridgeableEmitter {
  /** The name `emit(name)` emits under (after aliasing). */
  eventNameFor(name: string): string;
  /** The handlers `emit(name)` would call, in order. */
  handlersFor(name: string): readonly EventHandler<any>[];
  /** False only when no registration can receive `prefix` or a name below it. */
  mayHaveHandlers(prefix: string): boolean;
  /** Package-internal: tells `watcher` of every registration change, until the returned function is called. */
  [watchChanges](watcher: ChangeWatcher): () => void;
}
