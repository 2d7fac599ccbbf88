/** Tells whether one segment of an emitted name matches a registration's segment. */
export type SegmentMatcher = (segment: string) => boolean;

/** botocore's wildcard segment: matches exactly one segment, whatever it is. */
export const WILDCARD = '*';

/** Characters that make a segment a glob (besides the plain `*` wildcard), or a leading `!`. */
const GLOB_SYNTAX = /[*?[\]{}()]|^!/;

/** More alternatives than this from `{…}` is a TypeError: nobody writes that many by hand. */
const MAX_ALTERNATIVES = 256;

/** One position of a glob: a literal character, `?` (any one), a class `[…]`, or `*` (any run). */
type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'class'; test: (char: string) => boolean } | { kind: 'star' };

const matchAnything: SegmentMatcher = () => true;

/**
 * The matcher of a registration segment that is a pattern: `*` (botocore's
 * wildcard) or a glob such as `Put*`, `{A,B}`, `before-*`, `?`, `[a-c]`,
 * `[!x]`, or a leading `!` (every segment but those matching the rest);
 * `undefined` for a plain segment, which matches only itself.
 *
 * Matching takes time proportional to the pattern's length times the
 * segment's (no backtracking blow-up, whatever the pattern). An invalid glob
 * (unbalanced brackets or braces, parentheses) is a `TypeError` naming it.
 */
export function compileSegmentPattern(segment: string, eventName: string): SegmentMatcher | undefined {
  if (segment === WILDCARD) return matchAnything;
  if (!GLOB_SYNTAX.test(segment)) return undefined;
  const invalid = (reason: string) => new TypeError(`Invalid glob ${JSON.stringify(segment)} in event name ${JSON.stringify(eventName)}: ${reason}`);
  const negated = segment.startsWith('!');
  const alternatives = expandBraces(negated ? segment.slice(1) : segment, invalid).map((glob) => tokenize(glob, invalid));
  const matches = (text: string) => alternatives.some((tokens) => matchTokens(tokens, text));
  return negated ? (text) => !matches(text) : matches;
}

/** `a{b,c}d` → `abd`, `acd` (nested braces too); a `TypeError` for unbalanced ones or too many alternatives. */
function expandBraces(glob: string, invalid: (reason: string) => TypeError): string[] {
  const open = glob.indexOf('{');
  if (open === -1) {
    if (glob.includes('}')) throw invalid('a "}" without its "{"');
    return [glob];
  }
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    const char = glob[i];
    if (char === '{') depth++;
    else if (char === ',' && depth === 1) commas.push(i);
    else if (char === '}' && --depth === 0) {
      const head = glob.slice(0, open);
      if (head.includes('}')) throw invalid('a "}" without its "{"');
      const bounds = [open, ...commas, i];
      const choices = bounds.slice(1).map((end, k) => glob.slice(bounds[k]! + 1, end));
      const tails = expandBraces(glob.slice(i + 1), invalid);
      const expanded = choices.flatMap((choice) => expandBraces(choice, invalid)).flatMap((middle) => tails.map((tail) => head + middle + tail));
      if (expanded.length > MAX_ALTERNATIVES) throw invalid(`more than ${MAX_ALTERNATIVES} alternatives`);
      return expanded;
    }
  }
  throw invalid('a "{" without its "}"');
}

function tokenize(glob: string, invalid: (reason: string) => TypeError): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      // Consecutive stars match what one does.
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') tokens.push({ kind: 'any' });
    else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) throw invalid('a "[" without its "]"');
      tokens.push({ kind: 'class', test: characterClass(glob.slice(i + 1, close)) });
      i = close;
    } else if (char === ']') throw invalid('a "]" without its "["');
    else if (char === '(' || char === ')') throw invalid('parentheses (extglobs) are not supported');
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/** `abc`, `a-z`, `!a-z` or `^a-z` (negated): the test of one character. */
function characterClass(body: string): (char: string) => boolean {
  const negated = body[0] === '!' || body[0] === '^';
  const members = negated ? body.slice(1) : body;
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i < members.length; i++) {
    if (members[i + 1] === '-' && i + 2 < members.length) {
      ranges.push([members[i]!, members[i + 2]!]);
      i += 2;
    } else ranges.push([members[i]!, members[i]!]);
  }
  return (char) => ranges.some(([low, high]) => char >= low && char <= high) !== negated;
}

/**
 * Wildcard matching with one resume point: on a mismatch, the last `*`
 * takes one more character and matching resumes after it. Earlier stars
 * never need to take more (a later star can absorb it), so this is
 * O(pattern × text) at worst, never exponential.
 */
function matchTokens(tokens: readonly Token[], text: string): boolean {
  let t = 0;
  let p = 0;
  let starAt = -1;
  let resumeText = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token?.kind === 'star') {
      starAt = p++;
      resumeText = t;
    } else if (token !== undefined && matchesOne(token, text[t]!)) {
      p++;
      t++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      t = ++resumeText;
    } else return false;
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
}

function matchesOne(token: Token, char: string): boolean {
  return token.kind === 'any' || (token.kind === 'char' ? token.char === char : token.kind === 'class' && token.test(char));
}
