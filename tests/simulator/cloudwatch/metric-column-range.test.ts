// Range reads find their first record by a search over the sorted timestamps (every awake alarm's fold asks for
// the newest minutes each minute). Whatever the column and the range, they visit exactly the records a plain
// filter keeps, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricColumn } from '../../../simulator/cloudwatch/metric-column';

/** A column holding one record per timestamp given (sorted by the column itself), values = the timestamp. */
function columnOf(stamps: number[]): MetricColumn {
  const c = new MetricColumn();
  for (const ts of stamps) c.push({ ts, count: 1, sum: ts, min: ts, max: ts });
  return c;
}

/** The timestamps a plain scan keeps for [start, end). */
const plain = (c: MetricColumn, start: number, end: number) => c.toColumns().ts.filter((ts) => ts >= start && ts < end);

function visited(c: MetricColumn, start: number, end: number): { values: number[]; stamps: number[]; records: number[] } {
  const values: number[] = [];
  const stamps: number[] = [];
  const records: number[] = [];
  c.forEachValuesInRange(start, end, (ts) => values.push(ts));
  c.forEachTimestampInRange(start, end, (ts) => stamps.push(ts));
  c.forEachInRange(start, end, (r) => records.push(r.ts));
  return { values, stamps, records };
}

describe('MetricColumn range reads', () => {
  it('visit exactly the records in [start, end), for any column and any bounds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 300 }),
        fc.integer({ min: -10, max: 410 }),
        fc.integer({ min: 0, max: 420 }),
        (stamps, start, width) => {
          const c = columnOf(stamps);
          const want = plain(c, start, start + width);
          expect(visited(c, start, start + width)).toEqual({ values: want, stamps: want, records: want });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds the first record at every position of long columns with repeated timestamps', () => {
    // Runs of equal timestamps, so the first of a run must be found, not any of them.
    const stamps = Array.from({ length: 1000 }, (_, i) => Math.floor(i / 3));
    const c = columnOf(stamps);
    for (let start = -1; start <= 335; start++) {
      const want = plain(c, start, start + 2);
      expect(visited(c, start, start + 2)).toEqual({ values: want, stamps: want, records: want });
    }
  });

  it('answers an empty column, a range after every record, and a range before every record', () => {
    expect(visited(new MetricColumn(), 0, 100)).toEqual({ values: [], stamps: [], records: [] });
    const c = columnOf([10, 20, 30]);
    expect(visited(c, 31, 100).values).toEqual([]);
    expect(visited(c, -5, 10).values).toEqual([]);
    expect(visited(c, -5, 11).values).toEqual([10]);
    expect(visited(c, 30, 31).values).toEqual([30]);
  });
});
