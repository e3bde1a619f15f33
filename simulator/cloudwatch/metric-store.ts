// The metric store of one account and region: every distinct namespace + name + dimension set is its own
// metric, and within a metric each unit is aggregated separately (CloudWatch does no unit conversion).
import { MetricColumn, isSingleValued, type ColumnData, type SampleRecord } from './metric-column';
import {
  DAY, HOUR, MINUTE, SECOND, canonicalDimensions, metricKey,
  type Dimension, type DimensionFilter, type MetricDatumInput, type MetricIdentity,
} from './metric-types';

/** Everything CloudWatch knows of one period of one metric in one unit. */
export interface PeriodBucket {
  /** Start of the period: CloudWatch stamps a statistic with the start of its period. */
  timestamp: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** [value, weight] pairs for percentiles, or null when percentiles are unavailable for this period. */
  samples: Array<[number, number]> | null;
}

export interface UnitSeries {
  unit: string;
  buckets: PeriodBucket[];
}

export interface ListMetricsFilter {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: DimensionFilter[];
  /** 'PT3H' lists only metrics that received data in the past three hours. */
  RecentlyActive?: 'PT3H';
}

/** A datum a producer hands the store. `ValueLater` (instead of Value) is a single integer value worked out on
 *  the store's first read of the metric: S3's daily BucketSizeBytes would otherwise make every lazily signed
 *  CloudTrail digest sign itself each simulated day. Everything else about the datum takes effect at once. */
export type WriterDatum = Omit<MetricDatumInput, 'MetricName' | 'Dimensions'> & { ValueLater?: LaterValue };

/** A value worked out when first read; `warm`, when given, does ahead in slices what that will cost (true once
 *  nothing is left), so a host can spread it out instead of paying it all in one read or one snapshot. */
export type LaterValue = (() => number) & { warm?: (enough: () => boolean) => boolean };

/** Stores one datum of a fixed metric (MetricName and Dimensions are the writer's). */
export type MetricWriter = (datum: WriterDatum, receivedAt: number) => void;

/** A datum just stored: its metric (key and identity as written) and its time. */
export type WriteObserver = (
  key: string, namespace: string, metricName: string, dimensions: readonly Dimension[] | undefined, timestamp: number, receivedAt: number,
) => void;

/** A persisted store; restored data is untrusted and checked. */
export interface MetricStoreSnapshot {
  version: 1;
  metrics: Array<{ identity: MetricIdentity; lastReceived: number; units: Array<{ unit: string } & ColumnData> }>;
}

interface StoredMetric {
  identity: MetricIdentity;
  units: Map<string, MetricColumn>;
  lastReceived: number;
  /** Values not yet worked out (WriterDatum.ValueLater), oldest first; their timestamps age with roll-ups. */
  later?: LaterSample[];
}

interface LaterSample {
  unit: string;
  ts: number;
  value: LaterValue;
}

/** Retention tiers (CloudWatch concepts, "Metrics retention"): finer data rolls up as it ages, then expires. */
export const RETENTION = {
  highResolution: 3 * HOUR,
  oneMinute: 15 * DAY,
  fiveMinute: 63 * DAY,
  oneHour: 455 * DAY,
} as const;

/** The slot a sample of this age is kept at, or undefined once it has expired. */
export function retentionSlot(now: number, ts: number): number | undefined {
  const age = now - ts;
  if (age > RETENTION.oneHour) return undefined;
  if (age > RETENTION.fiveMinute) return floorTo(ts, HOUR);
  if (age > RETENTION.oneMinute) return floorTo(ts, 5 * MINUTE);
  if (age > RETENTION.highResolution) return floorTo(ts, MINUTE);
  return ts;
}

export function floorTo(ts: number, step: number): number {
  return Math.floor(ts / step) * step;
}

export class MetricStore {
  private readonly metrics = new Map<string, StoredMetric>();

  /** Told of every datum stored, after it is (the account's CloudWatch wakes the alarms over its metric). */
  observer: WriteObserver | undefined;

  /** Keys of metrics without dimensions by namespace and name (metric filters publish one datum per matched
   *  event): the same key string each time, so it is not built and hashed again per datum. */
  private readonly plainKeys = new Map<string, Map<string, string>>();

  /** Stores one datum; `receivedAt` stands in for a missing Timestamp. */
  put(namespace: string, datum: MetricDatumInput & Pick<WriterDatum, 'ValueLater'>, receivedAt: number): void {
    const dims = datum.Dimensions;
    const key = dims === undefined || dims.length === 0 ? this.plainKey(namespace, datum.MetricName) : metricKey(namespace, datum.MetricName, dims);
    this.write(key, namespace, datum.MetricName, dims, datum, receivedAt);
  }

  /**
   * Stores `times` data equal to `datum`, exactly as `times` calls of put store them, telling the observer of each
   * and calling `each` after it. A metric filter publishes one datum per matched event, and a minute's matches
   * of one filter all publish the same value (a hundred or more a minute in a busy account): one lookup and one
   * step of the column instead of one per match, while whoever listens still hears of every datum, in order.
   */
  putRepeated(namespace: string, datum: MetricDatumInput, receivedAt: number, times: number, each?: () => void): void {
    if (times <= 0) return;
    const dims = datum.Dimensions;
    const key = dims === undefined || dims.length === 0 ? this.plainKey(namespace, datum.MetricName) : metricKey(namespace, datum.MetricName, dims);
    if (datum.StatisticValues !== undefined || datum.Values !== undefined || datum.Value === undefined) {
      for (let k = 0; k < times; k++) {
        this.write(key, namespace, datum.MetricName, dims, datum, receivedAt);
        each?.();
      }
      return;
    }
    this.store(key, namespace, datum.MetricName, dims, datum, receivedAt, times);
    const timestamp = datum.Timestamp ?? receivedAt;
    for (let k = 0; k < times; k++) {
      this.observer?.(key, namespace, datum.MetricName, dims, timestamp, receivedAt);
      each?.();
    }
  }

  private plainKey(namespace: string, metricName: string): string {
    let byName = this.plainKeys.get(namespace);
    if (!byName) this.plainKeys.set(namespace, (byName = new Map()));
    let key = byName.get(metricName);
    if (key === undefined) {
      // Metrics expire (rollUp) and churn: start afresh rather than grow with every name ever seen.
      if (byName.size >= 4096) byName.clear();
      byName.set(metricName, (key = metricKey(namespace, metricName, undefined)));
    }
    return key;
  }

  /**
   * A writer bound to one metric, for producers that publish often (Lambda, EC2): it keeps the metric's key,
   * so each datum skips building and hashing it again.
   */
  writer(namespace: string, metricName: string, dimensions: readonly Dimension[] | undefined): MetricWriter {
    const key = metricKey(namespace, metricName, dimensions);
    return (datum, receivedAt) => this.write(key, namespace, metricName, dimensions, datum, receivedAt);
  }

  private write(key: string, namespace: string, metricName: string, dimensions: readonly Dimension[] | undefined, datum: WriterDatum, receivedAt: number): void {
    this.store(key, namespace, metricName, dimensions, datum, receivedAt);
    this.observer?.(key, namespace, metricName, dimensions, datum.Timestamp ?? receivedAt, receivedAt);
  }

  /** Stores `datum`; a datum of one Value `times` times over (putRepeated), as many datums of it. */
  private store(key: string, namespace: string, metricName: string, dimensions: readonly Dimension[] | undefined, datum: WriterDatum, receivedAt: number, times = 1): void {
    let metric = this.metrics.get(key);
    if (!metric) {
      const identity = { Namespace: namespace, MetricName: metricName, Dimensions: canonicalDimensions(dimensions) };
      metric = { identity, units: new Map(), lastReceived: receivedAt };
      this.metrics.set(key, metric);
    }
    if (receivedAt > metric.lastReceived) metric.lastReceived = receivedAt;
    const unit = datum.Unit ?? 'None';
    let column = metric.units.get(unit);
    if (!column) {
      column = new MetricColumn();
      metric.units.set(unit, column);
    }
    // Standard resolution keeps 1-minute granularity; high resolution aggregates within the same second.
    const step = datum.StorageResolution === 1 ? SECOND : MINUTE;
    const ts = floorTo(datum.Timestamp ?? receivedAt, step);
    if (datum.ValueLater !== undefined) {
      (metric.later ??= []).push({ unit, ts, value: datum.ValueLater });
      return;
    }
    if (datum.StatisticValues === undefined && datum.Values === undefined && datum.Value !== undefined) {
      if (times === 1) column.push({ ts, count: 1, sum: datum.Value, min: datum.Value, max: datum.Value });
      else column.pushRepeated(ts, datum.Value, times);
      return;
    }
    for (const r of samplesOf(datum, ts)) column.push(r);
  }

  /**
   * Works out the metric's deferred values and stores them as the datum would have been stored when written.
   * The column is the same either way: its records are kept sorted and merged (metric-column.ts), deferred
   * timestamps were re-slotted by every roll-up since, and integer sums do not depend on merge order.
   */
  private settle(m: StoredMetric): void {
    const later = m.later;
    if (!later) return;
    delete m.later;
    for (const x of later) {
      const v = x.value();
      m.units.get(x.unit)!.push({ ts: x.ts, count: 1, sum: v, min: v, max: v });
    }
  }

  /** Makes ahead what the deferred values will read, until `enough` says so; true once nothing is left. */
  warmSome(enough: () => boolean): boolean {
    for (const m of this.metrics.values()) {
      for (const x of m.later ?? []) if (x.value.warm && !x.value.warm(enough)) return false;
    }
    return true;
  }

  /** Works out every deferred value (a bucket's size reads its objects, which may make CloudTrail sign
   *  digests or gzip log files). */
  settleAll(): void {
    for (const m of this.metrics.values()) this.settle(m);
  }

  snapshot(): MetricStoreSnapshot {
    this.settleAll();
    return {
      version: 1,
      metrics: [...this.metrics.values()].map((m) => ({
        identity: { ...m.identity, Dimensions: m.identity.Dimensions.map((d) => ({ ...d })) },
        lastReceived: m.lastReceived,
        units: [...m.units].map(([unit, column]) => ({ unit, ...column.toColumns() })),
      })),
    };
  }

  static restore(snapshot: MetricStoreSnapshot): MetricStore {
    if (snapshot?.version !== 1 || !Array.isArray(snapshot.metrics)) throw new Error('metric store: unsupported snapshot');
    const store = new MetricStore();
    for (const m of snapshot.metrics) {
      const id = m.identity;
      const dimsOk = Array.isArray(id?.Dimensions) && id.Dimensions.every((d) => typeof d?.Name === 'string' && typeof d?.Value === 'string');
      if (typeof id?.Namespace !== 'string' || typeof id.MetricName !== 'string' || !dimsOk || !Number.isFinite(m.lastReceived) || !Array.isArray(m.units)) {
        throw new Error('metric store: malformed metric in snapshot');
      }
      const units = new Map<string, MetricColumn>();
      for (const u of m.units) {
        if (typeof u?.unit !== 'string') throw new Error('metric store: malformed unit in snapshot');
        units.set(u.unit, MetricColumn.fromColumns(u));
      }
      const identity = { Namespace: id.Namespace, MetricName: id.MetricName, Dimensions: canonicalDimensions(id.Dimensions) };
      store.metrics.set(metricKey(id.Namespace, id.MetricName, id.Dimensions), { identity, units, lastReceived: m.lastReceived });
    }
    return store;
  }

  has(identity: MetricIdentity): boolean {
    return this.metrics.has(metricKey(identity.Namespace, identity.MetricName, identity.Dimensions));
  }

  /** Number of stored sample records (after merging), for sizing and tests. */
  recordCount(): number {
    let n = 0;
    for (const m of this.metrics.values()) this.settle(m);
    for (const m of this.metrics.values()) for (const c of m.units.values()) n += c.length;
    return n;
  }

  /**
   * Buckets of `periodMs` starting at `start` (aligned to it) up to `end`, one series per unit (or only `unit`).
   * Periods without samples are absent, as CloudWatch returns no datapoint for them.
   */
  aggregate(identity: MetricIdentity, unit: string | undefined, start: number, end: number, periodMs: number): UnitSeries[] {
    const metric = this.metrics.get(metricKey(identity.Namespace, identity.MetricName, identity.Dimensions));
    if (!metric) return [];
    this.settle(metric);
    const out: UnitSeries[] = [];
    for (const [u, column] of metric.units) {
      if (unit !== undefined && u !== unit) continue;
      const byIndex = new Map<number, PeriodBucket>();
      column.forEachInRange(start, end, (r) => addToBucket(byIndex, r, start, periodMs));
      if (byIndex.size === 0) continue;
      out.push({ unit: u, buckets: [...byIndex.values()].sort((a, b) => a.timestamp - b.timestamp) });
    }
    return out.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  }

  /**
   * The timestamps of the records `aggregate` would fold over the same arguments, unit by unit, without
   * building buckets: for callers that only ask where data lies (the alarm engine's next-change search).
   */
  forEachTimestamp(key: string, unit: string | undefined, start: number, end: number, visit: (ts: number) => void): void {
    const metric = this.metrics.get(key);
    if (!metric) return;
    this.settle(metric);
    if (unit !== undefined) metric.units.get(unit)?.forEachTimestampInRange(start, end, visit);
    else for (const column of metric.units.values()) column.forEachTimestampInRange(start, end, visit);
  }

  /**
   * What mergedBuckets gives for `count` periods from `start`, as an array by period index
   * (undefined where a period has no data): the alarm engine asks this of every alarm's range every minute,
   * and the maps, sorting and per-record objects of the general path were most of its cost. Same folds in the
   * same order: each unit's records in time order, then the units merged in the order of their names.
   * `options.firsts`, when given (`count` long, Infinity where nothing is known), gets per period the earliest
   * timestamp folded into it, which the alarm engine would otherwise walk the records again for.
   * `options.samples: false` leaves every bucket's samples null: only percentile-like statistics read them,
   * and an alarm engine fold read by basic statistics alone need not collect a pair per record.
   */
  periodsKey(key: string, unit: string | undefined, start: number, periodMs: number, count: number, options: PeriodsKeyOptions = {}): Array<PeriodBucket | undefined> {
    const out = new Array<PeriodBucket | undefined>(count);
    const metric = this.metrics.get(key);
    if (!metric) return out;
    this.settle(metric);
    const units = unit !== undefined ? (metric.units.has(unit) ? [unit] : []) : metric.units.size === 1 ? metric.units.keys() : [...metric.units.keys()].sort();
    let first = true;
    for (const u of units) {
      // The first unit with data folds straight into the result; later ones fold apart and merge in.
      const into = first ? out : new Array<PeriodBucket | undefined>(count);
      if (!foldPeriods(metric.units.get(u)!, start, periodMs, into, options)) continue;
      if (!first) {
        for (let i = 0; i < count; i++) {
          const b = into[i];
          const prev = out[i];
          if (b && prev) mergeBucketInto(prev, b);
          else if (b) out[i] = b;
        }
      }
      first = false;
    }
    return out;
  }

  /** ListMetrics: metrics with no new data for two weeks are no longer listed. */
  list(filter: ListMetricsFilter, now: number): MetricIdentity[] {
    const recentWindow = filter.RecentlyActive === 'PT3H' ? 3 * HOUR : 14 * DAY;
    const out: Array<[string, MetricIdentity]> = [];
    for (const [key, m] of this.metrics) {
      const id = m.identity;
      if (filter.Namespace !== undefined && id.Namespace !== filter.Namespace) continue;
      if (filter.MetricName !== undefined && id.MetricName !== filter.MetricName) continue;
      if (now - m.lastReceived > recentWindow) continue;
      if (!(filter.Dimensions ?? []).every((f) => id.Dimensions.some((d) => matchesFilter(d, f)))) continue;
      out.push([key, { Namespace: id.Namespace, MetricName: id.MetricName, Dimensions: id.Dimensions.map((d) => ({ ...d })) }]);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, id]) => id);
  }

  /**
   * Applies the retention roll-up at `now`: high-resolution data older than 3 hours becomes 1-minute data,
   * 1-minute data older than 15 days 5-minute data, older than 63 days 1-hour data, and data older than
   * 455 days is dropped. Metrics left empty expire.
   */
  rollUp(now: number): void {
    for (const [key, m] of this.metrics) {
      if (m.later) {
        // Re-slotted in place (the store owns these records): a spread copy per record a day showed in profiles.
        const kept: LaterSample[] = [];
        for (const x of m.later) {
          const ts = retentionSlot(now, x.ts);
          if (ts === undefined) continue;
          x.ts = ts;
          kept.push(x);
        }
        if (kept.length > 0) m.later = kept;
        else delete m.later;
      }
      for (const [unit, column] of m.units) {
        column.reslot((ts) => retentionSlot(now, ts));
        if (column.length === 0 && !m.later?.some((x) => x.unit === unit)) m.units.delete(unit);
      }
      if (m.units.size === 0) this.metrics.delete(key);
    }
  }
}

export interface PeriodsKeyOptions {
  firsts?: number[];
  /** Collect each period's raw samples (default true). */
  samples?: boolean;
}

function samplesOf(datum: Omit<MetricDatumInput, 'MetricName' | 'Dimensions'>, ts: number): SampleRecord[] {
  if (datum.StatisticValues) {
    const s = datum.StatisticValues;
    return [{ ts, count: s.SampleCount, sum: s.Sum, min: s.Minimum, max: s.Maximum }];
  }
  if (datum.Values) {
    return datum.Values.flatMap((v, i) => {
      const c = datum.Counts?.[i] ?? 1;
      return c > 0 ? [{ ts, count: c, sum: v * c, min: v, max: v }] : [];
    });
  }
  if (datum.Value !== undefined) return [{ ts, count: 1, sum: datum.Value, min: datum.Value, max: datum.Value }];
  return [];
}

function addToBucket(byIndex: Map<number, PeriodBucket>, r: SampleRecord, start: number, periodMs: number): void {
  const index = Math.floor((r.ts - start) / periodMs);
  let b = byIndex.get(index);
  if (!b) {
    b = emptyBucket(start + index * periodMs);
    byIndex.set(index, b);
  }
  addRecord(b, r.count, r.sum, r.min, r.max);
}

/** Folds a column's records into `into`'s periods (as many as it has, from `start`); whether any fell in.
 *  Records come in time order, so the one that opens a period's bucket is the column's earliest in it. */
function foldPeriods(column: MetricColumn, start: number, periodMs: number, into: Array<PeriodBucket | undefined>, options: PeriodsKeyOptions): boolean {
  const { firsts } = options;
  const samples = options.samples ?? true;
  let any = false;
  column.forEachValuesInRange(start, start + into.length * periodMs, (ts, count, sum, min, max) => {
    const index = Math.floor((ts - start) / periodMs);
    let b = into[index];
    if (!b) {
      b = into[index] = emptyBucket(start + index * periodMs, samples);
      if (firsts && ts < firsts[index]!) firsts[index] = ts;
    }
    addRecord(b, count, sum, min, max);
    any = true;
  });
  return any;
}

function emptyBucket(timestamp: number, samples = true): PeriodBucket {
  return { timestamp, count: 0, sum: 0, min: Infinity, max: -Infinity, samples: samples ? [] : null };
}

/** Folds one record into its period's bucket (the one rule aggregate and periodsKey share). */
function addRecord(b: PeriodBucket, count: number, sum: number, min: number, max: number): void {
  b.count += count;
  b.sum += sum;
  b.min = Math.min(b.min, min);
  b.max = Math.max(b.max, max);
  // "Percentile statistics are not available for metrics when any of the metric values are negative numbers",
  // and a statistic set that does not stand for known raw values carries none.
  if (b.samples && (min < 0 || !isSingleValued(min, max, count, sum))) b.samples = null;
  else if (b.samples) b.samples.push([min, count]);
}

/** Adds one unit's bucket of a period into the bucket merging the units (mergedBuckets, periodsKey). */
export function mergeBucketInto(prev: PeriodBucket, b: PeriodBucket): void {
  prev.count += b.count;
  prev.sum += b.sum;
  prev.min = Math.min(prev.min, b.min);
  prev.max = Math.max(prev.max, b.max);
  prev.samples = prev.samples && b.samples ? [...prev.samples, ...b.samples] : null;
}

function matchesFilter(d: Dimension, f: DimensionFilter): boolean {
  return d.Name === f.Name && (f.Value === undefined || d.Value === f.Value);
}
