import { AliasedEventEmitter } from '../emitter/aliased-event-emitter.js';
import type { HierarchicalEmitter } from '../emitter/hierarchical-emitter.js';
import { watchChanges } from '../emitter/change-watchers.js';
import { StackBinding, type WatchableEmitter } from './stack-binding.js';
import { assertSmithyClient, type SmithyClientLike } from './smithy-client.js';

/** One binding per middleware stack: clients that share a stack share their emitter. */
const bindings = new WeakMap<object, StackBinding>();

/**
 * The client's emitter, boto3's `client.meta.events`: an `AliasedEventEmitter`
 * attached on first use, the same object on every later call. Clients that
 * share a middleware stack (`DynamoDBDocumentClient.from(ddb)`) share it:
 * `eventsOf(doc) === eventsOf(ddb)`.
 *
 * @example
 * const cw = new CloudWatchClient({});
 * eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
 */
export function eventsOf(client: SmithyClientLike): AliasedEventEmitter {
  assertSmithyClient(client, 'eventsOf');
  const existing = bindings.get(client.middlewareStack);
  if (existing) return existing.emitter as unknown as AliasedEventEmitter;
  return attachEvents(client, new AliasedEventEmitter());
}

/**
 * Attaches `emitter` to `client` and returns it. One emitter may serve
 * several clients, as a boto3 session's events do; attaching again replaces
 * the client's previous emitter (events are never doubled). Clients that
 * share a middleware stack share the attachment: attaching to one attaches
 * to all of them.
 *
 * @example
 * const events = new AliasedEventEmitter();
 * attachEvents(cloudWatch, events);
 * attachEvents(lambda, events);
 * events.register('after-call', ({ model }) => console.log(model.name, 'done'));
 */
export function attachEvents<E extends HierarchicalEmitter<any> | AliasedEventEmitter<any>>(client: SmithyClientLike, emitter: E): E {
  assertSmithyClient(client, 'attachEvents');
  const e = emitter as Partial<WatchableEmitter> | null;
  if (typeof e?.handlersFor !== 'function' || typeof e.mayHaveHandlers !== 'function' || typeof e.eventNameFor !== 'function' || typeof e[watchChanges] !== 'function') {
    throw new TypeError('attachEvents: the emitter must be a HierarchicalEmitter or AliasedEventEmitter');
  }
  const existing = bindings.get(client.middlewareStack);
  if (existing) existing.rebind(e as WatchableEmitter);
  else bindings.set(client.middlewareStack, new StackBinding(client, e as WatchableEmitter));
  return emitter;
}
