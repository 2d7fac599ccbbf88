import picomatch from 'picomatch';

/** Tells whether one segment of an emitted name matches a registration's segment. */
export type SegmentMatcher = (segment: string) => boolean;

/** botocore's wildcard segment: matches exactly one segment, whatever it is. */
export const WILDCARD = '*';

// Characters that make a segment a glob (besides the plain `*` wildcard):
// picomatch's wildcards, classes, braces, extglobs and a leading negation.
const GLOB_SYNTAX = /[*?[\]{}()]|^!/;

const matchAnything: SegmentMatcher = () => true;

/**
 * The matcher of a registration segment that is a pattern: `*` (botocore's
 * wildcard) or a glob such as `Put*`, `{A,B}`, `before-*`, `?`, `[..]`;
 * `undefined` for a plain segment, which matches only itself.
 *
 * A glob is compiled here, once, with picomatch and matches within one
 * segment only (segments never contain dots). An invalid glob (unbalanced
 * brackets, braces or parentheses) is a `TypeError` naming it.
 */
export function compileSegmentPattern(segment: string, eventName: string): SegmentMatcher | undefined {
  if (segment === WILDCARD) return matchAnything;
  if (!GLOB_SYNTAX.test(segment)) return undefined;
  try {
    return picomatch(segment, { dot: true, strictBrackets: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(`Invalid glob ${JSON.stringify(segment)} in event name ${JSON.stringify(eventName)}: ${reason}`);
  }
}
