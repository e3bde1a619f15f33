// One Region's event history: records kept as their JSON strings in arrival order, with an index from
// "attribute\0value" to the ascending ids of matching records, so a lookup over a million records walks
// only its own matches. Records normally arrive in eventTime order (the clock only moves forward); the
// rare out-of-order arrival switches queries to a sort-based path that gives the same answers.

export interface StoredEvent {
  id: number;
  timeMs: number;
  json: string;
}

export interface StoreQuery {
  key?: string;
  startMs: number;
  endMs: number;
  /** Only events strictly older than this (time, id) position, newest first. */
  before?: { timeMs: number; id: number };
  limit: number;
}

export interface EventStoreSnapshot {
  times: number[];
  jsons: string[];
}

const COMPACT_AFTER = 4096;

export class EventStore {
  private base = 0;
  private head = 0;
  private times: number[] = [];
  private jsons: string[] = [];
  /** A key seen once holds its id as a number (event ids and most resource names are unique), saving an
   *  array per record; a second id turns it into an ascending array. */
  private index = new Map<string, number | number[]>();
  private monotonic = true;

  get size(): number {
    return this.times.length - this.head;
  }

  add(timeMs: number, json: string, keys: string[]): number {
    const last = this.times[this.times.length - 1];
    if (last !== undefined && timeMs < last) this.monotonic = false;
    const id = this.base + this.times.length;
    this.times.push(timeMs);
    this.jsons.push(json);
    for (const key of keys) {
      const entry = this.index.get(key);
      if (entry === undefined) this.index.set(key, id);
      else if (typeof entry === 'number') {
        if (entry !== id) this.index.set(key, [entry, id]);
      } else if (entry[entry.length - 1] !== id) entry.push(id);
    }
    return id;
  }

  /** Forgets events older than cutoffMs (Event history keeps 90 days). */
  expireBefore(cutoffMs: number): void {
    while (this.head < this.times.length && this.times[this.head]! < cutoffMs) this.head++;
    if (!this.monotonic) {
      const stale = this.times.some((t, i) => i >= this.head && t < cutoffMs);
      if (stale) this.rebuild(cutoffMs);
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.times.length) this.rebuild(cutoffMs);
  }

  query(q: StoreQuery): StoredEvent[] {
    const entry = q.key === undefined ? undefined : (this.index.get(q.key) ?? []);
    const ids = typeof entry === 'number' ? [entry] : entry;
    return this.monotonic ? this.queryOrdered(ids, q) : this.querySorted(ids, q);
  }

  snapshot(): EventStoreSnapshot {
    return { times: this.times.slice(this.head), jsons: this.jsons.slice(this.head) };
  }

  static restore(s: EventStoreSnapshot, keysOf: (json: string) => string[]): EventStore {
    const store = new EventStore();
    s.times.forEach((t, i) => store.add(t, s.jsons[i]!, keysOf(s.jsons[i]!)));
    return store;
  }

  private queryOrdered(ids: number[] | undefined, q: StoreQuery): StoredEvent[] {
    // Highest position whose time is <= endMs; times are non-decreasing in id order here.
    let lo = this.head;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! <= q.endMs) lo = mid + 1;
      else hi = mid;
    }
    let maxId = this.base + lo - 1;
    if (q.before) maxId = Math.min(maxId, q.before.id - 1);
    const minId = this.base + this.head;
    const out: StoredEvent[] = [];
    const take = (id: number): boolean => {
      const t = this.times[id - this.base]!;
      if (t < q.startMs) return false;
      out.push({ id, timeMs: t, json: this.jsons[id - this.base]! });
      return out.length < q.limit;
    };
    if (!ids) {
      for (let id = maxId; id >= minId; id--) if (!take(id)) break;
      return out;
    }
    let l = 0;
    let h = ids.length;
    while (l < h) {
      const mid = (l + h) >> 1;
      if (ids[mid]! <= maxId) l = mid + 1;
      else h = mid;
    }
    for (let i = l - 1; i >= 0 && ids[i]! >= minId; i--) if (!take(ids[i]!)) break;
    return out;
  }

  private querySorted(ids: number[] | undefined, q: StoreQuery): StoredEvent[] {
    const candidates: StoredEvent[] = [];
    const consider = (id: number): void => {
      const i = id - this.base;
      if (i < this.head) return;
      const t = this.times[i]!;
      if (t < q.startMs || t > q.endMs) return;
      if (q.before && (t > q.before.timeMs || (t === q.before.timeMs && id >= q.before.id))) return;
      candidates.push({ id, timeMs: t, json: this.jsons[i]! });
    };
    if (ids) ids.forEach(consider);
    else for (let i = this.head; i < this.times.length; i++) consider(this.base + i);
    candidates.sort((a, b) => b.timeMs - a.timeMs || b.id - a.id);
    return candidates.slice(0, q.limit);
  }

  private rebuild(cutoffMs: number): void {
    const keep: number[] = [];
    for (let i = this.head; i < this.times.length; i++) if (this.times[i]! >= cutoffMs) keep.push(i);
    if (keep.length === this.times.length - this.head) {
      // Contiguous survivors keep their ids, so NextTokens issued before the compaction stay valid.
      const newBase = this.base + this.head;
      this.times = this.times.slice(this.head);
      this.jsons = this.jsons.slice(this.head);
      for (const [key, entry] of this.index) {
        if (typeof entry === 'number') {
          if (entry < newBase) this.index.delete(key);
        } else if (entry[0]! < newBase) {
          const next = entry.filter((id) => id >= newBase);
          if (next.length === 0) this.index.delete(key);
          else this.index.set(key, next.length === 1 ? next[0]! : next);
        }
      }
      this.base = newBase;
      this.head = 0;
      return;
    }
    const remap = new Map<number, number>();
    const newBase = this.base + this.times.length;
    keep.forEach((i, n) => remap.set(this.base + i, newBase + n));
    this.times = keep.map((i) => this.times[i]!);
    this.jsons = keep.map((i) => this.jsons[i]!);
    for (const [key, entry] of this.index) {
      const next = (typeof entry === 'number' ? [entry] : entry).flatMap((id) => (remap.has(id) ? [remap.get(id)!] : []));
      if (next.length === 0) this.index.delete(key);
      else this.index.set(key, next.length === 1 ? next[0]! : next);
    }
    this.base = newBase;
    this.head = 0;
    this.monotonic = this.times.every((t, i) => i === 0 || t >= this.times[i - 1]!);
  }
}
