export { createTraceIdHandler, CALL_TRACE_ID, type TraceIdPayload } from './handler.js';
export { traceIdPlugin, DEFAULT_TRACE_ID_EVENTS, type TraceIdPluginOptions } from './plugin.js';
export { withTraceId, currentTraceId } from './scope.js';
export { toW3cTraceId, isTraceparent } from './ids.js';
export type { TraceIdOptions, TraceIdValue, TraceIdFormat, TraceIdCall } from './options.js';
