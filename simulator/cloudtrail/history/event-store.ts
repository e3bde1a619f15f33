// One Region's event history: records kept in arrival order, their JSON texts cut into shared templates and
// per-record values (TemplatedTexts: about a tenth of the memory of the strings), with an index from
// "attribute\0value" to the ascending ids of matching records, so a lookup over a million records walks
// only its own matches. Keys unique to one record (event ids) live in an open-addressing hash table of
// ints instead of a Map entry each. Records normally arrive in eventTime order (the clock only moves
// forward); the rare out-of-order arrival switches queries to a sort-based path that gives the same answers.
import { TemplatedTexts, type TemplatedTextsSnapshot } from '../../core/templated-texts';
import { BASE64_WRITER, type SnapshotWriter } from '../../core/snapshot-writer';
import { IntColumn } from '../../core/int-column';
import { Postings, postingsOf } from './postings';
import { TimeColumn } from './time-column';

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

/** FNV-1a's offset basis as a signed 32-bit integer: the same hashes, but a seed above 2^31 made V8 keep the
 *  hash as a double through the loop (measured on Node 20: 1.5–2× the time per event id). */
const FNV_SEED = 0x811c9dc5 | 0;

/** FNV-1a over the key: spreads event ids (random hex) well enough for linear probing. `h` is the state after
 *  the characters before `key` (the unique prefix's, see EventStore.add), so the hash of prefix + value is had
 *  from the value alone. */
function hashOf(key: string, h = FNV_SEED): number {
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

/** Positions (store ids) of records by a key that names one record; several records may share a key. It holds
 *  a slot for every record (its event id), so it is filled to three quarters before it doubles, not half:
 *  linear probing over well-spread hashes stays short there, for about a third fewer bytes a record. */
class UniqueKeyTable {
  private slots = new Int32Array(1 << 12);
  private used = 0;
  /** The key hash of each stored id (by id - hashBase), so the table can be rebuilt without the keys. */
  private hashes = new IntColumn();

  constructor(private hashBase = 0) {}

  /** `h`: the key's hashOf. */
  add(id: number, h: number): void {
    this.setHash(id, h);
    this.place(id, h);
  }

  /** Ids arrive in ascending order; one without a key (an Insights record, say) leaves a gap, filled with 0. */
  private setHash(id: number, h: number): void {
    const at = id - this.hashBase;
    while (this.hashes.length < at) this.hashes.push(0);
    if (at < this.hashes.length) this.hashes.set(at, h);
    else this.hashes.push(h);
  }

  private hashAt(id: number): number | undefined {
    const at = id - this.hashBase;
    return at >= 0 && at < this.hashes.length ? this.hashes.at(at) : undefined;
  }

  private place(id: number, h: number): void {
    if ((this.used + 1) * 4 > this.slots.length * 3) this.grow();
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
    for (const v of old) if (v !== 0) this.place(v - 1, this.hashAt(v - 1)!);
  }

  /** Ids whose key hash is `h`, ascending; the caller confirms each against the record. */
  candidates(h: number): number[] {
    const mask = this.slots.length - 1;
    const out: number[] = [];
    for (let i = h & mask; this.slots[i] !== 0; i = (i + 1) & mask) {
      const id = this.slots[i]! - 1;
      if (this.hashAt(id) === h) out.push(id);
    }
    return out.sort((a, b) => a - b);
  }

  /** Visits each id in the table with its key hash. */
  forEach(visit: (id: number, h: number) => void): void {
    for (const v of this.slots) if (v !== 0) visit(v - 1, this.hashAt(v - 1)!);
  }
}

/** Ids a segment of the unique keys holds: 64 K ids, a table of 128 K slots (512 KB) when full. */
const SEGMENT_IDS = 1 << 16;

/**
 * The unique keys as one table per 64 K consecutive ids. Expiry drops the oldest records, so it drops whole
 * segments and keeps the others as they are: rebuilding one table for the survivors re-placed every kept id
 * at a random place in a table of megabytes (after a 91-day fast-forward, most of the advance's time). A
 * lookup asks each segment (a few dozen at a million records). Ids below the store's first live id may stay in
 * the oldest segment; the store filters them out, as it always has.
 */
class UniqueKeys {
  private segments: { firstId: number; table: UniqueKeyTable }[] = [];

  add(id: number, h: number): void {
    let last = this.segments[this.segments.length - 1];
    if (last === undefined || id - last.firstId >= SEGMENT_IDS) {
      last = { firstId: id, table: new UniqueKeyTable(id) };
      this.segments.push(last);
    }
    last.table.add(id, h);
  }

  /** Ids whose key hash equals the key's, ascending; the caller confirms each against the record. */
  candidates(key: string): number[] {
    const h = hashOf(key);
    const out: number[] = [];
    for (const s of this.segments) for (const id of s.table.candidates(h)) out.push(id);
    return out;
  }

  /** Forgets the segments whose ids all come before `firstLive`. */
  dropBefore(firstLive: number): void {
    let n = 0;
    while (n < this.segments.length && this.segments[n]!.firstId + SEGMENT_IDS <= firstLive) n++;
    if (n > 0) this.segments = this.segments.slice(n);
  }

  /** The keys of the ids `renumber` keeps (undefined: dropped), renumbered, with their old hashes. */
  rebuilt(renumber: (id: number) => number | undefined): UniqueKeys {
    const kept: { id: number; h: number }[] = [];
    for (const s of this.segments) {
      s.table.forEach((id, h) => {
        const nid = renumber(id);
        if (nid !== undefined) kept.push({ id: nid, h });
      });
    }
    kept.sort((a, b) => a.id - b.id);
    const out = new UniqueKeys();
    for (const k of kept) out.add(k.id, k.h);
    return out;
  }
}

export interface EventStoreOptions {
  /** Keys with this prefix name one record each (EventId): indexed in a hash table, confirmed by `keyOf`. */
  uniquePrefix?: string;
  /** Whether the record with this JSON has this unique key. */
  hasUniqueKey?: (json: string, key: string) => boolean;
}

export class EventStore {
  /** hashOf's state after the unique prefix. */
  private readonly prefixHash: number;
  private base = 0;
  private head = 0;
  private times = new TimeColumn();
  private texts = new TemplatedTexts();
  private unique = new UniqueKeys();
  /** A key seen once holds its id as a number (event ids and most resource names are unique), saving an
   *  array per record; a second id turns it into ascending Postings. */
  private index = new Map<string, number | Postings>();
  private monotonic = true;

  constructor(private readonly options: EventStoreOptions = {}) {
    this.prefixHash = hashOf(options.uniquePrefix ?? '');
  }

  get size(): number {
    return this.times.length - this.head;
  }

  private json(position: number): string {
    return this.texts.get(position);
  }

  /** `values`: the record's own varying values in the order its JSON holds them (see TemplatedTexts).
   *  `unique`: the value of the record's unique key, indexed as the key `uniquePrefix + unique` among `keys`
   *  is, without that string being made and then flattened to be hashed (an event id per record). */
  add(timeMs: number, json: string, keys: string[], values: readonly (string | undefined)[] = [], unique?: string): number {
    this.texts.add(json, values);
    return this.indexed(timeMs, keys, unique);
  }

  /** Copies the text of record `id` into `into` (TemplatedTexts.copyFrom) while this store still holds it;
   *  undefined once it has expired. */
  copyText(id: number, into: TemplatedTexts): number | undefined {
    const position = id - this.base;
    if (position < this.head || position >= this.times.length) return undefined;
    return into.copyFrom(this.texts, position);
  }

  /** The text of record `id` while this store still holds it; undefined once it has expired. */
  textOf(id: number): string | undefined {
    const position = id - this.base;
    return position < this.head || position >= this.times.length ? undefined : this.texts.get(position);
  }

  /** Records the time and keys of the text just stored at the next position. */
  private indexed(timeMs: number, keys: string[], unique?: string): number {
    if (this.times.length > 0 && timeMs < this.times.at(this.times.length - 1)) this.monotonic = false;
    const id = this.base + this.times.length;
    this.times.push(timeMs);
    const prefix = this.options.uniquePrefix;
    if (unique !== undefined) {
      if (prefix === undefined) throw new Error('event store: a unique key needs a unique prefix');
      this.unique.add(id, hashOf(unique, this.prefixHash));
    }
    // The prefix's last character at its place first: a cheap test that turns away the other keys (their
    // separators sit elsewhere) before startsWith, which V8 runs slowly.
    const end = prefix === undefined ? 0 : prefix.length - 1;
    const endCode = prefix === undefined ? -1 : prefix.charCodeAt(end);
    for (const key of keys) {
      if (prefix !== undefined && (end < 0 || key.charCodeAt(end) === endCode) && key.startsWith(prefix)) {
        this.unique.add(id, hashOf(key));
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

  /**
   * Forgets events older than cutoffMs (Event history keeps 90 days). Before any record stops being readable by
   * its id (copyText, textOf), `losing` is told the ids under which none will be: the expired records' ids, or
   * every id when an out-of-order record makes the store renumber the survivors (see rebuild).
   */
  expireBefore(cutoffMs: number, losing?: (store: EventStore, below: number) => void): void {
    let head = this.head;
    while (head < this.times.length && this.times.at(head) < cutoffMs) head++;
    let stale = false;
    if (!this.monotonic) for (let i = head; !stale && i < this.times.length; i++) stale = this.times.at(i) < cutoffMs;
    if (losing !== undefined && (stale || head > this.head)) losing(this, stale ? Infinity : this.base + head);
    this.head = head;
    if (stale) this.rebuild(cutoffMs);
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.times.length) this.rebuild(cutoffMs);
  }

  query(q: StoreQuery): StoredEvent[] {
    const ids = q.key === undefined ? undefined : this.idsOf(q.key);
    return this.monotonic ? this.queryOrdered(ids, q) : this.querySorted(ids, q);
  }

  private idsOf(key: string): ArrayLike<number> | Postings {
    const prefix = this.options.uniquePrefix;
    if (prefix !== undefined && key.startsWith(prefix)) {
      const has = this.options.hasUniqueKey;
      const minId = this.base + this.head;
      return this.unique.candidates(key).filter((id) => id >= minId && (!has || has(this.json(id - this.base), key)));
    }
    const entry = this.index.get(key);
    return entry === undefined ? [] : typeof entry === 'number' ? [entry] : entry;
  }

  snapshot(): EventStoreSnapshot {
    const jsons: string[] = [];
    for (let i = this.head; i < this.times.length; i++) jsons.push(this.json(i));
    return { times: this.times.toArray(this.head), jsons };
  }

  /** `out` writes the texts (their byte columns as base64 when not given; see SnapshotWriter). */
  compactSnapshot(out: SnapshotWriter = BASE64_WRITER): EventStoreSnapshot {
    // Nothing expired yet (a sandbox's first 90 days): every text is live, and the store saves as it stands,
    // without the copy `snapshot` makes to leave expired texts out (a quarter of a save's time at 100,000).
    if (this.head === 0) return { times: this.savedTimes(out), texts: this.texts.snapshotTo(out) as unknown as TemplatedTextsSnapshot };
    const live = Array.from({ length: this.times.length - this.head }, (_, n) => this.head + n);
    return { times: this.savedTimes(out), texts: this.texts.keep(live).snapshotTo(out) as unknown as TemplatedTextsSnapshot };
  }

  /** The live times as saved: their milliseconds; whole seconds may go to the writer as they are kept. */
  private savedTimes(out: SnapshotWriter): number[] {
    const seconds = out.seconds && this.times.secondsFrom(this.head, out.columns);
    return seconds ? (out.seconds!(seconds) as unknown as number[]) : this.times.toArray(this.head);
  }

  static restore(
    s: EventStoreSnapshot,
    entryOf: (json: string) => { keys: string[]; values?: readonly (string | undefined)[] },
    options: EventStoreOptions = {},
    /** Reads the keys of stored texts by position without entryOf (restored-keys.ts); the texts are the store's. */
    keyReader?: (texts: TemplatedTexts) => (position: number) => { keys: string[]; unique?: string },
  ): EventStore {
    const store = new EventStore(options);
    if (!Array.isArray(s.times) || !s.times.every((t) => typeof t === 'number')) throw new Error('event history snapshot: malformed');
    if ('texts' in s && s.texts && 'columns' in s.texts) {
      // Texts come back as they were stored; only the index is rebuilt, from each record's keys.
      store.texts = TemplatedTexts.fromSnapshot(s.texts);
      if (store.texts.size !== s.times.length) throw new Error('event history snapshot: malformed');
      if (keyReader) {
        const read = keyReader(store.texts);
        s.times.forEach((t, i) => {
          const k = read(i);
          store.indexed(t, k.keys, k.unique);
        });
      } else s.times.forEach((t, i) => store.indexed(t, entryOf(store.texts.get(i)).keys));
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

  private queryOrdered(ids: ArrayLike<number> | Postings | undefined, q: StoreQuery): StoredEvent[] {
    // Highest position whose time is <= endMs; times are non-decreasing in id order here.
    let lo = this.head;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times.at(mid) <= q.endMs) lo = mid + 1;
      else hi = mid;
    }
    let maxId = this.base + lo - 1;
    if (q.before) maxId = Math.min(maxId, q.before.id - 1);
    const minId = this.base + this.head;
    const out: StoredEvent[] = [];
    const take = (id: number): boolean => {
      const t = this.times.at(id - this.base);
      if (t < q.startMs) return false;
      out.push({ id, timeMs: t, json: this.json(id - this.base) });
      return out.length < q.limit;
    };
    if (!ids) {
      for (let id = maxId; id >= minId; id--) if (!take(id)) break;
      return out;
    }
    if (ids instanceof Postings) {
      ids.visitDescending(maxId, minId, take);
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

  private querySorted(found: ArrayLike<number> | Postings | undefined, q: StoreQuery): StoredEvent[] {
    const ids = found instanceof Postings ? found.toArray() : found;
    const candidates: StoredEvent[] = [];
    const consider = (id: number): void => {
      const i = id - this.base;
      if (i < this.head) return;
      const t = this.times.at(i);
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
    // Whether every record from head on is kept, without listing them (half a million after a long
    // fast-forward): only an out-of-order store needs the list.
    let contiguous = true;
    if (!this.monotonic) for (let i = this.head; contiguous && i < this.times.length; i++) contiguous = this.times.at(i) >= cutoffMs;
    if (contiguous) {
      // Contiguous survivors keep their ids, so NextTokens issued before the compaction stay valid.
      // Bulk copies: after 90 days, expiry compacts hundreds of thousands of records at a time.
      const newBase = this.base + this.head;
      this.unique.dropBefore(newBase);
      this.times = this.times.keepFrom(this.head);
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
    const keep: number[] = [];
    for (let i = this.head; i < this.times.length; i++) if (this.times.at(i) >= cutoffMs) keep.push(i);
    const remap = new Map<number, number>();
    const newBase = this.base + this.times.length;
    keep.forEach((i, n) => remap.set(this.base + i, newBase + n));
    this.unique = this.unique.rebuilt((id) => remap.get(id));
    this.times = TimeColumn.of(keep.map((i) => this.times.at(i)));
    this.texts = this.texts.keep(keep);
    for (const [key, entry] of this.index) {
      const next = postingsOf((typeof entry === 'number' ? [entry] : entry.toArray()).flatMap((id) => (remap.has(id) ? [remap.get(id)!] : [])));
      if (next === undefined) this.index.delete(key);
      else this.index.set(key, next);
    }
    this.base = newBase;
    this.head = 0;
    this.monotonic = true;
    for (let i = 1; this.monotonic && i < this.times.length; i++) this.monotonic = this.times.at(i) >= this.times.at(i - 1);
  }
}
