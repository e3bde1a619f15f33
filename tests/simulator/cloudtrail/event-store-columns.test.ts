import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../simulator/cloudtrail/history/event-store';
import { TimeColumn } from '../../../simulator/cloudtrail/history/time-column';

// The history's times are kept as whole seconds in 32-bit words until a time that is not one arrives; the
// event-id table fills to three quarters. Neither may change a time or an answer.

const S = 1000;
/** Whole-second times of this century, and some that are not: milliseconds, -0, beyond 32-bit seconds. */
const time = fc.oneof(
  fc.integer({ min: 946_684_800, max: 4_102_444_800 }).map((s) => s * S),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((s) => s * S),
  fc.integer({ min: 0, max: 4_102_444_800_000 }),
  fc.constantFrom(-0, 2 ** 31 * S, -(2 ** 31) * S - S, 0.5, 1e15),
);

describe('TimeColumn', () => {
  it('gives back every time exactly, before and after it turns to exact numbers, and after keepFrom', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((s) => s * S) }, { weight: 1, arbitrary: time })), fc.nat(), fc.array(time, { maxLength: 5 }), (times, cut, more) => {
        const c = TimeColumn.of(times);
        expect(c.length).toBe(times.length);
        times.forEach((t, i) => expect(Object.is(c.at(i), t)).toBe(true));
        expect(c.toArray(0)).toEqual(times);
        const first = cut % (times.length + 1);
        const kept = c.keepFrom(first);
        for (const t of more) kept.push(t);
        const expected = [...times.slice(first), ...more];
        expect(kept.length).toBe(expected.length);
        expected.forEach((t, i) => expect(Object.is(kept.at(i), t)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
});

describe('EventStore over whole-second and millisecond times alike', () => {
  const all = { startMs: -Infinity, endMs: Infinity, limit: 1_000_000 };

  it('answers the same whether times are whole seconds or become milliseconds midway', () => {
    const seconds = new EventStore();
    const mixed = new EventStore();
    for (let i = 0; i < 3000; i++) {
      const t = i * S;
      seconds.add(t, JSON.stringify({ i }), [`K\u0000${i % 7}`]);
      // From record 1500 on the second store gets one millisecond-precision time, then whole seconds again.
      mixed.add(i === 1500 ? t + 0.5 : t, JSON.stringify({ i }), [`K\u0000${i % 7}`]);
    }
    const q = { ...all, key: 'K\u00003', startMs: 1000 * S, endMs: 2000 * S };
    expect(mixed.query(q).map((e) => e.json)).toEqual(seconds.query(q).map((e) => e.json));
    seconds.expireBefore(1600 * S);
    mixed.expireBefore(1600 * S);
    expect(mixed.size).toBe(seconds.size);
    expect(mixed.query(all).map((e) => [e.id, e.timeMs])).toEqual(seconds.query(all).map((e) => [e.id, e.timeMs]));
    expect(mixed.compactSnapshot()).toEqual(seconds.compactSnapshot());
  });

  it('finds records by event id through growth at three quarters, gaps without ids, and both kinds of compaction', () => {
    const options = { uniquePrefix: 'EventId\u0000', hasUniqueKey: (json: string, key: string) => (JSON.parse(json) as { id: string }).id === key.slice(8) };
    const idOf = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const store = new EventStore(options);
    for (let n = 0; n < 20_000; n++) {
      // Every fifth record has no event id key (the table skips it); one arrives out of order.
      const keys = n % 5 === 4 ? [] : [`EventId\u0000${idOf(n)}`];
      store.add(n === 15_000 ? 100 * S : n * S, JSON.stringify({ id: idOf(n) }), keys, [idOf(n)]);
    }
    const find = (n: number) => store.query({ ...all, key: `EventId\u0000${idOf(n)}` }).map((e) => e.json);
    for (const n of [0, 3, 4, 4095, 4096, 12_287, 15_000, 19_999]) expect(find(n)).toEqual(n % 5 === 4 ? [] : [JSON.stringify({ id: idOf(n) })]);
    // Out-of-order records make expiry rebuild by remapping ids; in-order ones keep a suffix.
    store.expireBefore(10_000 * S);
    expect(find(9_999)).toEqual([]);
    expect(find(15_000)).toEqual([]);
    expect(find(10_000)).toEqual([JSON.stringify({ id: idOf(10_000) })]);
    expect(find(19_998)).toEqual([JSON.stringify({ id: idOf(19_998) })]);
    store.expireBefore(17_000 * S);
    expect(find(16_998)).toEqual([]);
    expect(find(17_003)).toEqual([JSON.stringify({ id: idOf(17_003) })]);
    expect(store.size).toBe(3000);
  });
});
