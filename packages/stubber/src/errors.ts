/**
 * A call the stubber cannot answer: its operation is not the one queued
 * next (botocore's `StubResponseError`). The message names the operation
 * called and the reason.
 */
export class StubResponseError extends Error {
  override name = 'StubResponseError';
  /** The operation that was called, e.g. `ListMetrics`. */
  readonly operationName: string;
  /** What went wrong, without the operation prefix. */
  readonly reason: string;

  constructor(operationName: string, reason: string) {
    super(`Error getting response stub for operation ${operationName}: ${reason}`);
    this.operationName = operationName;
    this.reason = reason;
  }
}

/**
 * A call whose parameters are not the expected ones (botocore's
 * `StubAssertionError`). `expected` and `actual` hold both (with each `ANY`
 * in `expected` replaced by the actual value), so mocha and other test
 * runners show a diff of what really differs.
 */
export class StubAssertionError extends StubResponseError {
  override name = 'StubAssertionError';
  /** The expected parameters, `ANY` resolved to the actual values. */
  readonly expected: unknown;
  /** The parameters the call was made with. */
  readonly actual: unknown;
  /** Tells test runners (mocha, chai) to show a diff of `expected` and `actual`. */
  readonly showDiff = true;

  constructor(operationName: string, reason: string, expected: unknown, actual: unknown) {
    super(operationName, reason);
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * A call made while nothing is queued (botocore's `UnStubbedResponseError`):
 * the call was not stubbed, or was made more times than stubbed.
 */
export class UnStubbedResponseError extends StubResponseError {
  override name = 'UnStubbedResponseError';
}
