import type { EventHandler } from './types.js';

interface UniqueIdRecord {
  readonly handler: EventHandler<any>;
  /** Set when the id was first registered with `uniqueIdUsesCount`. */
  count: number | undefined;
}

/**
 * botocore's `_unique_id_handlers`: which unique ids are registered, to
 * which handler, and (for counted ids) how many times. Ids are global to an
 * emitter, across names.
 */
export class UniqueIdRegistry {
  readonly #records = new Map<string, UniqueIdRecord>();

  /**
   * For a registration with `id`: `true` when the id is new (the caller then
   * registers the handler and calls `record`); `false` when it is already
   * registered, in which case the registration is ignored, after counting it
   * for a counted id. Mixing counted and uncounted use of an id is a `TypeError`.
   */
  isNew(id: string, usesCount: boolean): boolean {
    const record = this.#records.get(id);
    if (record === undefined) return true;
    if (usesCount && record.count === undefined) throw mixedUse(id, 'register', false);
    if (!usesCount && record.count !== undefined) throw mixedUse(id, 'register', true);
    if (record.count !== undefined) record.count++;
    return false;
  }

  /** Records that `id` now stands for `handler`. */
  record(id: string, handler: EventHandler<any>, usesCount: boolean): void {
    this.#records.set(id, { handler, count: usesCount ? 1 : undefined });
  }

  /**
   * For an unregister with `id`: the handler to remove now, or `undefined`
   * when there is nothing to remove (the id is unknown, or a counted id
   * still has registrations left after this one). The id is freed whenever a
   * handler is returned, whether or not the caller then finds it under the
   * name it gave (botocore frees it first). Mixing counted and uncounted
   * use of an id is a `TypeError`.
   */
  release(id: string, usesCount: boolean): EventHandler<any> | undefined {
    const record = this.#records.get(id);
    if (record === undefined) return undefined;
    if (usesCount && record.count === undefined) throw mixedUse(id, 'unregister', false);
    if (!usesCount && record.count !== undefined) throw mixedUse(id, 'unregister', true);
    if (record.count !== undefined && record.count > 1) {
      record.count--;
      return undefined;
    }
    this.#records.delete(id);
    return record.handler;
  }

  /**
   * An independent registry with the same ids and counts. (botocore's copy
   * shares the per-id records, so counting in a copy also counts in the
   * original; ours does not.)
   */
  copy(): UniqueIdRegistry {
    const copied = new UniqueIdRegistry();
    for (const [id, { handler, count }] of this.#records) copied.#records.set(id, { handler, count });
    return copied;
  }
}

function mixedUse(id: string, method: 'register' | 'unregister', firstCounted: boolean): TypeError {
  const option = `uniqueIdUsesCount: ${firstCounted}`;
  return new TypeError(
    `${method}: uniqueId ${JSON.stringify(id)} was first registered with${firstCounted ? '' : 'out'} uniqueIdUsesCount, ` +
      `so every register and unregister of it must pass ${option} as well`,
  );
}
