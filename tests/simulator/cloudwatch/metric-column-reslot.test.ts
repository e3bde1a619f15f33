// Re-slotting skips columns it would not change; the result must be what a full re-slot gives, for columns
// that are already in order and for those that are not (same slot, equal values, statistic sets).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricColumn, isSingleValued, type SampleRecord } from '../../../simulator/cloudwatch/metric-column';
import { retentionSlot } from '../../../simulator/cloudwatch/metric-store';

/** A full re-slot written plainly: move, drop, sort by slot then value (aggregates last), merge neighbours. */
function reference(records: SampleRecord[], slot: (ts: number) => number | undefined): SampleRecord[] {
  const single = (r: SampleRecord) => isSingleValued(r.min, r.max, r.count, r.sum);
  const key = (r: SampleRecord) => (single(r) ? r.min : Number.MAX_VALUE);
  const moved = records.flatMap((r) => {
    const ts = slot(r.ts);
    return ts === undefined ? [] : [{ ...r, ts }];
  });
  moved.sort((a, b) => a.ts - b.ts || key(a) - key(b));
  const out: SampleRecord[] = [];
  for (const r of moved) {
    const last = out[out.length - 1];
    if (last && last.ts === r.ts && single(last) === single(r) && (!single(r) || last.min === r.min)) {
      const value = single(r) ? last.min : undefined;
      out[out.length - 1] = { ts: last.ts, count: last.count + r.count, sum: last.sum + r.sum, min: value ?? Math.min(last.min, r.min), max: value ?? Math.max(last.max, r.max) };
    } else out.push({ ...r });
  }
  return out;
}

/**
 * Sums of fractional values depend on the order they are added in: pushing merges a repeated value into the
 * last record at once, re-slotting merges left to right, and the reference merges a canonical column. So sums
 * are compared to within a few units in the last place, everything else exactly.
 */
function expectSameRecords(actual: SampleRecord[], expected: SampleRecord[]): void {
  expect(actual.map(({ sum: _, ...r }) => r)).toEqual(expected.map(({ sum: _, ...r }) => r));
  actual.forEach((r, i) => {
    const want = expected[i]!.sum;
    if (Object.is(r.sum, want) || (Number.isNaN(r.sum) && Number.isNaN(want))) return;
    expect(Math.abs(r.sum - want), `sum of record ${i}: ${r.sum} against ${want}`).toBeLessThanOrEqual(
      4 * Number.EPSILON * Math.max(1, Math.abs(want)));
  });
}

const rows = (c: MetricColumn): SampleRecord[] => {
  const d = c.toColumns();
  return d.ts.map((ts, i) => ({ ts, count: d.count[i]!, sum: d.sum[i]!, min: d.min[i]!, max: d.max[i]! }));
};

describe('MetricColumn.reslot', () => {
  it('gives what a full re-slot gives, whether or not it can skip the work', () => {
    let seed = 12345;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const slots: Array<(ts: number) => number | undefined> = [
      (t) => t,
      (t) => Math.floor(t / 300) * 300,
      (t) => (t < 600 ? undefined : t),
    ];
    for (let round = 0; round < 300; round++) {
      const column = new MetricColumn();
      const pushed: SampleRecord[] = [];
      const n = rand(12);
      let ts = 0;
      for (let i = 0; i < n; i++) {
        // Mostly in order, sometimes the same minute again or an earlier one.
        ts = rand(4) === 0 ? Math.max(0, ts - 60 * rand(3)) : ts + 60 * rand(3);
        const v = rand(4);
        const r: SampleRecord = rand(5) === 0 ? { ts, count: 2, sum: v * 2 + 1, min: v, max: v + 1 } : { ts, count: 1, sum: v, min: v, max: v };
        column.push(r);
        pushed.push(r);
      }
      // First an identity re-slot (which leaves the column canonical), then a coarser one, as roll-ups do.
      const slot = slots[rand(slots.length)]!;
      column.reslot((t) => t);
      expect(rows(column)).toEqual(reference(pushed, (t) => t));
      column.reslot((t) => t);
      expect(rows(column)).toEqual(reference(pushed, (t) => t));
      column.reslot(slot);
      expect(rows(column)).toEqual(reference(reference(pushed, (t) => t), slot));
    }
  });

  it('rebuilds everything when the kept newest records would not come after the rebuilt ones', () => {
    const column = new MetricColumn();
    const pushed: SampleRecord[] = [
      { ts: 0, count: 1, sum: 1, min: 1, max: 1 },
      { ts: 60, count: 1, sum: 3, min: 3, max: 3 },
      { ts: 60, count: 1, sum: 2, min: 2, max: 2 },
      { ts: 120, count: 1, sum: 5, min: 5, max: 5 },
      { ts: 120, count: 1, sum: 5, min: 5, max: 5 },
    ];
    for (const r of pushed) column.push(r);
    column.reslot((t) => t);
    expect(rows(column).map((r) => [r.ts, r.min, r.count])).toEqual([[0, 1, 1], [60, 2, 1], [60, 3, 1], [120, 5, 2]]);
    column.reslot((t) => (t < 60 ? undefined : Math.floor(t / 120) * 120));
    expect(rows(column)).toEqual(reference(reference(pushed, (t) => t), (t) => (t < 60 ? undefined : Math.floor(t / 120) * 120)));
  });
});

// Longer columns in time order, as roll-ups meet them day after day: the result must be the full re-slot's,
// whatever the slot function, the values (equal, fractional, negative, not finite) or the records dropped.
describe('MetricColumn.reslot over columns in time order', () => {
  const DAY = 86_400_000;
  const MINUTE = 60_000;
  const record = (ts: number, v: number, kind: number): SampleRecord =>
    kind === 0 ? { ts, count: 2, sum: v * 2 + 1, min: v, max: v + 1 } : { ts, count: kind, sum: v * kind, min: v, max: v };
  const inOrder = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 1, 2, 2.5, 0.1, -3), fc.integer({ min: 0, max: 3 })), { maxLength: 40 });
  const slots: Array<(t: number) => number | undefined> = [
    (t) => t,
    (t) => Math.floor(t / 300) * 300,
    (t) => (t < 600 ? undefined : Math.floor(t / 120) * 120),
    // Drops records in the middle of the column, not only the oldest.
    (t) => (t % 420 === 0 ? undefined : Math.floor(t / 180) * 180),
    (t) => (t > 900 ? t : t > 300 ? Math.floor(t / 300) * 300 : Math.floor(t / 600) * 600),
    // Only a middle band changes: coarsened, dropped, or moved onto (or before) older records' slots, where it
    // must merge or re-sort with them.
    (t) => (t >= 600 && t < 1200 ? Math.floor(t / 300) * 300 : t),
    (t) => (t >= 600 && t < 1200 ? undefined : t),
    (t) => (t >= 600 && t < 900 ? 540 : t),
    (t) => (t >= 600 && t < 900 ? 300 : t),
  ];

  it('gives the full re-slot for any column pushed in time order and any slot that keeps time order', () => {
    fc.assert(fc.property(inOrder, fc.array(fc.integer({ min: 0, max: slots.length - 1 }), { minLength: 1, maxLength: 4 }), (steps, chosen) => {
      const column = new MetricColumn();
      let expected: SampleRecord[] = [];
      let ts = 0;
      for (const [gap, v, kind] of steps) {
        ts += 60 * gap;
        const r = record(ts, v, kind);
        column.push(r);
        expected.push(r);
      }
      expected = reference(expected, (t) => t);
      for (const k of chosen) {
        column.reslot(slots[k]!);
        expected = reference(expected, slots[k]!);
        expectSameRecords(rows(column), expected);
      }
    }), { numRuns: Number(process.env.RESLOT_RUNS ?? 100) });
  });

  it('re-sorts across slots when the slot function does not keep time order', () => {
    const column = new MetricColumn();
    const pushed = [0, 60, 120, 180, 240].map((ts, i) => record(ts, i % 2, 1));
    for (const r of pushed) column.push(r);
    const reverse = (t: number) => 1000 - Math.floor(t / 120) * 120;
    column.reslot(reverse);
    expect(rows(column)).toEqual(reference(pushed, reverse));
    expect(rows(column).map((r) => r.ts)).toEqual([760, 880, 880, 1000, 1000]);
  });

  it('keeps its records when most are dropped and the column then grows again', () => {
    const column = new MetricColumn();
    let expected: SampleRecord[] = [];
    for (let i = 0; i < 2000; i++) {
      const r = record(i * 60, i % 3, 1);
      column.push(r);
      expected.push(r);
    }
    const keepLast = (t: number) => (t < 1990 * 60 ? undefined : t);
    column.reslot(keepLast);
    expected = reference(expected, keepLast);
    expect(rows(column)).toEqual(expected);
    for (let i = 2000; i < 2100; i++) {
      const r = record(i * 60, 1, 2);
      column.push(r);
      expected.push(r);
    }
    expect(rows(column)).toEqual(expected);
    expect(column.length).toBe(110);
  });

  it('re-slots a column holding a value that is not finite', () => {
    const column = new MetricColumn();
    const pushed = [record(0, 1, 1), { ts: 60, count: 1, sum: Infinity, min: Infinity, max: Infinity }, record(120, 2, 1)];
    for (const r of pushed) column.push(r);
    const coarse = (t: number) => Math.floor(t / 300) * 300;
    column.reslot(coarse);
    expect(rows(column)).toEqual(reference(pushed, coarse));
  });

  it('gives the full re-slot through months of daily roll-ups of minute and second data', () => {
    let seed = 99;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const column = new MetricColumn();
    let expected: SampleRecord[] = [];
    let ts = 0;
    for (let day = 1; day <= 80; day++) {
      while (ts < day * DAY) {
        // Mostly one datum a minute or so; sometimes high-resolution seconds or a statistic set.
        ts += rand(5) === 0 ? 1000 * (1 + rand(30)) : MINUTE * (1 + rand(90));
        const stamped = rand(3) === 0 ? ts : Math.floor(ts / MINUTE) * MINUTE;
        if (stamped < (expected[expected.length - 1]?.ts ?? 0)) continue;
        const r = record(stamped, rand(3), rand(4));
        column.push(r);
        expected.push(r);
      }
      const now = day * DAY;
      column.reslot((t) => retentionSlot(now, t));
      expected = reference(expected, (t) => retentionSlot(now, t));
      expect(rows(column)).toEqual(expected);
    }
    expect(expected.length).toBeGreaterThan(1000);
  });
});

// The daily roll-up rebuilds only the bands of records whose slot changes (reslotBands); here slot functions
// made of random bands, each coarsening its records, dropping them, or moving them all onto one time that may lie
// before, inside or after other bands and kept records, so bands must reach kept records and one another.
describe('MetricColumn.reslot by bands', () => {
  const band = fc.record({
    from: fc.integer({ min: 0, max: 40 }),
    width: fc.integer({ min: 1, max: 12 }),
    rule: fc.oneof(
      fc.record({ kind: fc.constant('coarsen' as const), step: fc.constantFrom(2, 3, 5, 7) }),
      fc.record({ kind: fc.constant('drop' as const) }),
      fc.record({ kind: fc.constant('onto' as const), at: fc.integer({ min: 0, max: 50 }) }),
    ),
  });
  const values = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom(0, 1, 2, 0.5), fc.integer({ min: 0, max: 3 })), { maxLength: 50 });

  it('gives the full re-slot whatever bands change and wherever their records go', () => {
    fc.assert(
      fc.property(values, fc.array(band, { maxLength: 4 }), fc.array(band, { maxLength: 3 }), (steps, first, second) => {
        const column = new MetricColumn();
        let expected: SampleRecord[] = [];
        let ts = 0;
        for (const [gap, v, kind] of steps) {
          ts += 60 * gap;
          const r = kind === 0 ? { ts, count: 2, sum: v * 2 + 1, min: v, max: v + 1 } : { ts, count: kind, sum: v * kind, min: v, max: v };
          column.push(r);
          expected.push(r);
        }
        expected = reference(expected, (t) => t);
        column.reslot((t) => t);
        for (const bands of [first, second]) {
          const slot = (t: number): number | undefined => {
            const minute = t / 60;
            const b = bands.find((x) => minute >= x.from && minute < x.from + x.width);
            if (!b) return t;
            if (b.rule.kind === 'drop') return undefined;
            if (b.rule.kind === 'onto') return b.rule.at * 60;
            return Math.floor(minute / b.rule.step) * b.rule.step * 60;
          };
          column.reslot(slot);
          expected = reference(expected, slot);
          expectSameRecords(rows(column), expected);
        }
      }),
      { numRuns: Number(process.env.RESLOT_RUNS ?? 300) },
    );
  });
});
