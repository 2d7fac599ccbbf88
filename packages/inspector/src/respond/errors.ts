import { encodeCborTextMap } from '../protocols/cbor.js';
import type { InspectedService, WireProtocol } from '../types.js';
import { jsonReply, xmlEscape, xmlReply, type Reply } from './reply.js';

/** An error to answer: status, code and message. */
export interface ErrorSpec {
  status: number;
  code?: string | undefined;
  message?: string | undefined;
}

/** Where an error reply goes: decides its shape. */
export interface ErrorTarget {
  service: InspectedService;
  protocol: WireProtocol;
  method: string;
  requestId: string;
  /** CloudWatch's `x-amzn-query-mode: true`: the client wants `x-amzn-query-error`. */
  queryMode: boolean;
}

const S3_CODES: Record<number, string> = { 500: 'InternalError', 503: 'SlowDown' };
const DEFAULT_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'AccessDenied',
  404: 'NotFound',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  429: 'ThrottlingException',
  500: 'InternalFailure',
  501: 'NotImplemented',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** The error code used for `status` when none is given (S3 spells a few differently). */
export function defaultErrorCode(status: number, service: InspectedService): string {
  return (service === 's3' ? S3_CODES[status] : undefined) ?? DEFAULT_CODES[status] ?? `Http${status}`;
}

/**
 * An error reply in the shape the client's protocol parses, so the SDK raises an error named by
 * `code`: AWS JSON (`__type` and `x-amzn-errortype`, plus `x-amzn-query-error` in query mode), query
 * XML (`<ErrorResponse>`), CBOR (`__type` with `smithy-protocol`), Lambda REST-JSON, S3 XML (`<Error>`).
 */
export function errorReply(spec: ErrorSpec, target: ErrorTarget): Reply {
  const code = spec.code ?? defaultErrorCode(spec.status, target.service);
  const message = spec.message ?? `${code} (answered by the sdk-events inspector)`;
  const fault = spec.status < 500 ? 'Sender' : 'Receiver';
  const queryError: Record<string, string> = target.queryMode ? { 'x-amzn-query-error': `${code};${fault}` } : {};
  let reply: Reply;
  switch (target.protocol) {
    case 'awsQuery':
      reply = xmlReply(
        spec.status,
        `<ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><Error><Type>${fault}</Type><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${target.requestId}</RequestId></ErrorResponse>`,
        {},
        'text/xml',
      );
      break;
    case 'rpcv2Cbor':
      reply = {
        status: spec.status,
        headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor', ...queryError },
        body: encodeCborTextMap({ __type: code, message }),
      };
      break;
    case 'restXml':
      reply = xmlReply(
        spec.status,
        `<Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message><RequestId>${target.requestId}</RequestId><HostId>sdk-events-inspector</HostId></Error>`,
      );
      break;
    case 'restJson1':
      reply = jsonReply(spec.status, { Type: spec.status < 500 ? 'User' : 'Service', message }, 'application/json', { 'x-amzn-errortype': code });
      break;
    default:
      reply = jsonReply(spec.status, { __type: code, message }, 'application/x-amz-json-1.0', { 'x-amzn-errortype': code, ...queryError });
  }
  if (target.method.toUpperCase() === 'HEAD') reply = { ...reply, body: Buffer.alloc(0) };
  return { ...reply, errorCode: code };
}
