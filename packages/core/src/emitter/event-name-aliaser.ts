import { BoundedCache } from './bounded-cache.js';
import { describeValue, splitEventName } from './names.js';

/** The default size of an aliaser's name cache. */
const DEFAULT_ALIAS_CACHE_SIZE = 1024;

interface AliasRule {
  readonly oldPart: string;
  /** The segments of a dotted `oldPart` (`api.pricing`); `undefined` for one segment. */
  readonly oldSegments: readonly string[] | undefined;
  readonly newPart: string;
}

/**
 * botocore's `EventAliaser._alias_event_name`, with a bounded cache: maps
 * an event name through an alias table, rewriting the first table entry
 * (in table order) that occurs in it. Quirks kept from botocore:
 *
 * - a one-segment entry replaces the first segment equal to it, wherever it
 *   is in the name (`config` in `before-call.s3.config` too);
 * - a dotted entry (`api.pricing`) is looked for as a substring of the name,
 *   and when found, the first run of whole segments equal to it is replaced;
 *   when it is a substring but not whole segments (`xapi.pricing`), nothing
 *   is replaced and no later entry is tried either.
 */
export class EventNameAliaser {
  readonly #rules: readonly AliasRule[];
  readonly #cache: BoundedCache<string, string>;

  constructor(aliases: Readonly<Record<string, string>>, cacheSize = DEFAULT_ALIAS_CACHE_SIZE) {
    if (aliases === null || typeof aliases !== 'object') {
      throw new TypeError(`AliasedEventEmitter: the alias table must be an object of old name → new name, got ${describeValue(aliases)}`);
    }
    this.#rules = Object.entries(aliases).map(([oldPart, newPart]) => {
      const oldSegments = splitEventName(oldPart, 'AliasedEventEmitter', 'alias table key');
      if (typeof newPart !== 'string') {
        throw new TypeError(`AliasedEventEmitter: the alias for ${JSON.stringify(oldPart)} must be a string, got ${describeValue(newPart)}`);
      }
      splitEventName(newPart, 'AliasedEventEmitter', `alias for ${JSON.stringify(oldPart)}`);
      return { oldPart, oldSegments: oldSegments.length > 1 ? oldSegments : undefined, newPart };
    });
    this.#cache = new BoundedCache(cacheSize);
  }

  /** `name` with the first matching alias applied (or `name` itself); a `TypeError` names a bad name. */
  alias(name: string, method: string, what = 'event name'): string {
    const cached = this.#cache.get(name);
    if (cached !== undefined) return cached;
    const aliased = this.#apply(name, splitEventName(name, method, what));
    this.#cache.set(name, aliased);
    return aliased;
  }

  /** The table, as given (a frozen copy). */
  get aliases(): Readonly<Record<string, string>> {
    return Object.freeze(Object.fromEntries(this.#rules.map(({ oldPart, newPart }) => [oldPart, newPart])));
  }

  #apply(name: string, segments: string[]): string {
    for (const { oldPart, oldSegments, newPart } of this.#rules) {
      if (oldSegments === undefined) {
        const index = segments.indexOf(oldPart);
        if (index === -1) continue;
        segments[index] = newPart;
      } else if (name.includes(oldPart)) {
        replaceRun(segments, oldSegments, newPart);
      } else {
        continue;
      }
      return segments.join('.');
    }
    return name;
  }
}

/** Replaces the first run of `segments` equal to `run` with the one segment `replacement` (botocore's `_replace_subsection`). */
function replaceRun(segments: string[], run: readonly string[], replacement: string): void {
  for (let start = 0; start + run.length <= segments.length; start++) {
    if (run.every((segment, offset) => segments[start + offset] === segment)) {
      segments.splice(start, run.length, replacement);
      return;
    }
  }
}
