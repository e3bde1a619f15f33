// One Region's event history: records kept in arrival order, their JSON texts cut into shared templates and
// per-record values (TemplatedTexts: about a tenth of the memory of the strings), with an index from
// "attribute\0value" to the ascending ids of matching records, so a lookup over a million records walks
// only its own matches. Keys unique to one record (event ids) live in an open-addressing hash table of
// ints instead of a Map entry each. Records normally arrive in eventTime order (the clock only moves
// forward); the rare out-of-order arrival switches queries to a sort-based path that gives the same answers.
import { TemplatedTexts, type TemplatedTextsSnapshot } from '../../core/templated-texts';
import { Postings, postingsOf } from './postings';

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

/** Version 1 kept every record's JSON text; version 2 keeps them as templates and values (a tenth the size). */
export type EventStoreSnapshot = { times: number[]; jsons: string[] } | { times: number[]; texts: TemplatedTextsSnapshot };

const COMPACT_AFTER = 4096;

/** FNV-1a over the key: spreads event ids (random hex) well enough for linear probing. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Positions (store ids) of records by a key that names one record; several records may share a key. */
class UniqueKeyTable {
  private slots = new Int32Array(1 << 12);
  private used = 0;
  /** The key hash of each stored id, so the table can be rebuilt without the keys. */
  private hashes: number[] = [];

  constructor(private hashBase = 0) {}

  add(id: number, key: string): void {
    const h = hashOf(key);
    this.hashes[id - this.hashBase] = h;
    this.place(id, h);
  }

  private place(id: number, h: number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = id + 1;
    this.used++;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.used = 0;
    for (const v of old) if (v !== 0) this.place(v - 1, this.hashes[v - 1 - this.hashBase]!);
  }

  /** Ids whose key hash equals the key's, ascending; the caller confirms each against the record. */
  candidates(key: string): number[] {
    const h = hashOf(key);
    const mask = this.slots.length - 1;
    const out: number[] = [];
    for (let i = h & mask; this.slots[i] !== 0; i = (i + 1) & mask) {
      const id = this.slots[i]! - 1;
      if (this.hashes[id - this.hashBase] === h) out.push(id);
    }
    return out.sort((a, b) => a - b);
  }

  /** A table holding only `ids` (with their old hashes), for ids renumbered by `renumber`. */
  rebuilt(ids: number[], renumber: (id: number) => number, newBase: number): UniqueKeyTable {
    const t = new UniqueKeyTable(newBase);
    for (const id of ids) {
      const h = this.hashes[id - this.hashBase];
      if (h === undefined) continue;
      const nid = renumber(id);
      t.hashes[nid - newBase] = h;
      t.place(nid, h);
    }
    return t;
  }
}

export interface EventStoreOptions {
  /** Keys with this prefix name one record each (EventId): indexed in a hash table, confirmed by `keyOf`. */
  uniquePrefix?: string;
  /** Whether the record with this JSON has this unique key. */
  hasUniqueKey?: (json: string, key: string) => boolean;
}

export class EventStore {
  private base = 0;
  private head = 0;
  private times: number[] = [];
  private texts = new TemplatedTexts();
  private unique = new UniqueKeyTable();
  /** A key seen once holds its id as a number (event ids and most resource names are unique), saving an
   *  array per record; a second id turns it into ascending Postings. */
  private index = new Map<string, number | Postings>();
  private monotonic = true;

  constructor(private readonly options: EventStoreOptions = {}) {}

  get size(): number {
    return this.times.length - this.head;
  }

  private json(position: number): string {
    return this.texts.get(position);
  }

  /** `values`: the record's own varying values in the order its JSON holds them (see TemplatedTexts). */
  add(timeMs: number, json: string, keys: string[], values: readonly (string | undefined)[] = []): number {
    this.texts.add(json, values);
    return this.indexed(timeMs, keys);
  }

  /** Copies the text of record `id` into `into` (TemplatedTexts.copyFrom) while this store still holds it;
   *  undefined once it has expired. */
  copyText(id: number, into: TemplatedTexts): number | undefined {
    const position = id - this.base;
    if (position < this.head || position >= this.times.length) return undefined;
    return into.copyFrom(this.texts, position);
  }

  /** Records the time and keys of the text just stored at the next position. */
  private indexed(timeMs: number, keys: string[]): number {
    const last = this.times[this.times.length - 1];
    if (last !== undefined && timeMs < last) this.monotonic = false;
    const id = this.base + this.times.length;
    this.times.push(timeMs);
    const prefix = this.options.uniquePrefix;
    for (const key of keys) {
      if (prefix !== undefined && key.startsWith(prefix)) {
        this.unique.add(id, key);
        continue;
      }
      const entry = this.index.get(key);
      if (entry === undefined) this.index.set(key, id);
      else if (typeof entry === 'number') {
        if (entry !== id) this.index.set(key, Postings.of([entry, id]));
      } else if (entry.last !== id) entry.push(id);
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
    const ids = q.key === undefined ? undefined : this.idsOf(q.key);
    return this.monotonic ? this.queryOrdered(ids, q) : this.querySorted(ids, q);
  }

  private idsOf(key: string): ArrayLike<number> {
    const prefix = this.options.uniquePrefix;
    if (prefix !== undefined && key.startsWith(prefix)) {
      const has = this.options.hasUniqueKey;
      const minId = this.base + this.head;
      return this.unique.candidates(key).filter((id) => id >= minId && (!has || has(this.json(id - this.base), key)));
    }
    const entry = this.index.get(key);
    return entry === undefined ? [] : typeof entry === 'number' ? [entry] : entry.ids();
  }

  snapshot(): EventStoreSnapshot {
    const jsons: string[] = [];
    for (let i = this.head; i < this.times.length; i++) jsons.push(this.json(i));
    return { times: this.times.slice(this.head), jsons };
  }

  compactSnapshot(): EventStoreSnapshot {
    const live = Array.from({ length: this.times.length - this.head }, (_, n) => this.head + n);
    return { times: this.times.slice(this.head), texts: this.texts.snapshot(live) };
  }

  static restore(
    s: EventStoreSnapshot,
    entryOf: (json: string) => { keys: string[]; values?: readonly (string | undefined)[] },
    options: EventStoreOptions = {},
  ): EventStore {
    const store = new EventStore(options);
    if (!Array.isArray(s.times) || !s.times.every((t) => typeof t === 'number')) throw new Error('event history snapshot: malformed');
    if ('texts' in s && s.texts && 'columns' in s.texts) {
      // Texts come back as they were stored; only the index is rebuilt, from each record's keys.
      store.texts = TemplatedTexts.fromSnapshot(s.texts);
      if (store.texts.size !== s.times.length) throw new Error('event history snapshot: malformed');
      s.times.forEach((t, i) => store.indexed(t, entryOf(store.texts.get(i)).keys));
      return store;
    }
    const jsons = 'jsons' in s ? s.jsons : TemplatedTexts.textsOf(s.texts);
    if (jsons.length !== s.times.length) throw new Error('event history snapshot: malformed');
    s.times.forEach((t, i) => {
      const e = entryOf(jsons[i]!);
      store.add(t, jsons[i]!, e.keys, e.values);
    });
    return store;
  }

  private queryOrdered(ids: ArrayLike<number> | undefined, q: StoreQuery): StoredEvent[] {
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
      out.push({ id, timeMs: t, json: this.json(id - this.base) });
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

  private querySorted(ids: ArrayLike<number> | undefined, q: StoreQuery): StoredEvent[] {
    const candidates: StoredEvent[] = [];
    const consider = (id: number): void => {
      const i = id - this.base;
      if (i < this.head) return;
      const t = this.times[i]!;
      if (t < q.startMs || t > q.endMs) return;
      if (q.before && (t > q.before.timeMs || (t === q.before.timeMs && id >= q.before.id))) return;
      candidates.push({ id, timeMs: t, json: this.json(i) });
    };
    if (ids) for (let i = 0; i < ids.length; i++) consider(ids[i]!);
    else for (let i = this.head; i < this.times.length; i++) consider(this.base + i);
    candidates.sort((a, b) => b.timeMs - a.timeMs || b.id - a.id);
    return candidates.slice(0, q.limit);
  }

  private rebuild(cutoffMs: number): void {
    const keep: number[] = [];
    for (let i = this.head; i < this.times.length; i++) if (this.times[i]! >= cutoffMs) keep.push(i);
    if (keep.length === this.times.length - this.head) {
      // Contiguous survivors keep their ids, so NextTokens issued before the compaction stay valid.
      // Bulk copies: after 90 days, expiry compacts hundreds of thousands of records at a time.
      const newBase = this.base + this.head;
      const survivors = Array.from({ length: this.times.length - this.head }, (_, n) => this.base + this.head + n);
      this.unique = this.unique.rebuilt(survivors, (id) => id, newBase);
      this.times = this.times.slice(this.head);
      this.texts = this.texts.keepFrom(this.head);
      for (const [key, entry] of this.index) {
        if (typeof entry === 'number') {
          if (entry < newBase) this.index.delete(key);
        } else if (entry.first < newBase) {
          const next = entry.from(newBase);
          if (next === undefined) this.index.delete(key);
          else this.index.set(key, next);
        }
      }
      this.base = newBase;
      this.head = 0;
      return;
    }
    const remap = new Map<number, number>();
    const newBase = this.base + this.times.length;
    keep.forEach((i, n) => remap.set(this.base + i, newBase + n));
    this.unique = this.unique.rebuilt(keep.map((i) => this.base + i), (id) => remap.get(id)!, newBase);
    this.times = keep.map((i) => this.times[i]!);
    this.texts = this.texts.keep(keep);
    for (const [key, entry] of this.index) {
      const next = postingsOf((typeof entry === 'number' ? [entry] : Array.from(entry.ids())).flatMap((id) => (remap.has(id) ? [remap.get(id)!] : [])));
      if (next === undefined) this.index.delete(key);
      else this.index.set(key, next);
    }
    this.base = newBase;
    this.head = 0;
    this.monotonic = this.times.every((t, i) => i === 0 || t >= this.times[i - 1]!);
  }
}
