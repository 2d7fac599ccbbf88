import { encodeCborTextMap } from '../protocols/cbor.js';
import type { WireProtocol } from '../types.js';
import { jsonReply, xmlReply, type Reply } from './reply.js';

/** A success reply for any CloudWatch operation, in the protocol the request used (an empty output). */
export function cloudWatchReply(protocol: WireProtocol, operation: string | undefined, requestId: string): Reply {
  switch (protocol) {
    case 'awsQuery': {
      const name = operation ?? 'Unknown';
      return xmlReply(
        200,
        `<${name}Response xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><${name}Result/><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${name}Response>`,
        {},
        'text/xml',
      );
    }
    case 'rpcv2Cbor':
      return { status: 200, headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' }, body: encodeCborTextMap({}) };
    default:
      return jsonReply(200, {}, 'application/x-amz-json-1.0');
  }
}
