import { hyphenize } from '../emitter/index.js';
import { watchChanges } from '../emitter/change-watchers.js';
import type { BridgeableEmitter } from './emitter-contract.js';
import { CallsInFlight } from './calls-in-flight.js';
import { planOperation, type OperationPlan } from './operation-plan.js';
import { serviceIdOf, type SmithyClientLike } from './smithy-client.js';
import { STACK_ENTRIES } from './stack-entries.js';

/**
 * One client's link to its emitter. It watches the emitter's registrations:
 * at once, on every change, it adds or removes its middleware so the stack
 * holds only entries some handler can use, and forgets cached operation
 * plans. Between changes a call costs the client nothing to keep up to
 * date, and a client with no handlers keeps its stack, and its `send`, as
 * the SDK built them.
 */
export class ClientBinding {
  readonly serviceId: string;
  readonly serviceIdHyphenized: string;
  /** This client's calls in flight: how the inner entries find a call's state. */
  readonly calls = new CallsInFlight();
  private installed = new Set<string>();
  private plans = new Map<string, OperationPlan>();
  private unwatch: () => void;

  constructor(
    readonly client: SmithyClientLike,
    public emitter: BridgeableEmitter,
  ) {
    this.serviceId = serviceIdOf(client);
    this.serviceIdHyphenized = hyphenize(this.serviceId);
    this.unwatch = emitter[watchChanges](this);
    this.emitterChanged();
  }

  /**
   * Brings the stack up to date with the emitter: called on attaching and
   * by the emitter after each registration change. Calls in flight go on
   * with the stack and the plan they started with.
   */
  emitterChanged(): void {
    this.plans.clear();
    const wanted = this.wantedEntries();
    if (sameSet(wanted, this.installed)) return;
    const stack = this.client.middlewareStack;
    for (const name of this.installed) stack.remove(name);
    for (const entry of STACK_ENTRIES) if (wanted.has(entry.name)) entry.install(this.client, this);
    this.installed = wanted;
    // With cacheMiddleware the SDK keeps one resolved handler per command class: drop them.
    // Not `delete`, which would put the client object in V8's dictionary mode for good: every
    // SDK access to it (config, middlewareStack) would go slow, and polymorphic in every client.
    // The SDK makes a new cache when it finds none.
    (this.client as { handlers?: unknown }).handlers = undefined;
  }

  /** The plan of one operation for the emitter's registrations as they are now. */
  planFor(operation: string): OperationPlan {
    let plan = this.plans.get(operation);
    if (plan === undefined) {
      plan = planOperation(this.emitter, this.serviceId, this.serviceIdHyphenized, operation);
      this.plans.set(operation, plan);
    }
    return plan;
  }

  /** Replaces the emitter (attachEvents on a client that already has one): the old one no longer drives this client. */
  rebind(emitter: BridgeableEmitter): void {
    this.unwatch();
    this.emitter = emitter;
    this.unwatch = emitter[watchChanges](this);
    this.emitterChanged();
  }

  private wantedEntries(): Set<string> {
    const wanted = new Set<string>();
    for (const entry of STACK_ENTRIES) {
      if (entry.serves.some((type) => this.emitter.mayHaveHandlers(`${type}.${this.serviceIdHyphenized}`))) wanted.add(entry.name);
    }
    if (wanted.size > 0) wanted.add(STACK_ENTRIES[0]!.name);
    return wanted;
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
