// A batch's minutes are read in one pass when its events are in time order; any batch must get the minutes
// and per-event indexes that gathering minutes in a map and sorting them gives (NaN timestamps included).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchMinutes, batchMinutesOf } from '../../../simulator/logs/batch-minutes';

const MINUTE = 60_000;

/** What the runtime did before the one-pass reading: a map of minutes in first-seen order, sorted. */
function reference(timestamps: readonly number[]): { minutes: number[]; minuteOf: number[] } {
  const byMinute = new Map<number, number>();
  const of = timestamps.map((t) => Math.floor(t / MINUTE) * MINUTE);
  for (const m of of) byMinute.set(m, 0);
  const minutes = [...byMinute.keys()].sort((a, b) => a - b);
  // Found as the map found them (SameValueZero: NaN is NaN, -0 is 0).
  return { minutes, minuteOf: of.map((m) => minutes.findIndex((x) => x === m || (Number.isNaN(x) && Number.isNaN(m)))) };
}

describe('batch minutes', () => {
  it('are the sorted distinct minutes, each event pointing at its own', () => {
    const ts = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -3 * MINUTE, max: 10 * MINUTE }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, MINUTE - 0.5) },
    );
    fc.assert(
      fc.property(fc.array(ts, { maxLength: 30 }), fc.boolean(), (timestamps, sorted) => {
        const events = (sorted ? [...timestamps].sort((a, b) => a - b) : timestamps).map((timestamp) => ({ timestamp }));
        const got = batchMinutes(events);
        const want = reference(events.map((e) => e.timestamp));
        expect(got.minutes).toEqual(want.minutes);
        expect(got.minuteOf).toEqual(want.minuteOf);
        // From the timestamps alone (a trail's batch), the same.
        expect(batchMinutesOf(events.map((e) => e.timestamp))).toEqual(got);
      }),
      { numRuns: 2000 },
    );
  });

  it('read a trail\'s ordered batch without sorting, and an out-of-order one by sorting', () => {
    expect(batchMinutes([0, 1, MINUTE, 3 * MINUTE + 5, 3 * MINUTE + 9].map((timestamp) => ({ timestamp })))).toEqual({ minutes: [0, MINUTE, 3 * MINUTE], minuteOf: [0, 0, 1, 2, 2] });
    expect(batchMinutes([2 * MINUTE, 0, 2 * MINUTE + 1, NaN].map((timestamp) => ({ timestamp })))).toEqual(reference([2 * MINUTE, 0, 2 * MINUTE + 1, NaN]));
  });
});
