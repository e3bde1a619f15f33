import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../simulator/cloudtrail/history/event-store';

function filled(times: number[]): EventStore {
  const store = new EventStore();
  times.forEach((t, i) => store.add(t, `{"n":${i}}`, [i % 2 ? 'odd' : 'even', `id${i}`]));
  return store;
}

const all = { startMs: 0, endMs: Number.MAX_SAFE_INTEGER, limit: 1000 };

describe('EventStore', () => {
  it('answers newest first, by key, within the time range', () => {
    const store = filled([10, 20, 30, 40, 50]);
    expect(store.query({ ...all }).map((e) => e.json)).toEqual(['{"n":4}', '{"n":3}', '{"n":2}', '{"n":1}', '{"n":0}']);
    expect(store.query({ ...all, key: 'odd' }).map((e) => e.timeMs)).toEqual([40, 20]);
    expect(store.query({ ...all, key: 'id3' }).map((e) => e.timeMs)).toEqual([40]);
    expect(store.query({ ...all, startMs: 20, endMs: 40 }).map((e) => e.timeMs)).toEqual([40, 30, 20]);
    expect(store.query({ ...all, key: 'missing' })).toEqual([]);
  });

  it('gives the same answers when records arrive out of time order', () => {
    const ordered = filled([10, 20, 30, 40, 50]);
    const shuffled = new EventStore();
    for (const i of [2, 0, 4, 1, 3]) shuffled.add((i + 1) * 10, `{"n":${i}}`, [i % 2 ? 'odd' : 'even']);
    expect(shuffled.query({ ...all }).map((e) => e.json)).toEqual(ordered.query({ ...all }).map((e) => e.json));
    expect(shuffled.query({ ...all, key: 'even', endMs: 40 }).map((e) => e.timeMs)).toEqual([30, 10]);
    shuffled.expireBefore(25);
    expect(shuffled.query({ ...all }).map((e) => e.timeMs)).toEqual([50, 40, 30]);
  });

  it('keeps paging positions valid across expiry compaction', () => {
    const times = Array.from({ length: 10_000 }, (_, i) => i);
    const store = filled(times);
    const firstPage = store.query({ ...all, limit: 3 });
    const cursor = firstPage[firstPage.length - 1]!;
    store.expireBefore(6000);
    expect(store.size).toBe(4000);
    const next = store.query({ ...all, limit: 3, before: { timeMs: cursor.timeMs, id: cursor.id } });
    expect(next.map((e) => e.timeMs)).toEqual([9996, 9995, 9994]);
    expect(store.query({ ...all, key: 'id5999' })).toEqual([]);
    expect(store.query({ ...all, key: 'id6000' }).map((e) => e.timeMs)).toEqual([6000]);
    expect(store.query({ ...all, key: 'odd', limit: 2 }).map((e) => e.timeMs)).toEqual([9999, 9997]);
  });

  it('round-trips through its snapshot', () => {
    const store = filled([10, 20, 30]);
    store.expireBefore(15);
    const restored = EventStore.restore(store.snapshot(), (json) => {
      const n = (JSON.parse(json) as { n: number }).n;
      return { keys: [n % 2 ? 'odd' : 'even', `id${n}`] };
    });
    const view = (s: EventStore) => s.query({ ...all }).map((e) => [e.timeMs, e.json]);
    expect(view(restored)).toEqual(view(store));
    expect(view(restored)).toHaveLength(2);
    expect(restored.query({ ...all, key: 'id1' }).map((e) => e.timeMs)).toEqual([20]);
  });
});

describe('EventStore unique keys (event ids in a hash table)', () => {
  const options = { uniquePrefix: 'EventId\u0000', hasUniqueKey: (json: string, key: string) => (JSON.parse(json) as { id: string }).id === key.slice(8) };
  const idOf = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
  function withIds(n: number): EventStore {
    const store = new EventStore(options);
    for (let i = 0; i < n; i++) store.add(i, JSON.stringify({ id: idOf(i) }), [`EventId\u0000${idOf(i)}`], [idOf(i)]);
    return store;
  }

  it('finds each record by its id among thousands, through table growth and expiry', () => {
    const store = withIds(10_000);
    for (const i of [0, 1, 4095, 4096, 9999]) expect(store.query({ ...all, key: `EventId\u0000${idOf(i)}` }).map((e) => e.timeMs)).toEqual([i]);
    expect(store.query({ ...all, key: 'EventId\u0000not-an-id' })).toEqual([]);
    store.expireBefore(6000);
    expect(store.query({ ...all, key: `EventId\u0000${idOf(5999)}` })).toEqual([]);
    expect(store.query({ ...all, key: `EventId\u0000${idOf(6000)}` }).map((e) => e.json)).toEqual([JSON.stringify({ id: idOf(6000) })]);
    store.add(10_000, JSON.stringify({ id: idOf(6000) }), [`EventId\u0000${idOf(6000)}`], [idOf(6000)]);
    expect(store.query({ ...all, key: `EventId\u0000${idOf(6000)}` }).map((e) => e.timeMs)).toEqual([10_000, 6000]);
  });

  it('gives the same answers out of time order and after the sort-path compaction', () => {
    const store = new EventStore(options);
    for (const i of [3, 1, 2, 0]) store.add(i * 10, JSON.stringify({ id: idOf(i) }), [`EventId\u0000${idOf(i)}`], [idOf(i)]);
    store.expireBefore(15);
    expect(store.query({ ...all, key: `EventId\u0000${idOf(0)}` })).toEqual([]);
    expect(store.query({ ...all, key: `EventId\u0000${idOf(1)}` })).toEqual([]);
    expect(store.query({ ...all, key: `EventId\u0000${idOf(2)}` }).map((e) => e.timeMs)).toEqual([20]);
    expect(store.query({ ...all }).map((e) => e.timeMs)).toEqual([30, 20]);
  });
});

describe('EventStore compact snapshot (templates and values)', () => {
  const idOf = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
  // Like a real record: most of it (caller, agent, TLS details) is the same for every call of the same kind.
  const agent = 'aws-cli/2.22.35 md/awscrt#0.23.8 ua/2.0 os/linux#6.8.0-1021-aws md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython';
  const rec = (i: number) => JSON.stringify({ eventTime: `2026-01-01T00:00:0${i % 10}Z`, eventName: i % 3 ? 'ListBuckets' : 'DeleteBucket', userAgent: agent, eventID: idOf(i) });
  const entryOf = (json: string) => {
    const r = JSON.parse(json) as { eventTime: string; eventName: string; eventID: string };
    return { keys: [`EventName\u0000${r.eventName}`], values: [r.eventTime, r.eventID] };
  };

  it('round-trips through JSON, is far smaller than the texts, and gives the same answers after expiry', () => {
    const store = new EventStore();
    for (let i = 0; i < 300; i++) store.add(i, rec(i), entryOf(rec(i)).keys, entryOf(rec(i)).values);
    store.expireBefore(100);
    const compact = JSON.parse(JSON.stringify(store.compactSnapshot())) as Parameters<typeof EventStore.restore>[0];
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(store.snapshot()).length / 2);
    const restored = EventStore.restore(compact, entryOf);
    const view = (s: EventStore, key?: string) => s.query({ ...all, key }).map((e) => [e.timeMs, e.json]);
    expect(view(restored)).toEqual(view(store));
    expect(view(restored)).toHaveLength(200);
    expect(view(restored, 'EventName\u0000DeleteBucket')).toEqual(view(store, 'EventName\u0000DeleteBucket'));
  });

  it('refuses a compact snapshot whose columns do not fit together, instead of misreading it', () => {
    const store = new EventStore();
    for (let i = 0; i < 3; i++) store.add(i, rec(i), entryOf(rec(i)).keys, entryOf(rec(i)).values);
    type Cols = { templates: string[][]; columns: Record<string, string>; strings: string[] };
    const s = store.compactSnapshot() as { times: number[]; texts: Cols };
    const words = (n: number[]) => Buffer.from(new Int32Array(n).buffer).toString('base64');
    const broken = (texts: Partial<Cols>, times = s.times) => () => EventStore.restore({ times, texts: { ...s.texts, ...texts } } as never, entryOf);
    // eventTime packs into a word, so these records hold no plain strings: one too many is refused.
    expect(broken({ strings: [...s.texts.strings, 'extra'] })).toThrow(/strings do not match/);
    expect(broken({ columns: { ...s.texts.columns, template: words([9, 0, 0]) } })).toThrow(/no template 9/);
    expect(broken({ columns: { ...s.texts.columns, holesAt: words([0, 0]) } })).toThrow(/different lengths/);
    expect(broken({ columns: { ...s.texts.columns, packed: words([1, 2]) } })).toThrow(/outside its column/);
    expect(broken({ columns: { ...s.texts.columns, packed: 'not base64!' } })).toThrow(/not base64/);
    expect(broken({}, [1])).toThrow(/malformed/);
    expect(EventStore.restore(s as never, entryOf).query({ ...all }).map((e) => e.json)).toEqual(store.query({ ...all }).map((e) => e.json));
  });

  it('still reads the first compact form (values as strings)', () => {
    const values = { templates: [['{"id":"', '"}']], template: [0, 0], values: ['a', 'b'] };
    const restored = EventStore.restore({ times: [1, 2], texts: values }, (json) => ({ keys: [json] }));
    expect(restored.query({ ...all }).map((e) => e.json)).toEqual(['{"id":"b"}', '{"id":"a"}']);
    expect(() => EventStore.restore({ times: [1, 2], texts: { ...values, values: ['a'] } }, (json) => ({ keys: [json] }))).toThrow(/too few values/);
  });
});
