// The SDK's own protocol implementations, to make today's CloudWatch client speak its other
// protocols (query, rpcv2Cbor). @aws-sdk/core is a dependency of the client, not of this
// workspace, so it is resolved from the client's location.
import type { CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import { createRequire } from 'node:module';

type Protocol = NonNullable<CloudWatchClientConfig['protocol']>;

const requireHere = createRequire(import.meta.url);
const requireFromClient = createRequire(requireHere.resolve('@aws-sdk/client-cloudwatch'));
const protocols = requireFromClient('@aws-sdk/core/protocols') as Record<string, Protocol>;

/** A protocol class of @aws-sdk/core by name (`AwsQueryProtocol`, `AwsSmithyRpcV2CborProtocol`, `AwsJson1_0Protocol`). */
export function sdkProtocol(name: 'AwsQueryProtocol' | 'AwsSmithyRpcV2CborProtocol' | 'AwsJson1_0Protocol'): Protocol {
  const protocol = protocols[name];
  if (!protocol) throw new Error(`@aws-sdk/core/protocols has no ${name}`);
  return protocol;
}
