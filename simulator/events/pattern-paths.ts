// Reads the values at a few dotted paths of an event without walking the rest of it: what flattenEvent
// (pattern-match.ts) would give for those paths, for the bus, which needs only the paths its rules test.
import type { Json, JsonObject } from '../core/contract';
import type { Flattened } from './pattern-match';
import type { Leaf } from './pattern-types';

const enumerableOwn = Object.prototype.propertyIsEnumerable;

/**
 * One dotted path, ready to be read. flattenEvent names a member `path.key`, or just `key` at the top, so a
 * member named `a.b` and a member `a` holding `b` are the same path, and a member named "" at the top adds
 * nothing to the path. The reader follows every member name that keeps it on the path: where the path read so
 * far ends (a position in the path text), the names that may come next are worked out once, here.
 */
class PathReader {
  /** next[pos]: each member name that continues the path from `pos`, with the position it leads to. */
  private readonly next: Array<Array<{ key: string; to: number }>> = [];

  constructor(readonly path: string) {
    const ends: number[] = [];
    for (let i = 0; i < path.length; i++) if (path[i] === '.') ends.push(i);
    ends.push(path.length);
    // While the path read so far is empty (at the top, or below "" members there) a member's name is the whole
    // path so far: "" stays at the start, any other name must be how the path starts.
    this.next[0] = [{ key: '', to: 0 }, ...ends.filter((to) => to > 0).map((to) => ({ key: path.slice(0, to), to }))];
    // Further down a name follows the dot at `pos`.
    for (const pos of ends) {
      if (pos === 0 || pos === path.length) continue;
      this.next[pos] = ends.filter((to) => to > pos).map((to) => ({ key: path.slice(pos + 1, to), to }));
    }
  }

  /** Appends to `out` the leaf values flattenEvent would list under the path, in an order of its own. */
  read(value: Json | undefined, out: Leaf[]): void {
    this.from(value, 0, false, out);
  }

  private from(value: Json | undefined, pos: number, inArray: boolean, out: Leaf[]): void {
    const exact = pos === this.path.length;
    if (value === undefined) {
      // An undefined member does not exist; an undefined array element reads as null (JSON's rules).
      if (inArray && exact) out.push(null);
    } else if (Array.isArray(value)) {
      for (const item of value as Array<Json | undefined>) this.from(item, pos, true, out);
    } else if (value !== null && typeof value === 'object') {
      // An object has no value of its own, only its members on longer paths (or on "" via a "" member).
      // Most names tried are absent (a whole dotted path as one name, say): those are told by their value,
      // before the dearer own-and-enumerable test. An undefined member adds nothing either way.
      for (const { key, to } of this.next[pos] ?? []) {
        const member = value[key];
        if (member !== undefined && enumerableOwn.call(value, key)) this.from(member, to, false, out);
      }
    } else if (exact) {
      out.push(typeof value === 'number' && !Number.isFinite(value) ? null : value);
    }
  }
}

/** Reads a fixed set of paths from events: the part of flattenEvent's map that those paths make up. */
export class PathsReader {
  private readonly readers: PathReader[];

  constructor(paths: Iterable<string>) {
    this.readers = [...paths].map((p) => new PathReader(p));
  }

  /** Each path with at least one value, as flattenEvent lists it for an object event (the order within a list
   *  may differ, which no matcher notices). */
  read(event: JsonObject): Flattened {
    const out: Flattened = new Map();
    for (const reader of this.readers) {
      const values: Leaf[] = [];
      reader.read(event, values);
      if (values.length > 0) out.set(reader.path, values);
    }
    return out;
  }

  /** The same values into `lists`, one list per path in the order given to the constructor (emptied first; an
   *  empty list where `read` would leave the path out): the bus reads every event into the same lists. */
  readLists(event: JsonObject, lists: Leaf[][]): void {
    const readers = this.readers;
    for (let i = 0; i < readers.length; i++) {
      const values = (lists[i] ??= []);
      // Usually one value to drop: pop is inlined where setting the length is a call.
      while (values.length > 0) values.pop();
      readers[i]!.read(event, values);
    }
  }
}
