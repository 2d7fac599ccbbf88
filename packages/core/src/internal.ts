// For sdk-events' own packages (gzip, logging, payload-guard, trace-id): not part of the public API.
export { describeValue } from './emitter/names.js';
