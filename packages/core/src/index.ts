export * from './emitter/index.js';
export * from './lifecycle/index.js';
export * from './bridge/index.js';
