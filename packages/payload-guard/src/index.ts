/**
 * `@sdk-events/payload-guard`: split batch requests that are too large
 * (CloudWatch PutMetricData by default), measuring them as they will go on
 * the wire, or splitting on the service's rejection.
 */
export { payloadGuardPlugin } from './plugin.js';
export type { PayloadGuardOptions, PayloadGuardStrategy } from './options.js';
export type { BatchSpec } from './batch-spec.js';
export { putMetricDataBatch, PUT_METRIC_DATA_LIMITS } from './cloudwatch.js';
export { mergeOutputs, type CommandOutput } from './merge.js';
export { ItemTooLargeError, isTooLargeRejection, type ItemTooLargeDetails } from './errors.js';
export { payloadGuardReportOf, type PayloadGuardReport, type GuardedRequest } from './report.js';
export { GZIP_HANDLER_MARKER, type GzipHandlerMarker } from './wire-size.js';
