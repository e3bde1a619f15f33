// The alarm engine reads the store by a kept metric key and asks only where data lies (forEachTimestamp);
// both must agree with aggregate, which GetMetricStatistics uses, on any data: several units, high-resolution
// seconds, values worked out later, ranges that cut a minute.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import { MINUTE, SECOND, metricKey } from '../../../simulator/cloudwatch/metric-types';
import { alarmMetricKey, alarmRange } from '../../../simulator/cloudwatch/alarm-evaluate';
import { statisticValue } from '../../../simulator/cloudwatch/metric-statistics';
import { mergedBuckets } from '../../../simulator/cloudwatch/metric-query';
import type { MetricAlarmConfig } from '../../../simulator/cloudwatch/alarm-types';

const T0 = Date.UTC(2026, 0, 1);
const ID = { Namespace: 'NS', MetricName: 'm', Dimensions: [{ Name: 'B', Value: '2' }, { Name: 'A', Value: '1' }] };

const datum = fc.record({
  at: fc.integer({ min: 0, max: 40 * 60 - 1 }),
  value: fc.constantFrom(0, 1, 2.5, -3, 7, 0.1, 0.2, 0.7),
  unit: fc.constantFrom(undefined, 'Count', 'Seconds'),
  highRes: fc.boolean(),
  later: fc.boolean(),
});

function storeOf(data: ReadonlyArray<typeof datum extends fc.Arbitrary<infer D> ? D : never>): MetricStore {
  const store = new MetricStore();
  for (const d of data) {
    const base = { MetricName: ID.MetricName, Dimensions: ID.Dimensions, Timestamp: T0 + d.at * SECOND, ...(d.unit ? { Unit: d.unit as 'Count' } : {}), ...(d.highRes ? { StorageResolution: 1 } : {}) };
    if (d.later) store.put(ID.Namespace, { ...base, ValueLater: () => d.value }, T0 + 41 * MINUTE);
    else store.put(ID.Namespace, { ...base, Value: d.value }, T0 + 41 * MINUTE);
  }
  return store;
}

describe('metric store read by key', () => {
  it('periodsKey is mergedBuckets by period index, and forEachTimestamp visits exactly the minutes aggregate lists', () => {
    fc.assert(
      fc.property(fc.array(datum, { maxLength: 30 }), fc.integer({ min: 0, max: 40 * 60 }), fc.integer({ min: 1, max: 20 * 60 }), fc.constantFrom(undefined, 'Count', 'Seconds', 'None'), (data, from, span, unit) => {
        const key = metricKey(ID.Namespace, ID.MetricName, ID.Dimensions);
        const start = T0 + from * SECOND;
        const end = start + span * SECOND;
        const a = storeOf(data);
        const b = storeOf(data);
        const periods = Math.ceil(span / 300);
        const byIndex = Array.from({ length: periods }, (): unknown => undefined);
        for (const x of mergedBuckets(a, ID, unit, start, start + periods * 5 * MINUTE, 300)) byIndex[(x.timestamp - start) / (5 * MINUTE)] = x;
        expect(Array.from(b.periodsKey(key, unit, start, 5 * MINUTE, periods))).toEqual(byIndex);
        const minutes = new Set<number>();
        b.forEachTimestamp(key, unit, start, end, (ts) => minutes.add(start + Math.floor((ts - start) / MINUTE) * MINUTE));
        const listed = new Set(a.aggregate(ID, unit, start, end, MINUTE).flatMap((s) => s.buckets.map((x) => x.timestamp)));
        expect([...minutes].sort()).toEqual([...listed].sort());
      }),
      { numRuns: 400 },
    );
  });

  it('know no metric they were not given data for', () => {
    const seen: number[] = [];
    new MetricStore().forEachTimestamp(metricKey('NS', 'none', []), undefined, T0, T0 + MINUTE, (ts) => seen.push(ts));
    expect(seen).toEqual([]);
    expect(Array.from(new MetricStore().periodsKey(metricKey('NS', 'none', []), undefined, T0, MINUTE, 3))).toEqual([undefined, undefined, undefined]);
  });
});

describe('alarm range', () => {
  const config = (over: Partial<MetricAlarmConfig> = {}) =>
    ({ AlarmName: 'a', Namespace: ID.Namespace, MetricName: ID.MetricName, Dimensions: ID.Dimensions, Statistic: 'Sum', Period: 300, EvaluationPeriods: 3, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold', ...over }) as MetricAlarmConfig;

  it('has one point per period, from the buckets aggregate makes, whatever the units and statistic', () => {
    fc.assert(
      fc.property(fc.array(datum, { maxLength: 30 }), fc.constantFrom('Sum', 'Average', 'SampleCount', 'Maximum', 'p90', 'p10'), fc.constantFrom(undefined, 'Count'), fc.constantFrom(60, 300), fc.integer({ min: 20, max: 45 }), (data, stat, unit, period, minute) => {
        const c = config({ ...(stat.startsWith('p') ? { Statistic: undefined, ExtendedStatistic: stat } : { Statistic: stat as 'Sum' }), Period: period, ...(unit ? { Unit: unit as 'Count' } : {}) });
        const now = T0 + minute * MINUTE + 17 * SECOND;
        const range = alarmRange(c, storeOf(data), now);
        const end = T0 + minute * MINUTE;
        const start = end - 5 * period * SECOND;
        const store = storeOf(data);
        const series = store.aggregate(ID, unit, start, end, period * SECOND);
        const want = Array.from({ length: 5 }, (_, i) => {
          const timestamp = start + i * period * SECOND;
          const parts = series.map((s) => s.buckets.find((b) => b.timestamp === timestamp)).filter((b) => b !== undefined);
          if (parts.length === 0) return { timestamp, value: undefined, sampleCount: 0 };
          const merged = parts.slice(1).reduce((acc, b) => ({ ...acc, count: acc.count + b.count, sum: acc.sum + b.sum, min: Math.min(acc.min, b.min), max: Math.max(acc.max, b.max), samples: acc.samples && b.samples ? [...acc.samples, ...b.samples] : null }), { ...parts[0]! });
          return { timestamp, value: statisticValue(merged, stat), sampleCount: merged.count };
        });
        expect(range).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one metric key per configuration', () => {
    const c = config();
    expect(alarmMetricKey(c)).toBe(metricKey(ID.Namespace, ID.MetricName, ID.Dimensions));
    expect(alarmMetricKey(c)).toBe(alarmMetricKey(c));
    expect(alarmMetricKey(config({ MetricName: 'other' }))).toBe(metricKey(ID.Namespace, 'other', ID.Dimensions));
  });
});

describe('write observer', () => {
  it('hears every datum after it is stored, through put and writer alike, values worked out later included', () => {
    const store = new MetricStore();
    const heard: unknown[] = [];
    store.observer = (key, namespace, metricName, dimensions, timestamp, receivedAt) => {
      heard.push({ key, namespace, metricName, dimensions, timestamp, receivedAt, stored: store.has({ Namespace: namespace, MetricName: metricName, Dimensions: [...(dimensions ?? [])] }) });
    };
    store.put('NS', { MetricName: 'm', Dimensions: ID.Dimensions, Value: 1, Timestamp: T0 }, T0 + MINUTE);
    store.put('NS', { MetricName: 'm', Value: 2 }, T0 + 2 * MINUTE);
    store.writer('NS', 'w', undefined)({ ValueLater: () => 3 }, T0 + 3 * MINUTE);
    expect(heard).toEqual([
      { key: metricKey('NS', 'm', ID.Dimensions), namespace: 'NS', metricName: 'm', dimensions: ID.Dimensions, timestamp: T0, receivedAt: T0 + MINUTE, stored: true },
      { key: metricKey('NS', 'm', undefined), namespace: 'NS', metricName: 'm', dimensions: undefined, timestamp: T0 + 2 * MINUTE, receivedAt: T0 + 2 * MINUTE, stored: true },
      { key: metricKey('NS', 'w', undefined), namespace: 'NS', metricName: 'w', dimensions: undefined, timestamp: T0 + 3 * MINUTE, receivedAt: T0 + 3 * MINUTE, stored: true },
    ]);
  });
});

describe('periodsKey notes the earliest timestamp of each period', () => {
  it('gives per period the smallest timestamp folded into it, over one unit or all, and leaves empty periods alone', () => {
    const store = new MetricStore();
    const base = Date.parse('2026-03-01T00:00:00Z');
    const stamps: Array<[number, 'Count' | 'Seconds']> = [];
    let s = 3;
    for (let k = 0; k < 200; k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const ts = base + (s % 3600) * 1000;
      const unit = s % 3 === 0 ? 'Seconds' : 'Count';
      stamps.push([ts, unit]);
      // Put out of order: the column sorts them, and the earliest must still be found.
      store.put('NS', { MetricName: 'F', Unit: unit, Timestamp: ts, Values: [s % 5] }, base + 3_600_000);
    }
    const key = metricKey('NS', 'F', []);
    const start = base - 5 * 60_000;
    for (const unit of [undefined, 'Count', 'Seconds'] as const) {
      const firsts = new Array<number>(14).fill(Infinity);
      const periods = store.periodsKey(key, unit, start, 5 * 60_000, 14, { firsts, samples: false });
      // Without samples the buckets are the same but for their samples, which are null.
      const full = store.periodsKey(key, unit, start, 5 * 60_000, 14);
      expect(periods.map((b) => b && { ...b, samples: null })).toEqual(full.map((b) => b && { ...b, samples: null }));
      expect(periods.every((b) => b === undefined || b.samples === null)).toBe(true);
      expect(full.some((b) => b !== undefined && b.samples !== null && b.samples.length > 0)).toBe(true);
      // The stored timestamps (put slots them to the minute) are what the walk of every record visits.
      const want = new Array<number>(14).fill(Infinity);
      store.forEachTimestamp(key, unit, start, start + 14 * 5 * 60_000, (ts) => {
        const j = Math.floor((ts - start) / (5 * 60_000));
        want[j] = Math.min(want[j]!, ts);
      });
      expect(firsts).toEqual(want);
      // Units apart: each unit's earliest is one of its own puts, slotted to the minute.
      const own = stamps.filter(([, u]) => unit === undefined || u === unit).map(([ts]) => Math.floor(ts / 60_000) * 60_000);
      for (const f of firsts) if (f !== Infinity) expect(own).toContain(f);
      expect(firsts[0]).toBe(Infinity);
    }
  });
});
