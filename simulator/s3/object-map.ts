// A bucket's objects by key, remembering what was put and removed since it was last asked. CloudWatch's daily
// BucketSizeBytes adds up what changed since the previous day instead of looking at every object every day:
// after months of CloudTrail deliveries a bucket holds tens of thousands of log files.
import type { StoredObject } from './stored-object';

export class ObjectMap extends Map<string, StoredObject> {
  private added: StoredObject[] = [];
  private removed: StoredObject[] = [];
  /** The keys in order, as of the last sortedKeys(), and the keys put since (a listing sorted the whole bucket
   *  each time: after a 91-day fast-forward, 10,000s of digests and log files, for every page of 10). */
  private sorted: string[] | undefined;
  private newKeys: string[] = [];

  override set(key: string, o: StoredObject): this {
    const prev = super.get(key);
    if (prev) this.removed.push(prev);
    else if (this.sorted) this.newKeys.push(key);
    this.added.push(o);
    return super.set(key, o);
  }

  override delete(key: string): boolean {
    const prev = super.get(key);
    if (prev) {
      this.removed.push(prev);
      this.sorted = undefined;
    }
    return super.delete(key);
  }

  override clear(): void {
    for (const o of super.values()) this.removed.push(o);
    this.sorted = undefined;
    super.clear();
  }

  /** Every key in the order of a plain sort(); callers must not change the array. Keys put since the last call
   *  are sorted and merged in; a removal sorts again. */
  sortedKeys(): readonly string[] {
    if (!this.sorted) {
      this.sorted = [...super.keys()].sort();
      this.newKeys = [];
      return this.sorted;
    }
    if (this.newKeys.length > 0) {
      const add = this.newKeys.sort();
      const old = this.sorted;
      const merged = new Array<string>(old.length + add.length);
      let i = 0;
      let j = 0;
      for (let k = 0; k < merged.length; k++) merged[k] = j >= add.length || (i < old.length && old[i]! <= add[j]!) ? old[i++]! : add[j++]!;
      this.sorted = merged;
      this.newKeys = [];
    }
    return this.sorted;
  }

  /** The objects put and the objects removed or replaced since the last call, in order. */
  takeChanges(): { added: StoredObject[]; removed: StoredObject[] } {
    const changes = { added: this.added, removed: this.removed };
    this.added = [];
    this.removed = [];
    return changes;
  }
}

/** The same objects in an ObjectMap, every one of them counted as put. */
export function objectMapOf(objects: Iterable<[string, StoredObject]>): ObjectMap {
  const m = new ObjectMap();
  for (const [k, o] of objects) m.set(k, o);
  return m;
}
