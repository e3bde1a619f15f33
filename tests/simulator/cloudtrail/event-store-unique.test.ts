import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../simulator/cloudtrail/history/event-store';

// CloudTrail hands the event history each record's event id on its own (EventStore.add's `unique`) instead of
// the key "EventId\0<id>" among its keys. Both must index the record alike: found by that key, through expiry
// and compaction, and after a restore (which hands the keys).

const PREFIX = 'EventId\u0000';
const options = () => ({ uniquePrefix: PREFIX, hasUniqueKey: (json: string, key: string) => (JSON.parse(json) as { id: string }).id === key.slice(PREFIX.length) });

/** Event ids as they come (UUIDs), repeated ones, and odd ones: empty, the prefix's own characters, non-ASCII. */
const eventId = fc.oneof(fc.uuid(), fc.constantFrom('', 'a', PREFIX, '\u0000', '한국어', '😀', 'undefined'), fc.string({ maxLength: 40 }));
const entry = fc.record({ id: eventId, gap: fc.oneof({ weight: 6, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: -1 }) }), handed: fc.boolean(), name: fc.constantFrom('A', 'B') });

describe('EventStore: an event id handed on its own is indexed as its key would be', () => {
  it('finds every record by its EventId key, before and after expiry, and after a restore', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.nat(100), (entries, cut) => {
        const byKeys = new EventStore(options());
        const byValue = new EventStore(options());
        let t = 1000;
        for (const e of entries) {
          t += e.gap;
          const json = JSON.stringify({ id: e.id });
          const keys = [`EventName\u0000${e.name}`];
          byKeys.add(t, json, [`${PREFIX}${e.id}`, ...keys]);
          if (e.handed) byValue.add(t, json, [...keys], [], e.id);
          else byValue.add(t, json, [`${PREFIX}${e.id}`, ...keys]);
        }
        const all = { startMs: -Infinity, endMs: Infinity, limit: 1000 };
        const same = (a: EventStore, b: EventStore) => {
          for (const e of entries) {
            const q = { ...all, key: `${PREFIX}${e.id}` };
            expect(b.query(q)).toEqual(a.query(q));
          }
          expect(b.query({ ...all, key: `${PREFIX}never` })).toEqual([]);
          expect(b.query({ ...all, key: 'EventName\u0000A' })).toEqual(a.query({ ...all, key: 'EventName\u0000A' }));
        };
        same(byKeys, byValue);
        const restore = (s: EventStore) =>
          EventStore.restore(s.compactSnapshot(), (json) => ({ keys: [`${PREFIX}${(JSON.parse(json) as { id: string }).id}`] }), options());
        same(restore(byKeys), restore(byValue));
        byKeys.expireBefore(1000 + cut);
        byValue.expireBefore(1000 + cut);
        same(byKeys, byValue);
      }),
      { numRuns: 300 },
    );
  });

  it('a unique value needs the store to have a unique prefix', () => {
    expect(() => new EventStore().add(1, '{}', [], [], 'x')).toThrow('a unique key needs a unique prefix');
  });

  it('indexes thousands of event ids through the table growing and a compaction', () => {
    const byKeys = new EventStore(options());
    const byValue = new EventStore(options());
    const ids = Array.from({ length: 20_000 }, (_, i) => `${(i * 2654435761) >>> 0}-${i % 7}`);
    ids.forEach((id, i) => {
      const json = JSON.stringify({ id });
      byKeys.add(i, json, [`${PREFIX}${id}`]);
      byValue.add(i, json, [], [], id);
    });
    byKeys.expireBefore(12_000);
    byValue.expireBefore(12_000);
    for (const id of ids.filter((_, i) => i % 37 === 0)) {
      const q = { key: `${PREFIX}${id}`, startMs: -Infinity, endMs: Infinity, limit: 5 };
      expect(byValue.query(q)).toEqual(byKeys.query(q));
    }
    expect(byValue.query({ key: `${PREFIX}${ids[15_000]!}`, startMs: -Infinity, endMs: Infinity, limit: 5 }).map((e) => e.timeMs)).toEqual([15_000]);
    expect(byValue.query({ key: `${PREFIX}${ids[5]!}`, startMs: -Infinity, endMs: Infinity, limit: 5 })).toEqual([]);
  });

  it('finds event ids across many segments of the table as expiry drops the oldest, out of order too', () => {
    // 200,000 records: the ids span four segments of 64 K; expiry drops whole segments and keeps part of one.
    const store = new EventStore(options());
    const n = 200_000;
    const idOf = (i: number) => `e${(i * 2654435761) >>> 0}-${i}`;
    for (let i = 0; i < n; i++) store.add(i, JSON.stringify({ id: idOf(i) }), [], [], idOf(i));
    const found = (i: number) => store.query({ key: `${PREFIX}${idOf(i)}`, startMs: -Infinity, endMs: Infinity, limit: 5 }).map((e) => e.timeMs);
    const probes = [0, 1, 65_535, 65_536, 70_000, 131_071, 131_072, 150_000, 196_607, 196_608, 199_999];
    for (const cut of [0, 70_000, 140_000, 190_000]) {
      store.expireBefore(cut);
      for (const i of probes) expect(found(i), `record ${i} after expiry before ${cut}`).toEqual(i >= cut ? [i] : []);
    }
    // A record older than the newest (the clock never goes back, but a restore can order so): the store then
    // renumbers the survivors, and the ids must follow.
    store.add(195_000, JSON.stringify({ id: 'late' }), [], [], 'late');
    store.expireBefore(195_500);
    for (const i of probes) expect(found(i), `record ${i} after the renumbering`).toEqual(i >= 195_500 ? [i] : []);
    expect(store.query({ key: `${PREFIX}late`, startMs: -Infinity, endMs: Infinity, limit: 5 })).toEqual([]);
    store.add(300_000, JSON.stringify({ id: 'next' }), [], [], 'next');
    expect(store.query({ key: `${PREFIX}next`, startMs: -Infinity, endMs: Infinity, limit: 5 }).map((e) => e.timeMs)).toEqual([300_000]);
  });
});
