// putRepeated stores a datum `times` times over in one step where that is exact: the store (its snapshot, every
// sum and count), what the observer hears and when `each` runs must be what `times` calls of put, each followed by
// the caller's own step, give — for whole and fractional values, sums near 2^53, records it merges into or
// appends after, and data that are not a single Value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import type { MetricDatumInput } from '../../../simulator/cloudwatch/metric-types';

const T0 = Date.UTC(2026, 0, 1);
const BIG = 2 ** 53;

const valueArb = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.1, -0.3, 1e15, BIG - 3, -(BIG - 3), 2 ** 52 + 0.5, -0, 7.25),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);
const datumArb: fc.Arbitrary<MetricDatumInput> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ name: fc.constantFrom('a', 'b'), value: valueArb, minute: fc.integer({ min: 0, max: 3 }), unit: fc.constantFrom(undefined, 'Count') }).map(
    ({ name, value, minute, unit }): MetricDatumInput => ({ MetricName: name, Value: value, Timestamp: T0 + minute * 60_000, ...(unit ? { Unit: unit } : {}) }),
  ) },
  { weight: 1, arbitrary: fc.constant<MetricDatumInput>({ MetricName: 'a', StatisticValues: { SampleCount: 2, Sum: 3, Minimum: 1, Maximum: 2 }, Timestamp: T0 }) },
  { weight: 1, arbitrary: fc.constant<MetricDatumInput>({ MetricName: 'b', Values: [1, 2.5], Counts: [2, 1], Timestamp: T0 + 60_000 }) },
  { weight: 1, arbitrary: fc.constant<MetricDatumInput>({ MetricName: 'a', Dimensions: [{ Name: 'X', Value: '1' }], Value: 3 }) },
);

/** A store and the log of what its observer heard, with the caller's steps between. */
function watched(): { store: MetricStore; heard: string[] } {
  const store = new MetricStore();
  const heard: string[] = [];
  store.observer = (key, namespace, metricName, dimensions, timestamp, receivedAt) => heard.push(JSON.stringify([key, namespace, metricName, dimensions ?? null, timestamp, receivedAt]));
  return { store, heard };
}

describe('MetricStore.putRepeated', () => {
  it('leaves the store, the observer and the steps as that many puts do', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(datumArb, fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 12 }), (batches) => {
        const a = watched();
        const b = watched();
        batches.forEach(([datum, times], i) => {
          const receivedAt = T0 + 90_000 + i;
          for (let k = 0; k < times; k++) {
            a.store.put('NS', datum, receivedAt);
            a.heard.push(`step ${i}`);
          }
          b.store.putRepeated('NS', datum, receivedAt, times, () => b.heard.push(`step ${i}`));
        });
        expect(b.heard).toEqual(a.heard);
        expect(JSON.stringify(b.store.snapshot())).toBe(JSON.stringify(a.store.snapshot()));
      }),
      { numRuns: 400 },
    );
  });

  it('adds one at a time where one step would round differently', () => {
    const a = new MetricStore();
    const b = new MetricStore();
    // 0.1 added ten times is not 0.1 × 10; 2^53 - 1 plus 2 is past the exact integers.
    for (const [value, times] of [[0.1, 10], [BIG - 1, 3]] as const) {
      for (let k = 0; k < times; k++) a.put('NS', { MetricName: `m${value}`, Value: value, Timestamp: T0 }, T0);
      b.putRepeated('NS', { MetricName: `m${value}`, Value: value, Timestamp: T0 }, T0, times);
    }
    expect(b.snapshot()).toEqual(a.snapshot());
    const sum = b.snapshot().metrics.find((m) => m.identity.MetricName === 'm0.1')!.units[0]!.sum[0];
    expect(sum).not.toBe(0.1 * 10);
  });
});
