import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HandlerExecutionContext, ResponseMetadata } from '@smithy/types';
import type { SmithyClientLike } from './bridge/smithy-client.js';

/**
 * What a `choose-signer` handler returns to send the call unsigned
 * (botocore's `botocore.UNSIGNED`): no credentials are looked up and nothing
 * is signed. `before-sign` handlers then see it as their `signatureVersion`,
 * as they do for operations modelled without auth.
 *
 * @example
 * events.register('choose-signer.s3', () => UNSIGNED);
 */
export const UNSIGNED: Unsigned = Symbol.for('sdk-events.UNSIGNED') as Unsigned;

/**
 * The type of `UNSIGNED`: a symbol, branded so that no other symbol passes
 * for it. (Not a `unique symbol`: TypeScript widens those to `symbol` in a
 * handler's return, so `() => UNSIGNED` would not type-check.)
 */
export type Unsigned = symbol & { readonly '~sdk-events': 'UNSIGNED' };

/** What the bridge tells handlers about the operation being called (botocore's `OperationModel`, in part). */
export interface OperationModel {
  /** The Smithy operation name, e.g. `PutMetricData`. */
  name: string;
  /** The client's `config.serviceId`, e.g. `CloudWatch`. */
  serviceId: string;
  /** The hyphenized service id used in event names, e.g. `cloudwatch`. */
  serviceIdHyphenized: string;
}

/**
 * The per-call context handlers receive: the SDK's handler execution
 * context for this call (read through), plus room for handlers' own state.
 * One object per call, shared by all of that call's events.
 */
export type CallContext = HandlerExecutionContext &
  Record<string | symbol, any> & {
    /** The client making this call (plugins that issue calls of their own use it). */
    readonly client: SmithyClientLike;
  };

/** A plain HTTP response a `before-send` handler may return instead of an `HttpResponse`. */
export interface PlainHttpResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array | AsyncIterable<Uint8Array> | ReadableStream | undefined;
}

/**
 * The signature version, named as botocore names it: `v4`, `s3v4`, `v4a`,
 * `bearer`; a presign (`getSignedUrl`) ends in `-query` (`v4-query` in
 * `choose-signer`, `s3v4-query` in `before-sign`); `UNSIGNED` when the
 * operation is modelled without auth or a `choose-signer` handler chose to
 * send the call unsigned.
 */
export type SignatureVersion = string | typeof UNSIGNED;

/** What every lifecycle payload has: the name emitted and the call's context. (A type literal, not an interface, so that payloads fit handlers of the generic `EventPayload`.) */
type Emitted = {
  /** The full name that was emitted, e.g. `before-sign.s3.PutObject`. */
  eventName: string;
  /** The per-call context, shared by all of the call's events. */
  context: CallContext;
};

/**
 * The payload of each lifecycle event type (the first segment of the name)
 * for an operation whose input is `Input` and output `Output`. Exact: a
 * member an event does not have is a compile error. On a client's emitter
 * (`eventsOf(client)`) a name with a concrete operation uses that
 * operation's types, other names the client's unions of inputs and outputs.
 */
export interface LifecyclePayloads<Input = Record<string, any>, Output = Record<string, any>> {
  /** Before anything else. A response (first non-null) replaces the input. */
  'provide-client-params': Emitted & { params: Input; model: OperationModel };
  /** After `provide-client-params`. Mutate `params`. */
  'before-parameter-build': Emitted & { params: Input; model: OperationModel };
  /** After serialization, before any attempt. A response (first non-null) is the call's output; nothing is sent. */
  'before-call': Emitted & { params: Input; request: HttpRequest; model: OperationModel };
  /** Each attempt, on a fresh copy of the serialized request. */
  'request-created': Emitted & { request: HttpRequest; operationName: string };
  /** Each attempt. Return `UNSIGNED` to send this attempt unsigned. */
  'choose-signer': Emitted & { signingName: string; regionName: string; signatureVersion: SignatureVersion };
  /** Each attempt, just before signing. Mutate `request`. */
  'before-sign': Emitted & {
    request: HttpRequest;
    signingName: string;
    regionName: string;
    signatureVersion: SignatureVersion;
    operationName: string;
  };
  /** Each attempt, after signing. A response (first non-null) is the HTTP response; nothing goes on the network. */
  'before-send': Emitted & { request: HttpRequest };
  /** Each attempt, before the response is parsed. Mutate `response`. */
  'before-parse': Emitted & { response: HttpResponse; model: OperationModel };
  /** Each attempt, after parsing. */
  'response-received': Emitted & { response: HttpResponse | undefined; parsed: Output | undefined; exception: unknown };
  /** Each attempt. A number response retries after that many seconds. */
  'needs-retry': Emitted & {
    response: HttpResponse | undefined;
    parsed: Output | undefined;
    exception: unknown;
    /** The number of attempts made so far, counting this one. */
    attempts: number;
    model: OperationModel;
  };
  /** The call succeeded. Mutate `parsed` (the output). */
  'after-call': Emitted & { response: HttpResponse | undefined; parsed: Output; model: OperationModel };
  /** The call failed; the error still reaches the caller. */
  'after-call-error': Emitted & { exception: unknown; model: OperationModel };
}

/**
 * The payload of each lifecycle event type, by event type (the first
 * segment of the name), on an emitter that does not know the operation:
 * `params` and `parsed` are plain records. `register('before-sign.s3.PutObject', p => …)`
 * types `p` as `LifecycleEventMap['before-sign']`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface LifecycleEventMap extends LifecyclePayloads {}

/** An output a `before-call` handler returns: the operation's output, whose `$metadata` the bridge fills in when missing. */
export type StubbedOutput<Output> = Output extends unknown ? Omit<Output, '$metadata'> & { $metadata?: ResponseMetadata } : never;

/**
 * What a handler of each lifecycle event type may return besides nothing
 * (`undefined`, `null`), for an operation whose input is `Input` and output
 * `Output`. `void`: the event takes no response, and whatever a handler
 * returns is ignored (as botocore ignores it).
 */
export interface LifecycleResponses<Input = Record<string, any>, Output = Record<string, any>> {
  /** The input the call goes on with. */
  'provide-client-params': Input;
  'before-parameter-build': void;
  /** The call's output: nothing is sent. */
  'before-call': StubbedOutput<Output>;
  'request-created': void;
  /** `UNSIGNED`: this attempt is not signed. */
  'choose-signer': typeof UNSIGNED;
  'before-sign': void;
  /** The HTTP response: nothing goes on the network. */
  'before-send': HttpResponse | PlainHttpResponse;
  'before-parse': void;
  'response-received': void;
  /** Retry after this many seconds. */
  'needs-retry': number;
  'after-call': void;
  'after-call-error': void;
}

/** The twelve lifecycle event types, in the order a call emits them. */
export type LifecycleEventType = keyof LifecycleEventMap;

/** The lifecycle event types in the order a call emits them. */
export const LIFECYCLE_EVENT_TYPES: readonly LifecycleEventType[] = [
  'provide-client-params',
  'before-parameter-build',
  'before-call',
  'request-created',
  'choose-signer',
  'before-sign',
  'before-send',
  'before-parse',
  'response-received',
  'needs-retry',
  'after-call',
  'after-call-error',
];

// Every emitter created without a type argument knows the lifecycle's payloads by name.
declare module './emitter/typing.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface KnownEvents extends LifecycleEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface KnownResponses extends LifecycleResponses {}
}
