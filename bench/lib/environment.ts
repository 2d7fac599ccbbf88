/**
 * Imported first by bench/index.ts: process settings the SDK reads when it loads.
 *
 * The SDK warns once per process that its releases after January 2027 need
 * node 22; that is about this machine's node, not about what is measured.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export {};
