// The verdicts a rule set has reached, kept under the values an event holds at the set's tested paths. Every
// event CloudTrail hands a Region's rules is looked up here, so the lookup makes nothing new: one map per path,
// keyed by the path's value itself when it is a single string (the usual case: an eventName or a detail-type,
// strings whose hashes V8 already knows), else by the value list written as text (listKey).

import type { Leaf } from './pattern-types';

/**
 * A list of leaves as text that no other list shares, cheaper to make than its JSON: each leaf is tagged with its
 * type, a string also with its length (so no content can pass for what follows it), a number ends at ";" (never
 * in a number's text), and "|" ends the list. Like JSON, it writes 0 and -0 alike, which every matcher treats
 * alike too.
 */
export function listKey(values: readonly Leaf[]): string {
  let key = '';
  for (const v of values) {
    key += typeof v === 'string' ? `s${v.length}:${v}` : typeof v === 'number' ? `n${v};` : v === null ? 'z' : v ? 't' : 'f';
  }
  return `${key}|`;
}

/** A path with no value, as a listKey never reads (every listKey ends with "|"). */
const NONE = '-';

interface Node<V> {
  /** Next path's nodes by this path's value, when that is exactly one string. */
  single?: Map<string, Node<V>>;
  /** Next path's nodes by listKey of this path's values (NONE for none), for every other list. */
  lists?: Map<string, Node<V>>;
  verdict?: V;
}

/** Whether `values` is one string, keyed in `single` by itself: a string and a list holding more (or another
 *  kind of leaf) are in different maps, so they never meet. */
function oneString(values: readonly Leaf[]): values is [string] {
  return values.length === 1 && typeof values[0] === 'string';
}

/** Verdicts by the value lists of a fixed number of paths (each list as PathsReader reads it, empty for none). */
export class VerdictTree<V> {
  private root: Node<V> = {};
  private size = 0;

  /** `maxVerdicts`: kept verdicts before starting over (ever-changing tested values must not grow this without
   *  end). `maxChars`: values longer than this in all are not remembered (a policy document, say). */
  constructor(
    private readonly maxVerdicts: number,
    private readonly maxChars: number,
  ) {}

  get(lists: readonly (readonly Leaf[])[]): V | undefined {
    let node: Node<V> | undefined = this.root;
    for (const values of lists) {
      node = oneString(values) ? node.single?.get(values[0]) : node.lists?.get(values.length === 0 ? NONE : listKey(values));
      if (node === undefined) return undefined;
    }
    return node.verdict;
  }

  set(lists: readonly (readonly Leaf[])[], verdict: V): void {
    let chars = 0;
    for (const values of lists) for (const v of values) chars += typeof v === 'string' ? v.length : 1;
    if (chars > this.maxChars) return;
    if (this.size >= this.maxVerdicts && this.get(lists) === undefined) {
      this.root = {};
      this.size = 0;
    }
    let node = this.root;
    for (const values of lists) {
      const single = oneString(values);
      const map = single ? (node.single ??= new Map()) : (node.lists ??= new Map());
      const key = single ? values[0] : values.length === 0 ? NONE : listKey(values);
      let next = map.get(key);
      if (next === undefined) map.set(key, (next = {}));
      node = next;
    }
    if (node.verdict === undefined) this.size += 1;
    node.verdict = verdict;
  }
}
