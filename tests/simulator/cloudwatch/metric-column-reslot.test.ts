// Re-slotting skips columns it would not change; the result must be what a full re-slot gives, for columns
// that are already in order and for those that are not (same slot, equal values, statistic sets).
import { describe, expect, it } from 'vitest';
import { MetricColumn, isSingleValued, type SampleRecord } from '../../../simulator/cloudwatch/metric-column';

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
