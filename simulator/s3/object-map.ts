// A bucket's objects by key, remembering what was put and removed since it was last asked. CloudWatch's daily
// BucketSizeBytes adds up what changed since the previous day instead of looking at every object every day:
// after months of CloudTrail deliveries a bucket holds tens of thousands of log files.
import type { StoredObject } from './stored-object';

export class ObjectMap extends Map<string, StoredObject> {
  private added: StoredObject[] = [];
  private removed: StoredObject[] = [];

  override set(key: string, o: StoredObject): this {
    const prev = super.get(key);
    if (prev) this.removed.push(prev);
    this.added.push(o);
    return super.set(key, o);
  }

  override delete(key: string): boolean {
    const prev = super.get(key);
    if (prev) this.removed.push(prev);
    return super.delete(key);
  }

  override clear(): void {
    for (const o of super.values()) this.removed.push(o);
    super.clear();
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
