import { eventsOf, type AliasedEventEmitter, type CallContext, type LifecycleEventMap, type PlainHttpResponse, type SmithyClientLike } from '@sdk-events/core';
import { SMITHY_CONTEXT_KEY } from '@smithy/types';
import type { Expected } from './any.js';
import { buildClientError, type ClientErrorSpec } from './client-error.js';
import { disposeSymbol } from './dispose.js';
import { StubAssertionError, StubResponseError, UnStubbedResponseError } from './errors.js';
import { formatValue } from './format.js';
import { checkHttpResponse, copyHttpResponse, type HttpResponseStub } from './http-response.js';
import {
  isOperationSchema,
  outputProblem,
  resolveOperation,
  type CommandClass,
  type InputOf,
  type OperationRef,
  type OutputOf,
  type ResolvedOperation,
} from './operations.js';
import { firstDifference, resolveAny } from './params-match.js';

/** Expected parameters of a call with input `I`: each member may be `ANY`, at any depth. */
export type ExpectedParams<I> = { [K in keyof I]?: Expected<I[K]> };

/** One call made while the stubber was active: its operation and its parameters as the caller passed them. */
export interface StubbedCall {
  /** The operation name, e.g. `PutMetricData`. */
  readonly operation: string;
  /** A shallow copy of the parameters, as `before-parameter-build` saw them. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** One queued answer. */
type Stub = { operation: ResolvedOperation; expectedParams: object | undefined } & (
  | { kind: 'output'; output: Record<string, unknown> }
  | { kind: 'error'; error: ClientErrorSpec<unknown> }
  | { kind: 'http'; response: HttpResponseStub }
);

/** What the stubber keeps about a call in flight, in the call's `context`. */
interface CallRecord extends StubbedCall {
  /** The stub this call's parameters were last checked against. */
  checked: Stub | undefined;
  /** What `before-parameter-build` found wrong: thrown from the call's next event (a presign's never is). */
  problem: unknown;
  attempts: number;
}

/** The stubber active on each middleware stack: clients that share one (DynamoDBDocumentClient) share it. */
const activeByStack = new WeakMap<object, Stubber>();

/**
 * botocore's `Stubber` for a v3 client: queue answers, activate, make calls.
 * Each call must be the next queued operation, with the expected parameters
 * when given, else it fails with an error that shows both. Output and client
 * error stubs answer at `before-call`, after the SDK's own serializer ran,
 * with no credentials needed and nothing sent; HTTP stubs answer each
 * attempt at `before-send`, so signing, retries, checksums and parsing run
 * as they do against the service.
 *
 * @example
 * const cw = new CloudWatchClient({ region: 'us-east-1' });
 * using stubber = new Stubber(cw).activate();
 * stubber.addResponse(ListMetricsCommand, { Metrics: [] }, { Namespace: 'App' });
 * await cw.send(new ListMetricsCommand({ Namespace: 'App' })); // { Metrics: [], $metadata: … }
 * stubber.assertNoPendingResponses();
 */
export class Stubber {
  /** The client whose calls this stubber answers (and any client sharing its middleware stack). */
  readonly client: SmithyClientLike;
  readonly #queue: Stub[] = [];
  readonly #calls: CallRecord[] = [];
  readonly #callKey = Symbol('sdk-events stubber call');
  /** The emitter the stubber's handlers are registered on while it is active. */
  #events: AliasedEventEmitter | undefined;

  constructor(client: SmithyClientLike) {
    eventsOf(client); // checks the client, and names the problem if it is not one
    this.client = client;
  }

  /**
   * Queues `output` as the answer to the next call, which must be
   * `operation` (with `expectedParams`, when given). The output is checked
   * against the operation's model when the command class is given.
   *
   * @example
   * stubber.addResponse(GetItemCommand, { Item: { id: { S: 'a' } } }, { TableName: 'T', Key: ANY });
   * stubber.addResponse('ListMetrics', { Metrics: [] });
   */
  addResponse<C extends CommandClass>(operation: C, output: OutputOf<C>, expectedParams?: ExpectedParams<InputOf<C>>): this;
  addResponse(operation: string, output: Record<string, unknown>, expectedParams?: Record<string, unknown>): this;
  addResponse(operation: OperationRef, output: object, expectedParams?: object): this {
    const resolved = this.#resolve(operation, 'addResponse');
    const problem = outputProblem(resolved, output);
    if (problem) throw new TypeError(`addResponse: ${problem}`);
    return this.#push({ kind: 'output', operation: resolved, output: output as Record<string, unknown>, expectedParams: checkParams(expectedParams, 'addResponse') });
  }

  /**
   * Queues a service error as the answer to the next call: the client's
   * modelled exception class for `code` when it has one (`instanceof
   * ResourceNotFoundException` holds), else its `ServiceException`, with
   * `name`, `message`, `$fault` and `$metadata.httpStatusCode`.
   *
   * @example
   * stubber.addClientError(GetFunctionCommand, { code: 'ResourceNotFoundException', message: 'no such function', httpStatusCode: 404 });
   */
  addClientError<C extends CommandClass>(operation: C, error: ClientErrorSpec<ExpectedParams<InputOf<C>>>): this;
  addClientError(operation: string, error: ClientErrorSpec): this;
  addClientError(operation: OperationRef, error: ClientErrorSpec<object>): this {
    const resolved = this.#resolve(operation, 'addClientError');
    if (typeof error?.code !== 'string' || error.code === '') throw new TypeError('addClientError: the error needs a code, e.g. { code: "ResourceNotFoundException" }');
    const status = error.httpStatusCode;
    if (status !== undefined && (!Number.isInteger(status) || status < 300 || status > 599))
      throw new TypeError(`addClientError: httpStatusCode ${String(status)} is not an error status (300 to 599)`);
    return this.#push({ kind: 'error', operation: resolved, error, expectedParams: checkParams(error.expectedParams, 'addClientError') });
  }

  /**
   * Queues a raw HTTP response for the next attempt, which must belong to
   * a call of `operation`. It answers at `before-send`: the request is
   * signed with the client's credentials, every handler sees it, and the
   * SDK parses the response, retries and checks checksums as it would the
   * service's. Queue one per attempt (a 500 then a 200 for a call the SDK
   * retries once).
   *
   * @example
   * stubber.addHttpResponse('PutMetricData', { statusCode: 500 });
   * stubber.addHttpResponse('PutMetricData', { statusCode: 200, body: '{}' });
   */
  addHttpResponse<C extends CommandClass>(operation: C, response: HttpResponseStub, expectedParams?: ExpectedParams<InputOf<C>>): this;
  addHttpResponse(operation: string, response: HttpResponseStub, expectedParams?: Record<string, unknown>): this;
  addHttpResponse(operation: OperationRef, response: HttpResponseStub, expectedParams?: object): this {
    const resolved = this.#resolve(operation, 'addHttpResponse');
    checkHttpResponse(response, 'addHttpResponse');
    return this.#push({ kind: 'http', operation: resolved, response, expectedParams: checkParams(expectedParams, 'addHttpResponse') });
  }

  /**
   * Starts answering the client's calls from the queue; returns the
   * stubber, so `using stubber = new Stubber(client).activate()` reads as
   * botocore's `with Stubber(client) as stubber`. Activating an active
   * stubber does nothing; another stubber active on the same client (or
   * one sharing its middleware stack) is an error.
   */
  activate(): this {
    const stack = this.client.middlewareStack;
    const current = activeByStack.get(stack);
    if (current === this) return this;
    if (current) throw new Error('Stubber.activate: another Stubber is already active on this client (or on a client sharing its middleware stack); deactivate it first');
    // The client's emitter as it is now: attachEvents may have given it another since.
    const events = (this.#events = eventsOf(this.client));
    events.registerFirst('before-parameter-build.*.*', this.#checkCall);
    // The answers come last of all handlers of their event (the least specific name, registerLast),
    // so every other handler sees the call first; botocore's come first, on before-call.*.*.
    events.registerLast('choose-signer', this.#skipPresign);
    events.registerLast('before-call', this.#answerCall);
    events.registerLast('before-send', this.#answerAttempt);
    activeByStack.set(stack, this);
    return this;
  }

  /** Stops answering: the client's calls go to the service again. The queue and `calls` are kept. */
  deactivate(): void {
    if (activeByStack.get(this.client.middlewareStack) !== this) return;
    const events = this.#events!;
    events.unregister('before-parameter-build.*.*', this.#checkCall);
    events.unregister('choose-signer', this.#skipPresign);
    events.unregister('before-call', this.#answerCall);
    events.unregister('before-send', this.#answerAttempt);
    activeByStack.delete(this.client.middlewareStack);
  }

  /** `using stubber = …`: deactivates at the end of the scope, as leaving botocore's `with` block does. */
  [disposeSymbol](): void {
    this.deactivate();
  }

  /** Throws, naming them, when queued answers were never used (botocore's `assert_no_pending_responses`). */
  assertNoPendingResponses(): void {
    const remaining = this.#queue.length;
    if (remaining === 0) return;
    const names = this.#queue.map((stub) => stub.operation.name).join(', ');
    const error = new Error(`${remaining} responses remaining in queue: ${names}.`);
    error.name = 'AssertionError';
    throw error;
  }

  /** Every call made while active, in order: operation and parameters, including calls that failed a check. */
  get calls(): readonly StubbedCall[] {
    return this.#calls.map(({ operation, params }) => ({ operation, params }));
  }

  /** The operation `ref` names; a command class of another service is a TypeError (botocore: "does not have method"). */
  #resolve(ref: OperationRef, method: string): ResolvedOperation {
    const resolved = resolveOperation(ref, method);
    const theirs = resolved.schema?.[1];
    const ours: unknown = (this.client.config as any).protocolSettings?.defaultNamespace;
    if (theirs !== undefined && typeof ours === 'string' && theirs !== ours)
      throw new TypeError(`${method}: ${resolved.name} is not an operation of this client (the command is of ${theirs}, the client of ${ours})`);
    return resolved;
  }

  #push(stub: Stub): this {
    this.#queue.push(stub);
    return this;
  }

  /** Whether a call belongs to this stubber's client: its own or one sharing its stack. */
  #serves(context: CallContext): boolean {
    const caller = context.client;
    return caller === this.client || caller?.middlewareStack === this.client.middlewareStack;
  }

  /** The next stub, checked against the call (order, operation, parameters), without taking it. */
  #expect(call: CallRecord): Stub {
    const stub = this.#queue[0];
    if (!stub) {
      throw new UnStubbedResponseError(
        call.operation,
        'Unexpected API Call: A call was made but no additional calls expected. Either the API Call was not stubbed or it was called multiple times.',
      );
    }
    if (stub.operation.name !== call.operation) throw new StubResponseError(call.operation, `Operation mismatch: found response for ${stub.operation.name}.`);
    if (stub !== call.checked && stub.expectedParams) assertParams(call, stub.expectedParams);
    call.checked = stub;
    return stub;
  }

  // before-parameter-build, first: record the call, check it against the queue (botocore's _assert_expected_params).
  // A presign (getSignedUrl) emits before-parameter-build too, and is told apart only at choose-signer
  // (a `-query` signature version): so what is wrong is thrown at before-call (or before-send), not here.
  readonly #checkCall = ({ params, model, context }: LifecycleEventMap['before-parameter-build']): void => {
    if (!this.#serves(context)) return;
    const call: CallRecord = { operation: model.name, params: { ...params }, checked: undefined, problem: undefined, attempts: 0 };
    this.#calls.push(call);
    context[this.#callKey] = call;
    try {
      this.#expect(call);
    } catch (problem) {
      call.problem = problem;
    }
  };

  /**
   * The call `context` belongs to, once it is known not to be a presign.
   * What `before-parameter-build` found wrong is checked again (calls made
   * concurrently may have taken the stubs ahead of this one since) and
   * thrown if it still is.
   */
  #callOf(context: CallContext): CallRecord | undefined {
    const call = context[this.#callKey] as CallRecord | undefined;
    if (call?.problem !== undefined) {
      call.problem = undefined;
      this.#expect(call);
    }
    return call;
  }

  // choose-signer: a presign (getSignedUrl, a `-query` signature version) is forgotten, as botocore's
  // stubber skips presigns: nothing is sent. Listening here is also what lets the bridge go on when
  // the client's credential lookup fails (until it must sign): calls answered at before-call need none.
  readonly #skipPresign = ({ context, signatureVersion }: LifecycleEventMap['choose-signer']): undefined => {
    if (typeof signatureVersion !== 'string' || !signatureVersion.endsWith('-query')) return undefined;
    const call = context[this.#callKey] as CallRecord | undefined;
    if (!call) return undefined;
    delete context[this.#callKey];
    this.#calls.splice(this.#calls.indexOf(call), 1);
    return undefined;
  };

  // before-call: output and client error stubs answer here; an HTTP stub lets the call go on to before-send.
  readonly #answerCall = ({ context }: LifecycleEventMap['before-call']): Record<string, unknown> | undefined => {
    const call = this.#callOf(context);
    if (!call) return undefined;
    const stub = this.#expect(call);
    if (stub.kind === 'http') return undefined;
    this.#queue.shift();
    const schema = (context as any)[SMITHY_CONTEXT_KEY]?.operationSchema;
    const operation = isOperationSchema(schema) ? { name: call.operation, schema } : stub.operation;
    if (stub.kind === 'error') throw buildClientError(this.client, operation.schema, stub.error);
    const problem = outputProblem(operation, stub.output);
    if (problem) throw new StubResponseError(call.operation, problem);
    return { ...stub.output };
  };

  // before-send, last: an HTTP stub answers this attempt.
  readonly #answerAttempt = ({ context }: LifecycleEventMap['before-send']): PlainHttpResponse | undefined => {
    const call = this.#callOf(context);
    if (!call) return undefined;
    call.attempts += 1;
    const stub = this.#expect(call);
    if (stub.kind !== 'http') {
      throw new StubResponseError(
        call.operation,
        `Unexpected HTTP request: attempt ${call.attempts} found the next stub queued by ${stub.kind === 'output' ? 'addResponse' : 'addClientError'}, which answers a whole call; queue one addHttpResponse per attempt (a 500 then a 200 for a call retried once).`,
      );
    }
    this.#queue.shift();
    // The bridge reads a Node stream or a web stream body alike (see toHttpResponse).
    return copyHttpResponse(stub.response) as PlainHttpResponse;
  };
}

/** Throws a StubAssertionError showing both when the call's parameters are not the expected ones. */
function assertParams(call: CallRecord, expected: object): void {
  const difference = firstDifference(expected, call.params);
  if (!difference) return;
  const where = difference.path ? `\nFirst difference at ${difference.path}: expected ${formatValue(difference.expected)}, received ${formatValue(difference.actual)}.` : '';
  throw new StubAssertionError(
    call.operation,
    `Expected parameters:\n${formatValue(expected)},\nbut received:\n${formatValue(call.params)}${where}`,
    resolveAny(expected, call.params),
    call.params,
  );
}

function checkParams(expected: unknown, method: string): object | undefined {
  if (expected === undefined) return undefined;
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected)) throw new TypeError(`${method}: expectedParams must be an object of parameters`);
  return expected;
}
