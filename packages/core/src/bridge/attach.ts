import { AliasedEventEmitter } from '../emitter/index.js';
import { ClientBinding } from './client-binding.js';
import type { BridgeableEmitter } from './emitter-contract.js';
import { assertSmithyClient, type SmithyClientLike } from './smithy-client.js';

const bindings = new WeakMap<object, ClientBinding>();

/**
 * The client's emitter, boto3's `client.meta.events`: an `AliasedEventEmitter`
 * attached on first use, the same object on every later call.
 *
 * @example
 * const cw = new CloudWatchClient({});
 * eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
 */
export function eventsOf(client: SmithyClientLike): AliasedEventEmitter {
  assertSmithyClient(client, 'eventsOf');
  const existing = bindings.get(client);
  if (existing) return existing.emitter as AliasedEventEmitter;
  return attachEvents(client, new AliasedEventEmitter());
}

/**
 * Attaches `emitter` to `client` and returns it. One emitter may serve
 * several clients, as a boto3 session's events do; attaching again replaces
 * the client's previous emitter (events are never doubled).
 *
 * @example
 * const events = new AliasedEventEmitter();
 * attachEvents(cloudWatch, events);
 * attachEvents(lambda, events);
 * events.register('after-call', ({ model }) => console.log(model.name, 'done'));
 */
export function attachEvents<E extends BridgeableEmitter>(client: SmithyClientLike, emitter: E): E {
  assertSmithyClient(client, 'attachEvents');
  assertEmitter(emitter);
  const existing = bindings.get(client);
  if (existing) {
    existing.rebind(emitter);
    return emitter;
  }
  const binding = new ClientBinding(client, emitter);
  bindings.set(client, binding);
  wrapSend(client, binding);
  return emitter;
}

/** Registration changes take effect from the next send: each send first syncs the stack. */
function wrapSend(client: SmithyClientLike, binding: ClientBinding) {
  const send = client.send;
  // Fixed parameters rather than `...args` + apply: Client.send(command, optionsOrCb?, cb?) never reads arguments.length.
  client.send = function sendWithEvents(this: SmithyClientLike, command: unknown, optionsOrCb?: unknown, cb?: unknown) {
    binding.sync();
    return send.call(this, command, optionsOrCb, cb);
  };
}

function assertEmitter(emitter: unknown): asserts emitter is BridgeableEmitter {
  const e = emitter as Partial<BridgeableEmitter> | null;
  if (typeof e?.handlersFor !== 'function' || typeof e.mayHaveHandlers !== 'function' || typeof e.eventNameFor !== 'function')
    throw new TypeError('attachEvents: the emitter must be a HierarchicalEmitter or AliasedEventEmitter');
}
