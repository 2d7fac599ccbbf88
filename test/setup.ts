// Loaded by mocha before every test file (see .mocharc.json).
// The SDK warns once per process that its releases after January 2027 need node 22;
// that warning is about this machine's node, not about anything under test.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
