import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HandlerExecutionContext } from '@smithy/types';
import type { EventPayload } from './emitter/types.js';
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
export const UNSIGNED: unique symbol = Symbol.for('sdk-events.UNSIGNED');

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

/**
 * The payload of each lifecycle event type, by event type (the first
 * segment of the name). `register('before-sign.s3.PutObject', p => …)`
 * types `p` as `LifecycleEventMap['before-sign']`.
 */
export interface LifecycleEventMap {
  /** Before anything else. A response (first non-null) replaces the input. */
  'provide-client-params': EventPayload & { params: Record<string, any>; model: OperationModel; context: CallContext };
  /** After `provide-client-params`. Mutate `params`. */
  'before-parameter-build': EventPayload & { params: Record<string, any>; model: OperationModel; context: CallContext };
  /** After serialization, before any attempt. A response (first non-null) is the call's output; nothing is sent. */
  'before-call': EventPayload & { params: Record<string, any>; request: HttpRequest; model: OperationModel; context: CallContext };
  /** Each attempt, on a fresh copy of the serialized request. */
  'request-created': EventPayload & { request: HttpRequest; operationName: string; context: CallContext };
  /** Each attempt. Return `UNSIGNED` to send this attempt unsigned. */
  'choose-signer': EventPayload & { signingName: string; regionName: string; signatureVersion: SignatureVersion; context: CallContext };
  /** Each attempt, just before signing. Mutate `request`. */
  'before-sign': EventPayload & {
    request: HttpRequest;
    signingName: string;
    regionName: string;
    signatureVersion: SignatureVersion;
    operationName: string;
    context: CallContext;
  };
  /** Each attempt, after signing. A response (first non-null) is the HTTP response; nothing goes on the network. */
  'before-send': EventPayload & { request: HttpRequest; context: CallContext };
  /** Each attempt, before the response is parsed. Mutate `response`. */
  'before-parse': EventPayload & { response: HttpResponse; model: OperationModel; context: CallContext };
  /** Each attempt, after parsing. */
  'response-received': EventPayload & { response: HttpResponse | undefined; parsed: Record<string, any> | undefined; exception: unknown; context: CallContext };
  /** Each attempt. A number response retries after that many seconds. */
  'needs-retry': EventPayload & {
    response: HttpResponse | undefined;
    parsed: Record<string, any> | undefined;
    exception: unknown;
    /** The number of attempts made so far, counting this one. */
    attempts: number;
    model: OperationModel;
    context: CallContext;
  };
  /** The call succeeded. Mutate `parsed` (the output). */
  'after-call': EventPayload & { response: HttpResponse | undefined; parsed: Record<string, any>; model: OperationModel; context: CallContext };
  /** The call failed; the error still reaches the caller. */
  'after-call-error': EventPayload & { exception: unknown; model: OperationModel; context: CallContext };
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
declare module './emitter/types.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface KnownEvents extends LifecycleEventMap {}
}
