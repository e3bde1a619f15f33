// Reads the values at a few dotted paths of an event without walking the rest of it: what flattenEvent
// (pattern-match.ts) would give for those paths, for the bus, which needs only the paths its rules test.
import type { Json, JsonObject } from '../core/contract';
import type { Flattened } from './pattern-match';
import type { Leaf } from './pattern-types';

const enumerableOwn = Object.prototype.propertyIsEnumerable;

/**
 * A place in the paths read so far: the path text it stands for (a tested path's start, ending where a member
 * name may end), which tested paths end here, and each member name that goes on from here to another place.
 * flattenEvent names a member `path.key`, or just `key` at the top, so a member named `a.b` and a member `a`
 * holding `b` lead to the same place, and a member named "" at the top leads back to the top.
 */
interface Place {
  /** Indexes of the tested paths that end here (a path given twice has two). */
  readonly ends: number[];
  readonly next: Array<{ readonly key: string; readonly to: Place }>;
}

/**
 * The places of a set of paths, shared between paths with a common start: the bus's rules test several members
 * of `detail`, and each was read from the top on its own before (the event's `detail`, and the names that could
 * stand for the whole path, looked up once per path).
 */
function placesOf(paths: readonly string[]): Place {
  const byText = new Map<string, Place>();
  const place = (text: string): Place => {
    let p = byText.get(text);
    if (p === undefined) byText.set(text, (p = { ends: [], next: [] }));
    return p;
  };
  const top = place('');
  const link = (from: Place, key: string, to: Place): void => {
    if (!from.next.some((n) => n.key === key)) from.next.push({ key, to });
  };
  paths.forEach((path, index) => {
    // Where a member name may end: at each dot and at the end.
    const ends: number[] = [];
    for (let i = 0; i < path.length; i++) if (path[i] === '.') ends.push(i);
    ends.push(path.length);
    // At the top (or below "" members there) a member's name is the whole path so far: "" stays at the top,
    // any other name must be how the path starts.
    link(top, '', top);
    for (const to of ends) if (to > 0) link(top, path.slice(0, to), place(path.slice(0, to)));
    // Further down a name follows the dot at `pos`.
    for (const pos of ends) {
      if (pos === 0 || pos === path.length) continue;
      const from = place(path.slice(0, pos));
      for (const to of ends) if (to > pos) link(from, path.slice(pos + 1, to), place(path.slice(0, to)));
    }
    place(path).ends.push(index);
  });
  return top;
}

/** Reads a fixed set of paths from events: the part of flattenEvent's map that those paths make up. */
export class PathsReader {
  private readonly paths: string[];
  private readonly top: Place;

  constructor(paths: Iterable<string>) {
    this.paths = [...paths];
    this.top = placesOf(this.paths);
  }

  /** Each path with at least one value, as flattenEvent lists it for an object event (the order within a list
   *  may differ, which no matcher notices). */
  read(event: JsonObject): Flattened {
    const lists: Leaf[][] = [];
    this.readLists(event, lists);
    const out: Flattened = new Map();
    for (let i = 0; i < this.paths.length; i++) if (lists[i]!.length > 0) out.set(this.paths[i]!, lists[i]!);
    return out;
  }

  /** The same values into `lists`, one list per path in the order given to the constructor (emptied first; an
   *  empty list where `read` would leave the path out): the bus reads every event into the same lists. */
  readLists(event: JsonObject, lists: Leaf[][]): void {
    for (let i = 0; i < this.paths.length; i++) {
      const values = (lists[i] ??= []);
      // Usually one value to drop: pop is inlined where setting the length is a call.
      while (values.length > 0) values.pop();
    }
    from(event, this.top, false, lists);
  }
}

/** Appends the leaf values under `value`, found at `place`, to the lists (`out`) of the paths ending there. */
function from(value: Json | undefined, place: Place, inArray: boolean, out: Leaf[][]): void {
  if (value === undefined) {
    // An undefined member does not exist; an undefined array element reads as null (JSON's rules).
    if (inArray) put(place, null, out);
  } else if (Array.isArray(value)) {
    for (const item of value as Array<Json | undefined>) from(item, place, true, out);
  } else if (value !== null && typeof value === 'object') {
    // An object has no value of its own, only its members on longer paths (or on "" via a "" member).
    // Most names tried are absent (a whole dotted path as one name, say): those are told by their value,
    // before the dearer own-and-enumerable test. An undefined member adds nothing either way.
    const next = place.next;
    for (let i = 0; i < next.length; i++) {
      const { key, to } = next[i]!;
      const member = value[key];
      if (member !== undefined && enumerableOwn.call(value, key)) from(member, to, false, out);
    }
  } else {
    put(place, typeof value === 'number' && !Number.isFinite(value) ? null : value, out);
  }
}

function put(place: Place, leaf: Leaf, out: Leaf[][]): void {
  const ends = place.ends;
  for (let i = 0; i < ends.length; i++) out[ends[i]!]!.push(leaf);
}
