/**
 * A call the guard will split anyway (more items than `maxItems`) is never
 * serialized whole: in `before-parameter-build` the guard takes the items out
 * of the call's params (the per-call copy the bridge hands handlers, not the
 * caller's input), so the SDK serializes an input without them, and puts them
 * back first thing in `before-call`, before any other handler sees the params
 * there. Serializing the whole would cost as much as serializing every chunk.
 * Once the call is split, they are taken out again: the chunks carry them,
 * and what the SDK does with the call's input afterwards (its logger
 * middleware filters it for the log) would be a pass over every item more.
 */
import type { CallContext } from '@sdk-events/core';

type Params = Record<string | symbol, any>;

/** What was taken out of one call's params. */
interface Withheld {
  /** The params as they were (a shallow copy: `subInput` never changes what it copies); `undefined` once restored. */
  original: Params | undefined;
  /** The params without the items. */
  emptied: Params;
  items: readonly unknown[];
}

/** Makes `target` hold exactly the members of `source`. */
function replaceMembers(target: Params, source: Params): void {
  for (const key of Reflect.ownKeys(target)) delete target[key];
  Object.assign(target, source);
}

/** The items withheld from calls, by call context. */
export class WithheldItems {
  private readonly byCall = new WeakMap<CallContext, Withheld>();

  /** Takes `items` out of `params` (leaving `emptied`'s members), to be put back by `restore`. */
  withhold(context: CallContext, params: Params, items: readonly unknown[], emptied: Params): void {
    this.byCall.set(context, { original: { ...params }, emptied, items });
    replaceMembers(params, emptied);
  }

  /** Puts back what was withheld from this call's params, if anything was. */
  restore(context: CallContext, params: Params): void {
    const withheld = this.byCall.get(context);
    if (withheld?.original === undefined) return;
    replaceMembers(params, withheld.original);
    withheld.original = undefined;
  }

  /**
   * The items withheld from this call (once restored), forgetting them, and
   * the means to take them out of `params` again once the call is split;
   * `undefined` when none were.
   */
  take(context: CallContext, params: Params): { items: readonly unknown[]; hide(): void } | undefined {
    const withheld = this.byCall.get(context);
    if (withheld === undefined) return undefined;
    this.byCall.delete(context);
    return { items: withheld.items, hide: () => replaceMembers(params, withheld.emptied) };
  }
}
