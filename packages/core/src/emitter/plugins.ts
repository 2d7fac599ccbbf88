import { describeValue } from './names.js';
import type { EventHooks, EventsPlugin } from './types.js';

/**
 * Registers `plugin` on `events` unless a plugin of that name is in `used`
 * (the plugin names already used on that emitter). The name is taken before
 * `register` runs, so a plugin that uses itself does not loop, and given
 * back if `register` throws, so a failed plugin can be used again.
 */
export function usePlugin(used: Set<string>, plugin: unknown, events: EventHooks<any>): void {
  if (plugin === null || typeof plugin !== 'object') {
    throw new TypeError(`use: a plugin must be an object { name, register(events) }, got ${describeValue(plugin)}`);
  }
  const { name, register } = plugin as Partial<EventsPlugin>;
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(`use: a plugin needs a non-empty string name, got ${describeValue(name)}`);
  }
  if (typeof register !== 'function') {
    throw new TypeError(`use: plugin ${JSON.stringify(name)} needs a register(events) function, got ${describeValue(register)}`);
  }
  if (used.has(name)) return;
  used.add(name);
  try {
    register.call(plugin, events);
  } catch (error) {
    used.delete(name);
    throw error;
  }
}

/**
 * @internal Not exported from the package. `HierarchicalEmitter[usePluginFor](plugin, events)`
 * checks `plugin` against that emitter's used plugin names but registers it
 * on `events`, so an `AliasedEventEmitter` shares the names of the emitter it wraps.
 */
export const usePluginFor: unique symbol = Symbol('sdk-events.usePluginFor');
