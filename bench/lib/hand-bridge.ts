/**
 * The least a bridge can do for section 1's three matching handlers,
 * written by hand for one client: three middleware entries where sdk-events
 * puts its own (per call, before the signer, on the wire), each calling its
 * one handler with a fresh payload. No lookup, no other event types, no
 * per-call `context`, no retry-safe request: a floor under what the bridge
 * costs, not something a library could ship.
 */
import type { CloudWatchClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-cloudwatch';
import type { HttpRequest } from '@smithy/protocol-http';
import type { FinalizeRequestMiddleware } from '@smithy/types';

/** The three handlers the entries call, by the event type they stand for. */
export interface HandWrittenHandlers {
  beforeSign(payload: { eventName: string; request: HttpRequest }): void;
  beforeSend(payload: { eventName: string; request: HttpRequest }): void;
  afterCall(payload: { eventName: string; parsed: unknown }): void;
}

const SIGNERS = ['httpSigningMiddleware', 'awsAuthMiddleware'];

/** Adds the three hand-written entries to `client`'s stack. */
export function addHandWrittenBridge(client: CloudWatchClient, handlers: HandWrittenHandlers): void {
  const stack = client.middlewareStack;
  const signer = SIGNERS.find((name) => stack.identify().some((line) => line.startsWith(`${name} `)));
  if (signer === undefined) throw new Error('bench: the CloudWatch client has no signing middleware to put the before-sign entry in front of');
  stack.add(
    (next) => async (args) => {
      const result = await next(args);
      handlers.afterCall({ eventName: 'after-call.cloudwatch.PutMetricData', parsed: result.output });
      return result;
    },
    { step: 'initialize', priority: 'high', name: 'handWrittenCall' },
  );
  const beforeSigner: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => (args) => {
    handlers.beforeSign({ eventName: 'before-sign.cloudwatch.PutMetricData', request: args.request as HttpRequest });
    return next(args);
  };
  stack.addRelativeTo(beforeSigner, { relation: 'before', toMiddleware: signer, name: 'handWrittenAttempt' });
  stack.add(
    (next) => (args) => {
      handlers.beforeSend({ eventName: 'before-send.cloudwatch.PutMetricData', request: args.request as HttpRequest });
      return next(args);
    },
    { step: 'deserialize', priority: 'low', name: 'handWrittenWire' },
  );
}
