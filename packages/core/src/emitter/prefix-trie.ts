import { compileSegmentPattern, type SegmentMatcher } from './segment-pattern.js';

/** Which group of a name's registrations an item joins: `registerFirst`, `register` or `registerLast`. */
export type Section = 'first' | 'middle' | 'last';

/** One node per distinct registration prefix: `foo` → `bar` → `baz` for `foo.bar.baz`. */
interface TrieNode<T> {
  /** The registration segment this node stands for (`undefined` at the root). */
  readonly segment: string | undefined;
  /** Set when the segment is `*` or a glob: which emitted segments it matches. */
  readonly matches: SegmentMatcher | undefined;
  readonly first: T[];
  readonly middle: T[];
  readonly last: T[];
  /** Every child, by its segment text (patterns included, as botocore keys `*`). */
  readonly children: Map<string, TrieNode<T>>;
  /** The children whose segment is `*` or a glob, in the order they were created. */
  readonly patternChildren: TrieNode<T>[];
}

function createNode<T>(segment: string | undefined, matches: SegmentMatcher | undefined): TrieNode<T> {
  return { segment, matches, first: [], middle: [], last: [], children: new Map(), patternChildren: [] };
}

function itemCount(node: TrieNode<unknown>): number {
  return node.first.length + node.middle.length + node.last.length;
}

/**
 * botocore's `_PrefixTrie`: items stored under dot-separated keys, found by
 * prefix, with `*` segments matching any one segment; and, beyond botocore,
 * glob segments (see `compileSegmentPattern`).
 *
 * Lookup order is botocore's: a depth-first walk from the root that, at
 * each node, pushes the matching pattern children and then the exact child
 * on a stack (so the exact child is walked first), and prepends each
 * visited node's items (first, middle, last) to the result. The result so
 * lists a node's children before the node itself (more specific first), and
 * the pattern subtrees before the exact subtree (botocore's "`*` first").
 * Among several pattern children of one node (`*` and globs), the one
 * created first comes first.
 *
 * Unlike botocore, a node left without items or children is removed, so
 * registering and unregistering many names does not leave a trail of empty
 * nodes. (That is not observable through botocore's API: its only effect
 * there is on which unregisters crash, and ours never do.)
 */
export class PrefixTrie<T> {
  #root: TrieNode<T> = createNode<T>(undefined, undefined);

  /**
   * Adds `item` under the key `segments` in `section`. `eventName` is the
   * joined key, for error messages. Throws a `TypeError` on an invalid glob,
   * before changing anything.
   */
  append(segments: readonly string[], eventName: string, item: T, section: Section): void {
    let node = this.#root;
    let index = 0;
    // Follow the existing path first, so that new nodes (and their glob
    // matchers) are only made, and validated, where the path is new.
    for (; index < segments.length; index++) {
      const child = node.children.get(segments[index]!);
      if (child === undefined) break;
      node = child;
    }
    const missing = segments.slice(index).map((segment) => ({ segment, matches: compileSegmentPattern(segment, eventName) }));
    for (const { segment, matches } of missing) {
      const child = createNode<T>(segment, matches);
      node.children.set(segment, child);
      if (matches !== undefined) node.patternChildren.push(child);
      node = child;
    }
    node[section].push(item);
  }

  /**
   * Every item whose key is a prefix of `segments` (segment by segment, `*`
   * and globs matching), in botocore's order (see the class comment).
   */
  prefixSearch(segments: readonly string[]): T[] {
    const visited: TrieNode<T>[] = [];
    const stack: Array<[TrieNode<T>, number]> = [[this.#root, 0]];
    while (stack.length > 0) {
      const [node, index] = stack.pop()!;
      if (itemCount(node) > 0) visited.push(node);
      if (index === segments.length) continue;
      const segment = segments[index]!;
      for (const child of node.patternChildren) {
        if (child.matches!(segment)) stack.push([child, index + 1]);
      }
      // botocore pushes the exact child last, so it is walked first. As in
      // botocore, an emitted `*` segment finds the `*` child both ways.
      const direct = node.children.get(segment);
      if (direct !== undefined) stack.push([direct, index + 1]);
    }
    // botocore prepends each visited node's items: the last visited come first.
    const collected: T[] = [];
    for (let i = visited.length - 1; i >= 0; i--) {
      const node = visited[i]!;
      collected.push(...node.first, ...node.middle, ...node.last);
    }
    return collected;
  }

  /**
   * Removes the first occurrence of `item` under exactly the key `segments`
   * (patterns are not expanded: `foo.*` names the `*` node itself), looking in
   * the first, then middle, then last section. Returns whether it removed one.
   */
  remove(segments: readonly string[], item: T): boolean {
    const path: TrieNode<T>[] = [this.#root];
    for (const segment of segments) {
      const child = path[path.length - 1]!.children.get(segment);
      if (child === undefined) return false;
      path.push(child);
    }
    const node = path[path.length - 1]!;
    const section = (['first', 'middle', 'last'] as const).find((name) => node[name].includes(item));
    if (section === undefined) return false;
    node[section].splice(node[section].indexOf(item), 1);
    this.#prune(path);
    return true;
  }

  /**
   * Whether any item could be found for a name that is `segments` or starts
   * with `segments` plus a dot: an item on a node matched along the way, or
   * any node at all matched at the end (every node other than the root holds
   * items or has children). Conservative where a glob below could match
   * nothing; exact otherwise.
   */
  mayHaveItems(segments: readonly string[]): boolean {
    let frontier: TrieNode<T>[] = [this.#root];
    for (const segment of segments) {
      const next: TrieNode<T>[] = [];
      for (const node of frontier) {
        if (itemCount(node) > 0) return true;
        const direct = node.children.get(segment);
        if (direct !== undefined) next.push(direct);
        for (const child of node.patternChildren) {
          if (child !== direct && child.matches!(segment)) next.push(child);
        }
      }
      if (next.length === 0) return false;
      frontier = next;
    }
    return true;
  }

  /** An independent trie with the same items in the same order (the items themselves are shared). */
  copy(): PrefixTrie<T> {
    const copied = new PrefixTrie<T>();
    copied.#root = copyNode(this.#root);
    return copied;
  }

  /** Removes the now-empty nodes at the end of `path`, deepest first. */
  #prune(path: TrieNode<T>[]): void {
    for (let i = path.length - 1; i > 0; i--) {
      const node = path[i]!;
      if (itemCount(node) > 0 || node.children.size > 0) return;
      const parent = path[i - 1]!;
      parent.children.delete(node.segment!);
      if (node.matches !== undefined) parent.patternChildren.splice(parent.patternChildren.indexOf(node), 1);
    }
  }
}

function copyNode<T>(node: TrieNode<T>): TrieNode<T> {
  const copied = createNode<T>(node.segment, node.matches);
  copied.first.push(...node.first);
  copied.middle.push(...node.middle);
  copied.last.push(...node.last);
  for (const [segment, child] of node.children) copied.children.set(segment, copyNode(child));
  for (const child of node.patternChildren) copied.patternChildren.push(copied.children.get(child.segment!)!);
  return copied;
}
