import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType, type OperationModel } from '../lifecycle/events.js';
import type { EventHandler } from '../emitter/types.js';
import type { BridgeableEmitter } from './emitter-contract.js';

/**
 * What one operation of one client emits, decided once per registration change:
 * the full event names and which of them have any handler. Middleware checks
 * `listened` before building a payload, so an event nobody listens to costs
 * a property read.
 */
export interface OperationPlan {
  readonly model: OperationModel;
  readonly names: Readonly<Record<LifecycleEventType, string>>;
  readonly listened: Readonly<Record<LifecycleEventType, boolean>>;
  /** The handlers of each name, resolved with the plan: the middleware calls them with no lookup per event (see fire.ts). */
  readonly handlers: Readonly<Record<LifecycleEventType, readonly EventHandler<any>[]>>;
}

/** Builds the plan of `operation` on a client whose hyphenized service id is `serviceIdHyphenized`. */
export function planOperation(
  emitter: BridgeableEmitter,
  serviceId: string,
  serviceIdHyphenized: string,
  operation: string,
): OperationPlan {
  const names = {} as Record<LifecycleEventType, string>;
  const listened = {} as Record<LifecycleEventType, boolean>;
  const handlers = {} as Record<LifecycleEventType, readonly EventHandler<any>[]>;
  for (const type of LIFECYCLE_EVENT_TYPES) {
    names[type] = emitter.eventNameFor(`${type}.${serviceIdHyphenized}.${operation}`);
    // Unfrozen copies (handlersFor's lists are frozen): dispatch indexes them on every call.
    handlers[type] = [...emitter.handlersFor(names[type])];
    listened[type] = handlers[type].length > 0;
  }
  return {
    model: Object.freeze({ name: operation, serviceId, serviceIdHyphenized }),
    names,
    listened,
    handlers,
  };
}
