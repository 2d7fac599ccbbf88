export { HierarchicalEmitter } from './emitter/hierarchical-emitter.js';
export { AliasedEventEmitter } from './emitter/aliased-event-emitter.js';
export { EVENT_ALIASES } from './emitter/aliases.js';
export { firstNonNullResponse } from './emitter/responses.js';
export { hyphenize } from './emitter/names.js';
export type {
  EmitterOptions,
  EventHandler,
  EventHooks,
  EventPayload,
  EventsPlugin,
  HandlerResponse,
  KnownEvents,
  PayloadFor,
  RegisterOptions,
  UntilResponseResult,
} from './emitter/types.js';
export {
  LIFECYCLE_EVENT_TYPES,
  UNSIGNED,
  type CallContext,
  type LifecycleEventMap,
  type LifecycleEventType,
  type OperationModel,
  type PlainHttpResponse,
  type SignatureVersion,
} from './lifecycle.js';
export { eventsOf, attachEvents } from './bridge/attach.js';
export { sendPartOfCall } from './bridge/send-part.js';
export type { SmithyClientLike } from './bridge/smithy-client.js';
