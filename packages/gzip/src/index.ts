/**
 * `@sdk-events/gzip`: gzip request bodies from an sdk-events handler, as
 * botocore users do with `before-sign.cloudwatch.PutMetricData`.
 *
 * @packageDocumentation
 */
export { createGzipHandler, gzipRequest, gzipRequestBody, GZIP_HANDLER_SETTINGS, type GzipHandler, type GzipHandlerPayload } from './handler.js';
export { gzipPlugin } from './plugin.js';
export type { GzipOutcome, GzipSkipReason, GzipableRequest } from './gzip-request.js';
export {
  DEFAULT_GZIP_EVENTS,
  DEFAULT_LEVEL,
  DEFAULT_MIN_BYTES,
  type GzipOptions,
  type GzipPluginOptions,
} from './options.js';
export { ASYNC_THRESHOLD_BYTES } from './platform/threshold.js';
export { MULTIPART_PART_OPERATIONS } from './multipart.js';
export { RECOMPUTABLE_CHECKSUM_HEADERS } from './checksums.js';
