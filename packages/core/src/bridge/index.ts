export { eventsOf, attachEvents } from './attach.js';
export { UNSIGNED } from '../lifecycle/unsigned.js';
export type { SmithyClientLike } from './smithy-client.js';
export type { BridgeableEmitter } from './emitter-contract.js';
