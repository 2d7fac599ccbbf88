export { loggingPlugin } from './plugin.js';
export { createLoggingHandlers, scrubRecord, type LoggingHandlers } from './handlers.js';
export type { LoggingOptions } from './options.js';
export { LOG_LEVELS, type LogLevel } from './levels.js';
export { isStructuredLogger, type LoggerLike } from './logger.js';
export { formatLine } from './format.js';
export type { AttemptRecord, CallRecord, LogRecord } from './records.js';
export { REDACTED } from './redact/marker.js';
export { isSensitiveHeader, redactHeaders } from './redact/headers.js';
export { isSensitiveQueryParameter, redactQuery, redactUrl, type QueryBag } from './redact/query.js';
export { SecretSet, collectSensitiveValues, collectSecretMembers, redactSecretAssignments } from './redact/secrets.js';
export {
  SECRET_HEADER_NAMES,
  SECRET_QUERY_PARAMETERS,
  SECRET_MEMBER_NAMES,
  isSecretHeaderName,
  isSecretQueryParameter,
  isSecretMemberName,
} from './redact/secret-names.js';
