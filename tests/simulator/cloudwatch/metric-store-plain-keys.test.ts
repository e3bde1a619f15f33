// put keeps the keys of metrics without dimensions; the datum must land in the metric metricKey names, whether
// Dimensions is absent or empty, across namespaces, and after the kept keys start afresh.
import { describe, expect, it } from 'vitest';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import { MINUTE, metricKey } from '../../../simulator/cloudwatch/metric-types';

const T0 = Date.UTC(2026, 0, 1);

describe('metric store keys of metrics without dimensions', () => {
  it('stores each datum under the metric its namespace, name and dimensions name', () => {
    const store = new MetricStore();
    const written: string[] = [];
    store.observer = (key) => written.push(key);
    store.put('A', { MetricName: 'm', Value: 1, Timestamp: T0 }, T0);
    store.put('A', { MetricName: 'm', Dimensions: [], Value: 2, Timestamp: T0 }, T0);
    store.put('B', { MetricName: 'm', Value: 4, Timestamp: T0 }, T0);
    store.put('A', { MetricName: 'm', Dimensions: [{ Name: 'X', Value: '1' }], Value: 8, Timestamp: T0 }, T0);
    expect(written).toEqual([metricKey('A', 'm', undefined), metricKey('A', 'm', []), metricKey('B', 'm', undefined), metricKey('A', 'm', [{ Name: 'X', Value: '1' }])]);
    const sum = (ns: string, dims: Array<{ Name: string; Value: string }>) =>
      store.aggregate({ Namespace: ns, MetricName: 'm', Dimensions: dims }, undefined, T0, T0 + MINUTE, MINUTE)[0]?.buckets[0]?.sum;
    expect(sum('A', [])).toBe(3);
    expect(sum('B', [])).toBe(4);
    expect(sum('A', [{ Name: 'X', Value: '1' }])).toBe(8);
  });

  it('keeps storing to the right metric after thousands of names made the kept keys start afresh', () => {
    const store = new MetricStore();
    for (let i = 0; i < 5000; i++) store.put('NS', { MetricName: `m${i % 4500}`, Value: 1, Timestamp: T0 }, T0);
    for (const i of [0, 499, 4095, 4096, 4499]) {
      const s = store.aggregate({ Namespace: 'NS', MetricName: `m${i}`, Dimensions: [] }, undefined, T0, T0 + MINUTE, MINUTE)[0]?.buckets[0];
      expect({ i, count: s?.count }).toEqual({ i, count: i < 500 ? 2 : 1 });
    }
    expect(store.list({ Namespace: 'NS' }, T0)).toHaveLength(4500);
  });
});
