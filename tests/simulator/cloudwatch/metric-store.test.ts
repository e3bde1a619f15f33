import { describe, expect, it } from 'vitest';
import { MetricStore, retentionSlot } from '../../../simulator/cloudwatch/metric-store';
import { DAY, HOUR, MINUTE } from '../../../simulator/cloudwatch/metric-types';
import { getMetricStatistics } from '../../../simulator/cloudwatch/metric-get-statistics';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const NS = 'Trailwatch/App';

function stats(store: MetricStore, dims: Array<{ Name: string; Value: string }>, extra: Partial<Parameters<typeof getMetricStatistics>[1]> = {}) {
  return getMetricStatistics(store, {
    Namespace: NS, MetricName: 'Latency', Dimensions: dims, StartTime: T0, EndTime: T0 + 10 * MINUTE,
    Period: 60, Statistics: ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'], ...extra,
  }, T0 + 10 * MINUTE);
}

describe('metric identity', () => {
  it('treats dimension order as irrelevant but each dimension set as its own metric', () => {
    const store = new MetricStore();
    store.put(NS, { MetricName: 'Latency', Dimensions: [{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }], Value: 5, Timestamp: T0 }, T0);
    store.put(NS, { MetricName: 'Latency', Dimensions: [{ Name: 'B', Value: '2' }, { Name: 'A', Value: '1' }], Value: 7, Timestamp: T0 }, T0);
    store.put(NS, { MetricName: 'Latency', Dimensions: [{ Name: 'A', Value: '1' }], Value: 100, Timestamp: T0 }, T0);
    const both = stats(store, [{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }]);
    expect(both.Datapoints).toHaveLength(1);
    expect(both.Datapoints[0]).toMatchObject({ SampleCount: 2, Sum: 12, Minimum: 5, Maximum: 7, Average: 6, Unit: 'None' });
    // No aggregation across dimensions for custom metrics: the subset and the empty set are other metrics.
    expect(stats(store, [{ Name: 'A', Value: '1' }]).Datapoints[0]!.Sum).toBe(100);
    expect(stats(store, []).Datapoints).toHaveLength(0);
  });

  it('aggregates each unit separately and filters by Unit without conversion', () => {
    const store = new MetricStore();
    store.put(NS, { MetricName: 'Latency', Value: 1, Unit: 'Seconds', Timestamp: T0 }, T0);
    store.put(NS, { MetricName: 'Latency', Value: 1000, Unit: 'Milliseconds', Timestamp: T0 }, T0);
    const all = stats(store, []);
    expect(all.Datapoints.map((d) => [d.Unit, d.Sum])).toEqual([['Milliseconds', 1000], ['Seconds', 1]]);
    expect(stats(store, [], { Unit: 'Seconds' }).Datapoints.map((d) => d.Sum)).toEqual([1]);
    expect(stats(store, [], { Unit: 'Bytes' }).Datapoints).toEqual([]);
  });

  it('lists metrics by namespace, name and dimension filter, hiding those silent for two weeks', () => {
    const store = new MetricStore();
    store.put(NS, { MetricName: 'Latency', Dimensions: [{ Name: 'Api', Value: 'x' }, { Name: 'Stage', Value: 'prod' }], Value: 1 }, T0);
    store.put(NS, { MetricName: 'Errors', Dimensions: [{ Name: 'Api', Value: 'y' }], Value: 1 }, T0);
    store.put('Other', { MetricName: 'Latency', Value: 1 }, T0 - 15 * DAY);
    expect(store.list({ Namespace: NS }, T0).map((m) => m.MetricName).sort()).toEqual(['Errors', 'Latency']);
    expect(store.list({ Dimensions: [{ Name: 'Api' }] }, T0)).toHaveLength(2);
    expect(store.list({ Dimensions: [{ Name: 'Api', Value: 'x' }] }, T0)).toEqual([
      { Namespace: NS, MetricName: 'Latency', Dimensions: [{ Name: 'Api', Value: 'x' }, { Name: 'Stage', Value: 'prod' }] },
    ]);
    expect(store.list({ Namespace: 'Other' }, T0)).toEqual([]);
    expect(store.list({ RecentlyActive: 'PT3H' }, T0 + 4 * HOUR)).toEqual([]);
  });
});

describe('persistence', () => {
  it('round-trips through a JSON snapshot and refuses malformed ones', () => {
    const store = new MetricStore();
    store.put(NS, { MetricName: 'Latency', Dimensions: [{ Name: 'A', Value: '1' }], Values: [1, 2, 3], Unit: 'Milliseconds', Timestamp: T0 }, T0);
    store.put(NS, { MetricName: 'Latency', Dimensions: [{ Name: 'A', Value: '1' }], StatisticValues: { SampleCount: 2, Sum: 10, Minimum: 4, Maximum: 6 }, Unit: 'Milliseconds', Timestamp: T0 + MINUTE }, T0);
    const restored = MetricStore.restore(JSON.parse(JSON.stringify(store.snapshot())));
    const q = { Unit: 'Milliseconds', EndTime: T0 + 10 * MINUTE };
    expect(stats(restored, [{ Name: 'A', Value: '1' }], q)).toEqual(stats(store, [{ Name: 'A', Value: '1' }], q));
    expect(restored.list({}, T0)).toEqual(store.list({}, T0));
    const broken = JSON.parse(JSON.stringify(store.snapshot()));
    broken.metrics[0].units[0].sum.pop();
    expect(() => MetricStore.restore(broken)).toThrow(/malformed/);
    expect(() => MetricStore.restore({ version: 2 } as never)).toThrow(/unsupported/);
  });
});

describe('compact storage and retention roll-up', () => {
  it('merges equal values in one minute into a single weighted record', () => {
    const store = new MetricStore();
    for (let i = 0; i < 10_000; i++) store.put(NS, { MetricName: 'Invocations', Value: 1, Timestamp: T0 + (i % 600) * 1000 }, T0);
    expect(store.recordCount()).toBe(10);
  });

  it('offers a writer bound to one metric for frequent producers', () => {
    const store = new MetricStore();
    const write = store.writer(NS, 'Latency', [{ Name: 'B', Value: '2' }, { Name: 'A', Value: '1' }]);
    write({ Value: 4, Timestamp: T0 }, T0);
    write({ Values: [1, 2], Counts: [1, 3], Timestamp: T0 }, T0);
    expect(stats(store, [{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }]).Datapoints[0]).toMatchObject({ SampleCount: 5, Sum: 11 });
  });

  it('keeps 1-second data for 3 hours, then 1-minute, 5-minute after 15 days, 1-hour after 63 days, none after 455', () => {
    const t = T0 + 7 * MINUTE + 13_000;
    expect(retentionSlot(t + HOUR, t)).toBe(t);
    expect(retentionSlot(t + 4 * HOUR, t)).toBe(T0 + 7 * MINUTE);
    expect(retentionSlot(t + 16 * DAY, t)).toBe(T0 + 5 * MINUTE);
    expect(retentionSlot(t + 64 * DAY, t)).toBe(T0);
    expect(retentionSlot(t + 456 * DAY, t)).toBeUndefined();
  });

  it('rolls up high-resolution data so only minute-aligned periods see it after 3 hours', () => {
    const store = new MetricStore();
    store.put(NS, { MetricName: 'Latency', Value: 3, StorageResolution: 1, Timestamp: T0 + 5_000 }, T0);
    store.put(NS, { MetricName: 'Latency', Value: 9, StorageResolution: 1, Timestamp: T0 + 45_000 }, T0);
    const q = { Namespace: NS, MetricName: 'Latency', StartTime: T0, EndTime: T0 + MINUTE, Period: 10, Statistics: ['Sum'] };
    expect(getMetricStatistics(store, q, T0 + MINUTE).Datapoints.map((d) => d.Sum)).toEqual([3, 9]);
    store.rollUp(T0 + 4 * HOUR);
    // A sub-minute period for data more than 3 hours old returns nothing; a minute period gets the rolled-up sum.
    expect(getMetricStatistics(store, q, T0 + 4 * HOUR).Datapoints).toEqual([]);
    expect(getMetricStatistics(store, { ...q, Period: 60 }, T0 + 4 * HOUR).Datapoints.map((d) => d.Sum)).toEqual([12]);
    store.rollUp(T0 + 456 * DAY);
    expect(store.recordCount()).toBe(0);
    expect(store.list({}, T0 + 456 * DAY)).toEqual([]);
  });

  it('keeps percentiles exact through the roll-up', () => {
    const store = new MetricStore();
    for (let v = 1; v <= 100; v++) store.put(NS, { MetricName: 'Latency', Value: v, Timestamp: T0 + (v % 5) * MINUTE }, T0);
    store.rollUp(T0 + 70 * DAY);
    const out = getMetricStatistics(store, {
      Namespace: NS, MetricName: 'Latency', StartTime: T0, EndTime: T0 + HOUR, Period: 3600, ExtendedStatistics: ['p90', 'p50'],
    }, T0 + 70 * DAY);
    expect(out.Datapoints[0]!.ExtendedStatistics).toEqual({ p90: 90, p50: 50 });
  });
});
