import { hyphenize } from '../emitter/names.js';
import { watchChanges, type ChangeWatcher } from '../emitter/change-watchers.js';
import type { LifecycleEventType } from '../lifecycle.js';
import { planOperation, type BridgeableEmitter, type CallSource, type OperationPlan } from './call.js';
import { attemptMiddleware } from './attempt-middleware.js';
import { beforeCallMiddleware, callMiddleware } from './call-middleware.js';
import { wireMiddleware } from './wire-middleware.js';
import { serviceIdOf, type SmithyClientLike } from './smithy-client.js';
import { deferCredentials } from './deferred-credentials.js';

/** An emitter the bridge can drive: it also tells of registration changes. */
export type WatchableEmitter = BridgeableEmitter & { [watchChanges](watcher: ChangeWatcher): () => void };

const TAGS = ['SDK_EVENTS'];
const SIGNERS = ['httpSigningMiddleware', 'awsAuthMiddleware'];

/** One middleware the bridge may add to a stack (or another change to the client), and the event types that need it. */
interface StackEntry {
  readonly name: string;
  readonly serves: readonly LifecycleEventType[];
  /** Adds the entry; returns how to take it out again (default: remove it by name). */
  install(binding: StackBinding): void | (() => void);
}

/** The bridge's middleware, outermost first. The call entry goes in whenever another does: it makes the call's state. */
const ENTRIES: readonly StackEntry[] = [
  {
    name: 'sdkEventsCallMiddleware',
    serves: ['provide-client-params', 'before-parameter-build', 'after-call', 'after-call-error'],
    install: (b) => b.stack.add(callMiddleware(b), { step: 'initialize', priority: 'high', name: 'sdkEventsCallMiddleware', tags: TAGS }),
  },
  {
    name: 'sdkEventsBeforeCallMiddleware',
    serves: ['before-call'],
    install: (b) => b.stack.add(beforeCallMiddleware(), { step: 'build', priority: 'low', name: 'sdkEventsBeforeCallMiddleware', tags: TAGS }),
  },
  {
    name: 'sdkEventsAttemptMiddleware',
    serves: ['request-created', 'choose-signer', 'before-sign', 'response-received', 'needs-retry'],
    install: (b) => {
      // Inside the SDK's retry loop, just before the signer, wherever this client has them.
      const present = new Set(b.stack.identify().map((line) => line.split(' ')[0]));
      const signer = SIGNERS.find((name) => present.has(name));
      const options = { name: 'sdkEventsAttemptMiddleware', tags: TAGS };
      if (signer) b.stack.addRelativeTo(attemptMiddleware(b), { ...options, relation: 'before', toMiddleware: signer });
      else b.stack.add(attemptMiddleware(b), { ...options, step: 'finalizeRequest', priority: 'low' });
    },
  },
  {
    // Not a middleware: the client's credentials are looked up when a request is signed, not before.
    name: 'sdkEventsDeferredCredentials',
    serves: ['choose-signer', 'before-call'],
    install: (b) => deferCredentials(b.client.config as Record<string, any>),
  },
  {
    name: 'sdkEventsWireMiddleware',
    serves: ['before-send', 'before-parse'],
    install: (b) => b.stack.add(wireMiddleware(b), { step: 'deserialize', priority: 'low', name: 'sdkEventsWireMiddleware', tags: TAGS }),
  },
];

/**
 * One middleware stack's link to its emitter. Clients that share a stack
 * (`DynamoDBDocumentClient.from(ddb)` shares `ddb`'s) share the binding, so
 * one emitter serves them all. It watches the emitter: on every
 * registration change it adds or removes its middleware, so the stack holds
 * only entries some handler can use (none: the stack as the SDK built it),
 * and forgets its operation plans.
 */
export class StackBinding implements CallSource, ChangeWatcher {
  readonly stack: SmithyClientLike['middlewareStack'];
  readonly serviceId: string;
  readonly serviceIdHyphenized: string;
  /** The entries in the stack now, each with how to take it out. */
  #installed = new Map<string, () => void>();
  #plans = new Map<string, OperationPlan>();
  #unwatch: () => void;

  constructor(
    readonly client: SmithyClientLike,
    public emitter: WatchableEmitter,
  ) {
    this.stack = client.middlewareStack;
    this.serviceId = serviceIdOf(client);
    this.serviceIdHyphenized = hyphenize(this.serviceId);
    this.#unwatch = emitter[watchChanges](this);
    this.emitterChanged();
  }

  /** Brings the stack up to date with the emitter. Calls in flight go on with the plan they started with. */
  emitterChanged(): void {
    this.#plans.clear();
    const wanted = new Set(ENTRIES.filter((entry) => entry.serves.some((type) => this.emitter.mayHaveHandlers(`${type}.${this.serviceIdHyphenized}`))).map((entry) => entry.name));
    if (wanted.size > 0) wanted.add(ENTRIES[0]!.name);
    if (wanted.size === this.#installed.size && [...wanted].every((name) => this.#installed.has(name))) return;
    for (const uninstall of this.#installed.values()) uninstall();
    this.#installed = new Map();
    for (const entry of ENTRIES) {
      if (wanted.has(entry.name)) this.#installed.set(entry.name, entry.install(this) ?? (() => this.stack.remove(entry.name)));
    }
    // With cacheMiddleware the SDK keeps one resolved handler per command class: those predate this change.
    (this.client as { handlers?: unknown }).handlers = undefined;
  }

  /** The plan of one operation for the emitter's registrations as they are now. */
  planFor(operation: string): OperationPlan {
    let plan = this.#plans.get(operation);
    if (plan === undefined) {
      plan = planOperation(this.emitter, this.serviceId, this.serviceIdHyphenized, operation);
      this.#plans.set(operation, plan);
    }
    return plan;
  }

  /** Serves `emitter` from now on instead of the current one. */
  rebind(emitter: WatchableEmitter): void {
    this.#unwatch();
    this.emitter = emitter;
    this.#unwatch = emitter[watchChanges](this);
    this.emitterChanged();
  }
}
