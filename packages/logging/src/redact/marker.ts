/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/** What the SDK's own sensitive-member filters replace a sensitive member with. */
export const SDK_SENSITIVE_STRING = '***SensitiveInformation***';
