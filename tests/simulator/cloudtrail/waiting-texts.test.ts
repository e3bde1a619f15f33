// Records waiting for delivery (lanes.ts): a trail whose bucket is gone keeps its records and retries for as
// long as it takes, so they can outlive the event history's 90 days, or wait while the history compacts around
// an out-of-order record: they must still be delivered exactly as they were. A record the history keeps waits
// without its own text, and takes it only when the history is about to let it go.
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { recordText } from '../../../simulator/core/record-text';
import { advance, call, MGMT_DEF, record, T0, world, type World } from './helpers';
import { EventStore } from '../../../simulator/cloudtrail/history/event-store';
import { LaneBuffer } from '../../../simulator/cloudtrail/delivery/lane-buffer';
import { waitingRecord, type WaitingRecord } from '../../../simulator/cloudtrail/delivery/lanes';

const MIN = 60_000;
const DAY = 1440 * MIN;

function blocked(): World {
  const w = world();
  w.store.addBucket('logs');
  call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
  call(w, 'StartLogging', { Name: 'main' });
  w.store.buckets.delete('logs');
  return w;
}

/** Every record of every log file delivered, in delivery order, as text. */
function deliveredTexts(w: World): string[] {
  const keys = w.store.listKeys('logs').filter((k) => k.includes('/CloudTrail/'));
  return keys.flatMap((k) => (JSON.parse(new TextDecoder().decode(gunzipSync(w.store.getObject('logs', k)!))) as { Records: unknown[] }).Records.map((r) => JSON.stringify(r)));
}

const inHistory = (w: World): number => (call(w, 'LookupEvents', { StartTime: new Date(T0 - 200 * DAY).toISOString(), EndTime: new Date(w.clock.ms + DAY).toISOString(), MaxResults: 50 })['Events'] as unknown[]).length;

describe('records waiting for a blocked trail', () => {
  it('outlive the event history\'s 90 days and are delivered as they were', () => {
    const w = blocked();
    const rs = [record({ atMs: T0 }), record({ atMs: T0 + 30_000 }), record({ atMs: T0 + 2 * MIN })];
    for (const r of rs) w.ct.ingest(r, MGMT_DEF);
    expect(inHistory(w)).toBe(3);
    for (let d = 0; d < 92; d++) advance(w, DAY);
    expect(inHistory(w)).toBe(0);
    expect(deliveredTexts(w)).toEqual([]);
    w.store.addBucket('logs');
    advance(w, 5 * MIN);
    expect(deliveredTexts(w)).toEqual(rs.map((r) => JSON.stringify(JSON.parse(recordText(r)))));
  });

  it('are delivered exactly when the history renumbers its records around an out-of-order one', () => {
    const w = blocked();
    // Times out of order: when the older one expires, the history rebuilds itself and every id changes.
    const rs = [record({ atMs: T0 + 10 * MIN }), record({ atMs: T0 }), record({ atMs: T0 + 20 * MIN })];
    for (const r of rs) w.ct.ingest(r, MGMT_DEF);
    w.clock.ms = T0 + 20 * MIN;
    advance(w, 90 * DAY - 15 * MIN);
    // The record at T0 has gone from the history; the other two are still there, under new ids.
    expect(inHistory(w)).toBe(2);
    w.store.addBucket('logs');
    advance(w, 5 * MIN);
    expect(deliveredTexts(w)).toEqual(rs.map((r) => JSON.stringify(JSON.parse(recordText(r)))));
    expect(inHistory(w)).toBe(2);
  });
});

describe('a waiting record the event history keeps', () => {
  const texts = ['{"eventID":"a"}', '{"eventID":"b"}', '{"eventID":"c"}'];

  function waiting(times: number[]): { store: EventStore; buffer: LaneBuffer; records: WaitingRecord[]; told: number[]; expire: (cutoffMs: number) => void } {
    const store = new EventStore();
    const buffer = new LaneBuffer();
    const records = texts.map((t, i) => waitingRecord(undefined, undefined, { store, id: store.add(times[i]!, t, []) }, times[i]!));
    for (const r of records) buffer.push(r);
    const told: number[] = [];
    const expire = (cutoffMs: number) =>
      store.expireBefore(cutoffMs, (s, below) => {
        told.push(below);
        buffer.keepTexts(s, below, (json) => [json.slice(12, 13)]);
      });
    return { store, buffer, records, told, expire };
  }

  it('waits without a text of its own and takes it just before the history lets it go', () => {
    const w = waiting([T0, T0 + MIN, T0 + 2 * MIN]);
    expect(w.records.map((r) => r.json)).toEqual([undefined, undefined, undefined]);
    expect(w.buffer.texts()).toEqual(texts);
    w.expire(T0 + 30_000);
    expect(w.told).toEqual([w.records[1]!.historyId]);
    expect(w.records.map((r) => r.json)).toEqual([texts[0], undefined, undefined]);
    expect(w.records.map((r) => r.values)).toEqual([['a'], undefined, undefined]);
    expect(w.store.textOf(w.records[0]!.historyId)).toBeUndefined();
    // Nothing more expires: the lanes are not told again.
    w.expire(T0 + 30_000);
    expect(w.told).toHaveLength(1);
    expect(w.buffer.texts()).toEqual(texts);
  });

  it('takes its text when an out-of-order record makes the history renumber every record', () => {
    const w = waiting([T0 + 10 * MIN, T0, T0 + 20 * MIN]);
    w.expire(T0 + 5 * MIN);
    expect(w.told).toEqual([Infinity]);
    expect(w.records.map((r) => r.json)).toEqual(texts);
    // The survivors have new ids: the old ones name nothing now.
    expect(w.records.map((r) => w.store.textOf(r.historyId))).toEqual([undefined, undefined, undefined]);
    expect(w.buffer.texts()).toEqual(texts);
  });

  it('is told by id, not by position, once a compaction has moved the history\'s first id', () => {
    const store = new EventStore();
    const buffer = new LaneBuffer();
    const ids: number[] = [];
    for (let i = 0; i < 6000; i++) ids.push(store.add(T0 + i * 1000, `{"eventID":"${i}"}`, []));
    const waitingIds = ids.slice(4990, 5010);
    const records = waitingIds.map((id) => waitingRecord(undefined, undefined, { store, id }, T0 + id * 1000));
    for (const r of records) buffer.push(r);
    const told: number[] = [];
    const expire = (cutoffMs: number) =>
      store.expireBefore(cutoffMs, (s, below) => {
        told.push(below);
        buffer.keepTexts(s, below, () => []);
      });
    // 4,500 expire: enough for the store to compact, so its first id is no longer position 0.
    expire(T0 + 4500 * 1000);
    expire(T0 + 5000 * 1000);
    expect(told).toEqual([ids[4500], ids[5000]]);
    expect(records.filter((r) => r.json !== undefined)).toHaveLength(10);
    expect(buffer.texts()).toEqual(waitingIds.map((id) => `{"eventID":"${id}"}`));
  });

  it('is never made without a text or a history to read it from', () => {
    expect(() => waitingRecord(undefined, undefined)).toThrow();
  });
});
