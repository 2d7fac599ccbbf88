/**
 * `@sdk-events/stubber`: botocore's `Stubber` for the AWS SDK for
 * JavaScript v3, on the lifecycle events of `@sdk-events/core`, with the
 * SDK's serializer (and, for HTTP stubs, its signer, retries and parsers)
 * running.
 *
 * @packageDocumentation
 */
export { Stubber, type ExpectedParams, type StubbedCall } from './stubber.js';
export { ANY, type Expected } from './any.js';
export { StubResponseError, StubAssertionError, UnStubbedResponseError } from './errors.js';
export type { ClientErrorSpec } from './client-error.js';
export type { HttpResponseStub } from './http-response.js';
export type { CommandClass, OperationRef, InputOf, OutputOf } from './operations.js';
