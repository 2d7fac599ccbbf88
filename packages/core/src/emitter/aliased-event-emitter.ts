import { EVENT_ALIASES } from './aliases.js';
import { EventNameAliaser } from './event-name-aliaser.js';
import { HierarchicalEmitter } from './hierarchical-emitter.js';
import { describeValue } from './names.js';
import { usePluginFor } from './plugins.js';
import { watchChanges, type ChangeWatcher } from './change-watchers.js';
import type {
  EventHandler,
  EventHooks,
  EventsPlugin,
  HandlerResponse,
  KnownEvents,
  PayloadFor,
  RegisterOptions,
  UntilResponseResult,
} from './types.js';

/**
 * botocore's `EventAliaser`: an emitter that first maps old service names
 * in event names onto today's service ids (by default through
 * `EVENT_ALIASES`: `apigateway` → `api-gateway`, `logs` → `cloudwatch-logs`,
 * …), then passes everything to the `HierarchicalEmitter` it wraps. The
 * mapping applies alike to register, unregister, emit, `handlersFor` and
 * `mayHaveHandlers`, so old and new names meet; handlers see the new name
 * as `eventName`. This is what `eventsOf(client)` returns, as boto3's
 * `client.meta.events` is one.
 *
 * @example
 * const events = new AliasedEventEmitter();
 * events.register('after-call.logs.PutLogEvents', ({ eventName }) => console.log(eventName));
 * await events.emit('after-call.cloudwatch-logs.PutLogEvents'); // logs 'after-call.cloudwatch-logs.PutLogEvents'
 */
export class AliasedEventEmitter<Events = KnownEvents> implements EventHooks<Events> {
  readonly #emitter: HierarchicalEmitter<Events>;
  readonly #aliaser: EventNameAliaser;

  /**
   * @param emitter - the emitter to wrap (default: a new one); it may be shared and used directly too
   * @param aliases - old name → new name, applied first match in table order (default `EVENT_ALIASES`)
   */
  constructor(emitter: HierarchicalEmitter<Events> = new HierarchicalEmitter<Events>(), aliases: Readonly<Record<string, string>> = EVENT_ALIASES) {
    if (!(emitter instanceof HierarchicalEmitter)) {
      throw new TypeError(`AliasedEventEmitter: the emitter to wrap must be a HierarchicalEmitter, got ${describeValue(emitter)}`);
    }
    this.#emitter = emitter;
    this.#aliaser = new EventNameAliaser(aliases);
  }

  /** Advanced: the wrapped emitter, which sees names after aliasing. */
  get emitter(): HierarchicalEmitter<Events> {
    return this.#emitter;
  }

  /** The alias table in use. */
  get aliases(): Readonly<Record<string, string>> {
    return this.#aliaser.aliases;
  }

  /**
   * `HierarchicalEmitter.register` on the aliased name.
   *
   * @example
   * events.register('before-call.apigateway', handler); // registered as before-call.api-gateway
   */
  register<N extends string>(name: N, handler: EventHandler<PayloadFor<N, Events>>, options?: RegisterOptions): void {
    this.#emitter.register(this.#aliaser.alias(name, 'register'), handler as EventHandler<any>, options);
  }

  /** `HierarchicalEmitter.registerFirst` on the aliased name. */
  registerFirst<N extends string>(name: N, handler: EventHandler<PayloadFor<N, Events>>, options?: RegisterOptions): void {
    this.#emitter.registerFirst(this.#aliaser.alias(name, 'registerFirst'), handler as EventHandler<any>, options);
  }

  /** `HierarchicalEmitter.registerLast` on the aliased name. */
  registerLast<N extends string>(name: N, handler: EventHandler<PayloadFor<N, Events>>, options?: RegisterOptions): void {
    this.#emitter.registerLast(this.#aliaser.alias(name, 'registerLast'), handler as EventHandler<any>, options);
  }

  /**
   * `HierarchicalEmitter.unregister` on the aliased name.
   *
   * @example
   * events.unregister('before-call.api-gateway', handler); // undoes the register above
   */
  unregister(name: string, handler?: EventHandler<never> | null, options?: RegisterOptions): void {
    this.#emitter.unregister(this.#aliaser.alias(name, 'unregister'), handler, options);
  }

  /**
   * `HierarchicalEmitter.emit` on the aliased name (the handlers' `eventName`).
   *
   * @example
   * await events.emit('after-call.monitoring.PutMetricData'); // emits after-call.cloudwatch.PutMetricData
   */
  emit(name: string, payload?: object): Promise<HandlerResponse[]> {
    return this.#emitter.emit(this.#aliaser.alias(name, 'emit'), payload);
  }

  /** `HierarchicalEmitter.emitUntilResponse` on the aliased name. */
  emitUntilResponse(name: string, payload?: object): Promise<UntilResponseResult> {
    return this.#emitter.emitUntilResponse(this.#aliaser.alias(name, 'emitUntilResponse'), payload);
  }

  /**
   * An independent `AliasedEventEmitter` (same class) around a copy of the
   * wrapped emitter, with the same alias table (botocore's `copy.copy`).
   */
  copy(): this {
    const Class = this.constructor as new (emitter: HierarchicalEmitter<Events>, aliases: Readonly<Record<string, string>>) => this;
    return new Class(this.#emitter.copy(), this.#aliaser.aliases);
  }

  /**
   * Calls `plugin.register(this)` (so the plugin's names are aliased too),
   * once per plugin name: the names used are those of the wrapped emitter.
   *
   * @example
   * eventsOf(client).use(loggingPlugin({ logger: console }));
   */
  use(plugin: EventsPlugin<EventHooks<Events>>): this {
    this.#emitter[usePluginFor](plugin, this);
    return this;
  }

  /** @internal Package-internal: the wrapped emitter's watchers (see `watchChanges`). */
  [watchChanges](watcher: ChangeWatcher): () => void {
    return this.#emitter[watchChanges](watcher);
  }

  /** `HierarchicalEmitter.handlersFor` on the aliased name. */
  handlersFor(name: string): readonly EventHandler<any>[] {
    return this.#emitter.handlersFor(this.#aliaser.alias(name, 'handlersFor'));
  }

  /**
   * Advanced: the name `emit(name)` emits under, i.e. `name` through the alias
   * table (what handlers see as `eventName`).
   *
   * @example
   * events.eventNameFor('after-call.logs.PutLogEvents'); // 'after-call.cloudwatch-logs.PutLogEvents'
   */
  eventNameFor(name: string): string {
    return this.#aliaser.alias(name, 'eventNameFor');
  }

  /** `HierarchicalEmitter.mayHaveHandlers` on the aliased prefix. */
  mayHaveHandlers(prefix: string): boolean {
    return this.#emitter.mayHaveHandlers(this.#aliaser.alias(prefix, 'mayHaveHandlers', 'prefix'));
  }

}
