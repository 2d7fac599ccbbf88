export * from './events.js';

