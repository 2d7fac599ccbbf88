export * from './types.js';
export { HierarchicalEmitter, DEFAULT_LOOKUP_CACHE_SIZE } from './hierarchical-emitter.js';
export { AliasedEventEmitter } from './aliased-event-emitter.js';
export { EVENT_ALIASES } from './aliases.js';
export { firstNonNullResponse } from './responses.js';
export { hyphenize, describeValue } from './names.js';
