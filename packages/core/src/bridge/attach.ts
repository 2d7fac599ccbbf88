import { AliasedEventEmitter } from '../emitter/index.js';
import { watchChanges } from '../emitter/change-watchers.js';
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
  bindings.set(client, new ClientBinding(client, emitter));
  return emitter;
}

function assertEmitter(emitter: unknown): asserts emitter is BridgeableEmitter {
  const e = emitter as Partial<BridgeableEmitter> | null;
  if (typeof e?.handlersFor !== 'function' || typeof e.mayHaveHandlers !== 'function' || typeof e.eventNameFor !== 'function' || typeof e[watchChanges] !== 'function')
    throw new TypeError('attachEvents: the emitter must be a HierarchicalEmitter or AliasedEventEmitter');
}
