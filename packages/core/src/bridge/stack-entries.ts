import type { LifecycleEventType } from '../lifecycle/events.js';
import type { SmithyClientLike } from './smithy-client.js';
import { attemptMiddleware } from './middleware/attempt-middleware.js';
import { beforeCallMiddleware } from './middleware/before-call-middleware.js';
import { callMiddleware } from './middleware/call-middleware.js';
import { wireMiddleware } from './middleware/wire-middleware.js';
import type { ClientBinding } from './client-binding.js';

/** One middleware the bridge may add to a client's stack, and the event types that need it. */
interface StackEntry {
  readonly name: string;
  readonly serves: readonly LifecycleEventType[];
  install(client: SmithyClientLike, binding: ClientBinding): void;
}

const TAGS = ['SDK_EVENTS'];
const SIGNING_MIDDLEWARE = ['httpSigningMiddleware', 'awsAuthMiddleware'];

/**
 * The bridge's middleware, outermost first. The call entry is added whenever
 * any other is: it starts the per-call state the others read.
 */
export const STACK_ENTRIES: readonly StackEntry[] = [
  {
    name: 'sdkEventsCallMiddleware',
    serves: ['provide-client-params', 'before-parameter-build', 'after-call', 'after-call-error'],
    install: (client, binding) =>
      client.middlewareStack.add(callMiddleware(binding), { step: 'initialize', priority: 'high', name: 'sdkEventsCallMiddleware', tags: TAGS }),
  },
  {
    name: 'sdkEventsBeforeCallMiddleware',
    serves: ['before-call'],
    install: (client, binding) =>
      client.middlewareStack.add(beforeCallMiddleware(binding), { step: 'build', priority: 'low', name: 'sdkEventsBeforeCallMiddleware', tags: TAGS }),
  },
  {
    name: 'sdkEventsAttemptMiddleware',
    serves: ['request-created', 'choose-signer', 'before-sign', 'response-received', 'needs-retry'],
    install: (client, binding) => addBeforeSigning(client, binding, 'sdkEventsAttemptMiddleware'),
  },
  {
    name: 'sdkEventsWireMiddleware',
    // choose-signer too: the unsigned request is swapped in here, after the signer ran.
    serves: ['before-send', 'before-parse', 'choose-signer'],
    install: (client, binding) =>
      client.middlewareStack.add(wireMiddleware(binding), { step: 'deserialize', priority: 'low', name: 'sdkEventsWireMiddleware', tags: TAGS }),
  },
];

/** Inside the SDK's retry loop and before the signer, wherever this client has them. */
function addBeforeSigning(client: SmithyClientLike, binding: ClientBinding, name: string) {
  const stack = client.middlewareStack;
  const present = new Set(stack.identify().map((line) => line.split(' ')[0]));
  const signer = SIGNING_MIDDLEWARE.find((n) => present.has(n));
  const options = { name, tags: TAGS };
  if (signer) stack.addRelativeTo(attemptMiddleware(binding), { ...options, relation: 'before', toMiddleware: signer });
  else if (present.has('retryMiddleware')) stack.addRelativeTo(attemptMiddleware(binding), { ...options, relation: 'after', toMiddleware: 'retryMiddleware' });
  else stack.add(attemptMiddleware(binding), { ...options, step: 'finalizeRequest', priority: 'low' });
}
