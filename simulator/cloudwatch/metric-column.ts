// Columnar storage of one metric's samples for one unit. Millions of datapoints must fit, so samples live in
// typed arrays and equal values in the same time slot merge into one weighted record (a Lambda metric that
// publishes 1 per invocation becomes one record per minute, not one per call).

/** A sample set: raw values have minimum = maximum; statistic sets may not. */
export interface SampleRecord {
  ts: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface ColumnData {
  ts: number[];
  count: number[];
  sum: number[];
  min: number[];
  max: number[];
}

const INITIAL_CAPACITY = 16;

/** Numbers a band's rebuild works in (its records' new slots, then their rows in order): reused up to this many;
 *  a bigger band (a whole column pushed out of order) gets its own, so no module holds megabytes for ever. */
const SCRATCH_KEPT = 6 * 65_536;
let scratch = new Float64Array(6 * 1024);
function bandScratch(n: number): Float64Array {
  if (n > SCRATCH_KEPT) return new Float64Array(n);
  if (scratch.length < n) scratch = new Float64Array(Math.min(SCRATCH_KEPT, Math.max(n, 2 * scratch.length)));
  return scratch;
}

export class MetricColumn {
  private ts = new Float64Array(INITIAL_CAPACITY);
  private count = new Float64Array(INITIAL_CAPACITY);
  private sum = new Float64Array(INITIAL_CAPACITY);
  private min = new Float64Array(INITIAL_CAPACITY);
  private max = new Float64Array(INITIAL_CAPACITY);
  private n = 0;
  private dirty = false;

  get length(): number {
    this.normalize();
    return this.n;
  }

  push(r: SampleRecord): void {
    const last = this.n - 1;
    // The common case of a counter publishing the same value again in the same slot merges in place.
    if (last >= 0 && this.ts[last] === r.ts && this.min[last] === this.max[last] && r.min === r.max && this.min[last] === r.min) {
      this.count[last] = this.count[last]! + r.count;
      this.sum[last] = this.sum[last]! + r.sum;
      return;
    }
    if (this.n === this.ts.length) this.grow(this.n * 2);
    const prev = this.n > 0 ? this.ts[this.n - 1]! : -Infinity;
    this.ts[this.n] = r.ts;
    this.count[this.n] = r.count;
    this.sum[this.n] = r.sum;
    this.min[this.n] = r.min;
    this.max[this.n] = r.max;
    this.n++;
    // Equal timestamps keep the order valid; only an earlier one needs a re-sort.
    if (r.ts < prev) this.dirty = true;
  }

  /**
   * `times` pushes of one raw sample of `value` at `ts`. After the first, each would merge into the last record
   * (same slot, same single value), adding 1 to its count and `value` to its sum: done in one step when every
   * partial sum is a whole number below 2^53, where floating-point addition is exact and so the same in any
   * grouping; one at a time otherwise.
   */
  pushRepeated(ts: number, value: number, times: number): void {
    if (times <= 0) return;
    this.push({ ts, count: 1, sum: value, min: value, max: value });
    const rest = times - 1;
    if (rest === 0) return;
    const last = this.n - 1;
    const sum = this.sum[last]!;
    const total = sum + value * rest;
    if (Number.isSafeInteger(value) && Number.isSafeInteger(sum) && Number.isSafeInteger(value * rest) && Number.isSafeInteger(total) && Number.isSafeInteger(this.count[last]! + rest)) {
      this.count[last] = this.count[last]! + rest;
      this.sum[last] = total;
      return;
    }
    for (let k = 0; k < rest; k++) this.push({ ts, count: 1, sum: value, min: value, max: value });
  }

  /** Records with start <= ts < end, in time order. */
  forEachInRange(start: number, end: number, visit: (r: SampleRecord) => void): void {
    this.normalize();
    let i = this.lowerBound(start);
    for (; i < this.n && this.ts[i]! < end; i++) {
      visit({ ts: this.ts[i]!, count: this.count[i]!, sum: this.sum[i]!, min: this.min[i]!, max: this.max[i]! });
    }
  }

  /** forEachInRange without building a record object per record. */
  forEachValuesInRange(start: number, end: number, visit: (ts: number, count: number, sum: number, min: number, max: number) => void): void {
    this.normalize();
    for (let i = this.lowerBound(start); i < this.n && this.ts[i]! < end; i++) visit(this.ts[i]!, this.count[i]!, this.sum[i]!, this.min[i]!, this.max[i]!);
  }

  /** The timestamps of the records with start <= ts < end, in time order, without building the records. */
  forEachTimestampInRange(start: number, end: number, visit: (ts: number) => void): void {
    this.normalize();
    for (let i = this.lowerBound(start); i < this.n && this.ts[i]! < end; i++) visit(this.ts[i]!);
  }

  /** Plain arrays for persistence, in time order. */
  toColumns(): ColumnData {
    this.normalize();
    const take = (a: Float64Array) => Array.from(a.subarray(0, this.n));
    return { ts: take(this.ts), count: take(this.count), sum: take(this.sum), min: take(this.min), max: take(this.max) };
  }

  /** Rebuilds a column from persisted arrays; throws when they do not describe samples. */
  static fromColumns(data: ColumnData): MetricColumn {
    const n = data.ts.length;
    const arrays = [data.ts, data.count, data.sum, data.min, data.max];
    if (!arrays.every((a) => Array.isArray(a) && a.length === n && a.every((v) => typeof v === 'number' && Number.isFinite(v)))) {
      throw new Error('metric column: malformed persisted data');
    }
    const column = new MetricColumn();
    for (let i = 0; i < n; i++) column.push({ ts: data.ts[i]!, count: data.count[i]!, sum: data.sum[i]!, min: data.min[i]!, max: data.max[i]! });
    return column;
  }

  latestTimestamp(): number | undefined {
    this.normalize();
    return this.n > 0 ? this.ts[this.n - 1] : undefined;
  }

  /**
   * Re-slot every record with `slot` (which coarsens timestamps as data ages, or returns undefined to drop it),
   * then merge records that share a slot and a value. Statistic sets whose minimum and maximum differ carry no
   * single value, so they merge into one aggregate per slot.
   */
  reslot(slot: (ts: number) => number | undefined): void {
    // A column pushed out of time order is rebuilt whole; one in order, only where its records change (bands).
    if (this.dirty) {
      this.n = this.rebuildBand(slot, 0, this.n, 0);
      this.dirty = false;
      this.giveBackRoom();
      return;
    }
    this.reslotBands(slot, this.keptFrom(slot));
  }

  /**
   * The daily roll-up in place: only the bands of records whose slot changes (a day's records crossing 15 days,
   * another crossing 63 days, the oldest dropped), and of kept records out of order (values within a minute that
   * came in descending order, two statistic sets at one time), are rebuilt, each with the records next to it that
   * its new slots reach; the records between the bands stay as they are and move down over the room merges free.
   * The whole part before the kept newest records was rebuilt into new arrays every day before: at 90 days of
   * minute data a column of some 15,000 records, for every metric, each simulated day of a fast-forward (most of a
   * 91-day advance, with the collections its arrays caused). Records from `kept` on keep their slot (slot is not
   * asked again for them). The records left between the bands each sort strictly after the one before them (a
   * pair that does not starts a band), so they are in final order and none merges: the result is a full rebuild's.
   */
  private reslotBands(slot: (ts: number) => number | undefined, kept: number): void {
    const ts = this.ts;
    const n = this.n;
    const slotOf = (i: number): number | undefined => (i < kept ? slot(ts[i]!) : ts[i]);
    // Bands as [start, end) pairs with the lowest and highest new slot in each (±Infinity when all dropped).
    const bands: number[] = [];
    const lows: number[] = [];
    const highs: number[] = [];
    let i = 0;
    while (i < n) {
      const t = ts[i]!;
      const to = slotOf(i);
      const bandBefore = bands.length > 0 && bands[bands.length - 1] === i;
      if (to === t && (i === 0 || bandBefore || ts[i - 1]! < t || this.sortsBefore(ts[i - 1]!, this.valueKey(i - 1), i))) {
        i++;
        continue;
      }
      let lo = to ?? Infinity;
      let hi = to ?? -Infinity;
      let start = i;
      let end = i;
      // Grown until it holds every record its new slots reach: on the right, the changed records and any kept
      // one at or before its highest new slot; on the left, kept records at or after its lowest, and the band
      // before when that one reaches it. Either side may widen the range the other must reach.
      for (let grew = true; grew; ) {
        grew = false;
        for (; end < n; end++) {
          const te = ts[end]!;
          const se = slotOf(end);
          if (se === te && te > hi) break;
          if (se !== undefined) {
            if (se < lo) lo = se;
            if (se > hi) hi = se;
          }
        }
        for (;;) {
          const floor = bands.length > 0 ? bands[bands.length - 1]! : 0;
          while (start > floor && ts[start - 1]! >= lo) {
            start--;
            if (ts[start]! > hi) {
              hi = ts[start]!;
              grew = true;
            }
          }
          // A band that only dropped records bounds nothing before it: records there may still reach this one.
          if (start > floor || bands.length === 0 || (highs[highs.length - 1]! < lo && lows[lows.length - 1]! !== Infinity)) break;
          start = bands[bands.length - 2]!;
          lo = Math.min(lo, lows.pop()!);
          const before = highs.pop()!;
          if (before > hi) {
            hi = before;
            grew = true;
          }
          bands.length -= 2;
        }
      }
      bands.push(start, end);
      lows.push(lo);
      highs.push(hi);
      i = end;
    }
    if (bands.length === 0) return;
    let write = 0;
    let read = 0;
    for (let k = 0; k < bands.length; k += 2) {
      const start = bands[k]!;
      const end = bands[k + 1]!;
      this.moveDown(read, start, write);
      write += start - read;
      write += this.rebuildBand(slot, start, end, write);
      read = end;
    }
    this.moveDown(read, n, write);
    this.n = write + n - read;
    this.giveBackRoom();
  }

  /** In place the arrays keep their size: a column its roll-ups have mostly emptied (a metric gone quiet) gives the
   *  room back. */
  private giveBackRoom(): void {
    if (this.n * 4 < this.ts.length && this.ts.length > 4 * INITIAL_CAPACITY) this.grow(Math.max(INITIAL_CAPACITY, this.n + (this.n >> 2)));
  }

  /** Where the newest records that keep their slot start. */
  private keptFrom(slot: (ts: number) => number | undefined): number {
    let s = this.n;
    while (s > 0 && slot(this.ts[s - 1]!) === this.ts[s - 1]) s--;
    return s;
  }

  /** Moves records [start, end) down to `to` (≤ start). */
  private moveDown(start: number, end: number, to: number): void {
    if (to === start || start === end) return;
    for (const a of [this.ts, this.count, this.sum, this.min, this.max]) a.copyWithin(to, start, end);
  }

  /** Re-slots records [start, end), sorts them by slot then value (aggregates last; stable) and merges neighbours
   *  that share a slot and a single value, writing them from `to` (≤ start) on; returns how many there are then. */
  private rebuildBand(slot: (ts: number) => number | undefined, start: number, end: number, to: number): number {
    const keep: number[] = [];
    const slotted = bandScratch(6 * (end - start));
    for (let i = start; i < end; i++) {
      const t = slot(this.ts[i]!);
      if (t === undefined) continue;
      keep.push(i);
      slotted[i - start] = t;
    }
    keep.sort((a, b) => slotted[a - start]! - slotted[b - start]! || this.valueKey(a) - this.valueKey(b));
    // Read before any is written: the band's records are copied out first, five numbers each after the slots.
    const rows = end - start;
    for (let k = 0; k < keep.length; k++) {
      const i = keep[k]!;
      const at = rows + 5 * k;
      slotted[at] = slotted[i - start]!;
      slotted[at + 1] = this.count[i]!;
      slotted[at + 2] = this.sum[i]!;
      slotted[at + 3] = this.min[i]!;
      slotted[at + 4] = this.max[i]!;
    }
    let m = to;
    for (let k = 0; k < keep.length; k++) {
      const at = rows + 5 * k;
      const t = slotted[at]!;
      const count = slotted[at + 1]!;
      const sum = slotted[at + 2]!;
      const min = slotted[at + 3]!;
      const max = slotted[at + 4]!;
      const j = m - 1;
      if (j >= to) {
        const prevSingle = isSingleValued(this.min[j]!, this.max[j]!, this.count[j]!, this.sum[j]!);
        const single = isSingleValued(min, max, count, sum);
        if (this.ts[j] === t && prevSingle === single && (!single || this.min[j] === min)) {
          const value = single ? this.min[j]! : undefined;
          this.count[j] = this.count[j]! + count;
          this.sum[j] = this.sum[j]! + sum;
          this.min[j] = value ?? Math.min(this.min[j]!, min);
          this.max[j] = value ?? Math.max(this.max[j]!, max);
          continue;
        }
      }
      this.ts[m] = t;
      this.count[m] = count;
      this.sum[m] = sum;
      this.min[m] = min;
      this.max[m] = max;
      m++;
    }
    return m - to;
  }

  /** Whether a record at `ts` with sort key `key` comes strictly before record `i`, never merging with it. */
  private sortsBefore(ts: number, key: number, i: number): boolean {
    const t = this.ts[i]!;
    return ts < t || (ts === t && key < this.valueKey(i));
  }

  private normalize(): void {
    if (this.dirty) this.reslot((t) => t);
  }

  /** Sort key within a slot: single-valued records by value, aggregates last. */
  private valueKey(i: number): number {
    return isSingleValued(this.min[i]!, this.max[i]!, this.count[i]!, this.sum[i]!)
      ? this.min[i]!
      : Number.MAX_VALUE;
  }

  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ts[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(capacity: number): void {
    const resize = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(capacity);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.ts = resize(this.ts);
    this.count = resize(this.count);
    this.sum = resize(this.sum);
    this.min = resize(this.min);
    this.max = resize(this.max);
  }
}

/**
 * A statistic set stands for known raw values (and so yields percentiles and other raw-value statistics) only
 * when "The SampleCount value of the statistic set is 1 and Min, Max, and Sum are all equal" or "The Min and
 * Max are equal, and Sum is equal to Min multiplied by SampleCount" (CloudWatch statistics definitions).
 */
export function isSingleValued(min: number, max: number, count: number, sum?: number): boolean {
  if (min !== max) return false;
  if (sum === undefined) return true;
  const expected = min * count;
  return Math.abs(sum - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}
