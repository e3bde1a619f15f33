// Values worked out on first read (WriterDatum.ValueLater) must leave the store exactly as if they had been
// written at once: same aggregates, same snapshot, through roll-ups and expiry.
import { describe, expect, it } from 'vitest';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import { DAY, MINUTE } from '../../../simulator/cloudwatch/metric-types';

const T0 = Date.UTC(2026, 0, 1);
const DIMS = [{ Name: 'BucketName', Value: 'b' }, { Name: 'StorageType', Value: 'StandardStorage' }];

/** The same 500 days of writes, each value given at once or deferred, with a daily roll-up. */
function run(defer: (day: number) => boolean, reads: number[] = []): { store: MetricStore; produced: number[] } {
  const store = new MetricStore();
  const produced: number[] = [];
  for (let d = 1; d <= 500; d++) {
    const now = T0 + d * DAY;
    const value = 1000 * d + (d % 7);
    store.put('Trailwatch/Other', { MetricName: 'Calls', Value: d % 3, Timestamp: now - 5 * MINUTE }, now);
    const base = { MetricName: 'BucketSizeBytes', Dimensions: DIMS, Timestamp: now - DAY, Unit: 'Bytes' as const };
    if (defer(d)) {
      store.put('AWS/S3', { ...base, ValueLater: () => (produced.push(d), value) }, now);
    } else {
      store.put('AWS/S3', { ...base, Value: value }, now);
    }
    store.rollUp(now);
    if (reads.includes(d)) store.aggregate({ Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: DIMS }, undefined, T0, now, DAY);
  }
  return { store, produced };
}

describe('deferred metric values', () => {
  it('give the snapshot eager values give, including data that expired before it was read', () => {
    const eager = run(() => false).store.snapshot();
    const lazy = run(() => true);
    expect(lazy.produced).toEqual([]);
    expect(lazy.store.snapshot()).toEqual(eager);
    // Days 1..45 (stamped a day earlier) had aged past 455 days at the last roll-up: they were dropped without being worked out.
    expect(lazy.produced[0]).toBe(46);
    expect(JSON.stringify(run((d) => d % 2 === 0).store.snapshot())).toBe(JSON.stringify(eager));
  });

  it('are worked out on the first read of their metric only, once, oldest first', () => {
    const { store, produced } = run(() => true, [200]);
    expect(produced).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const series = store.aggregate({ Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: DIMS }, 'Bytes', T0 + 499 * DAY, T0 + 500 * DAY, DAY);
    expect(series[0]!.buckets.map((b) => b.sum)).toEqual([1000 * 500 + (500 % 7)]);
    expect(produced).toHaveLength(500);
    store.snapshot();
    expect(produced).toHaveLength(500);
  });

  it('keep a metric whose only data is still deferred through roll-ups', () => {
    const store = new MetricStore();
    store.put('AWS/S3', { MetricName: 'BucketSizeBytes', Timestamp: T0, Unit: 'Bytes', ValueLater: () => 42 }, T0 + DAY);
    store.rollUp(T0 + 2 * DAY);
    expect(store.has({ Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: [] })).toBe(true);
    expect(store.recordCount()).toBe(1);
    store.rollUp(T0 + 500 * DAY);
    expect(store.has({ Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: [] })).toBe(false);
  });
});
