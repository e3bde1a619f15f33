// Records waiting for delivery (lanes.ts): a trail whose bucket is gone keeps its records and retries for as
// long as it takes, so they can outlive the event history's 90 days, or wait while the history compacts around
// an out-of-order record: they must still be delivered exactly as they were.
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { recordText } from '../../../simulator/core/record-text';
import { advance, call, MGMT_DEF, record, T0, world, type World } from './helpers';

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
