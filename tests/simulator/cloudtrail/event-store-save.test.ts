import { describe, expect, it } from 'vitest';
import { EventStore, type EventStoreSnapshot } from '../../../simulator/cloudtrail/history/event-store';
import type { TemplatedTexts } from '../../../simulator/core/templated-texts';

// A store whose texts are all live saves them as they stand (no copy); one with expired texts copies the live
// ones out first. Either way the save restores to a store that answers every query the same.

const S = 1000;
const all = { startMs: -Infinity, endMs: Infinity, limit: 1_000_000 };
/** Records of a few shapes (so templates differ), each found by its own key and a shared one. */
function filled(n: number): EventStore {
  const store = new EventStore();
  for (let i = 0; i < n; i++) {
    const shape = i % 3 === 0 ? { i, name: `user-${i % 17}` } : i % 3 === 1 ? { i, at: new Date(i * S).toISOString() } : { i, list: [i, `x${i}`], early: i < n / 4 };
    store.add(i * S, JSON.stringify(shape), [`K\u0000${i % 7}`, `I\u0000${i}`]);
  }
  return store;
}
const entryOf = (json: string) => {
  const i = (JSON.parse(json) as { i: number }).i;
  return { keys: [`K\u0000${i % 7}`, `I\u0000${i}`] };
};
function sameAnswers(a: EventStore, b: EventStore): void {
  expect(b.size).toBe(a.size);
  expect(b.query(all).map((e) => [e.timeMs, e.json])).toEqual(a.query(all).map((e) => [e.timeMs, e.json]));
  for (const key of ['K\u00003', 'I\u00009000', 'I\u00001']) {
    const q = { ...all, key, startMs: 500 * S, endMs: 9500 * S };
    expect(b.query(q).map((e) => e.json)).toEqual(a.query(q).map((e) => e.json));
  }
}

describe('saving the event history', () => {
  it('saves a store with nothing expired as the copy would, without making it', () => {
    const store = filled(5000);
    const texts = (store as unknown as { texts: TemplatedTexts }).texts;
    const copied: EventStoreSnapshot = { times: store.query(all).map((e) => e.timeMs).reverse(), texts: texts.snapshot(Array.from({ length: store.size }, (_, i) => i)) };
    expect(store.compactSnapshot()).toEqual(copied);
    sameAnswers(store, EventStore.restore(store.compactSnapshot(), entryOf));
  });

  it('saves the live texts of a store with expired ones, before and after expiry compacts it', () => {
    const store = filled(10_000);
    store.expireBefore(3000 * S);
    sameAnswers(store, EventStore.restore(store.compactSnapshot(), entryOf));
    // Past half expired: the store keeps the live suffix (and every template, some no text uses any more).
    store.expireBefore(6000 * S);
    const saved = store.compactSnapshot();
    const restored = EventStore.restore(saved, entryOf);
    sameAnswers(store, restored);
    expect(EventStore.restore(restored.compactSnapshot(), entryOf).query(all).map((e) => e.json)).toEqual(store.query(all).map((e) => e.json));
  });
});
