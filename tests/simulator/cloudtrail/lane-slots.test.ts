// Routing keeps the lane it buffered into in each landed decision (lanes.ts LaneSlot), and decisions are shared
// by every account whose trails share a configuration object. Each record must still reach its own account's
// lane, also after a trail is deleted and made again, and after lanes are restored.
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, Json } from '../../../simulator/core/contract';
import { DeliveryLanes, waitingRecord, type LaneSlot, type LogFileDelivered } from '../../../simulator/cloudtrail/delivery/lanes';
import { defaultSelectors, type TrailConfig } from '../../../simulator/cloudtrail/trails/trail-types';
import { ACCOUNT, advance, call, MGMT_DEF, MemoryStore, record, T0, TestRandom, world, type World } from './helpers';

const MIN = 60_000;

/** The event ids of every log file in the bucket, file by file in key order. */
function filed(w: World, bucket = 'logs'): string[][] {
  return w.store
    .listKeys(bucket)
    .filter((k) => k.includes('/CloudTrail/'))
    .map((k) => (JSON.parse(new TextDecoder().decode(gunzipSync(w.store.getObject(bucket, k)!))) as { Records: CloudTrailRecord[] }).Records.map((r) => r.eventID));
}

function trailWorld(): World {
  const w = world();
  w.store.addBucket('logs');
  call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs', IsMultiRegionTrail: true });
  call(w, 'StartLogging', { Name: 'main' });
  return w;
}

describe('lanes found through routing decisions', () => {
  it('two accounts restored from one snapshot object (sharing trail configurations) each file their own records', () => {
    const saved = trailWorld().ct.snapshot() as Json;
    const a = world(new MemoryStore());
    const b = world(new MemoryStore());
    for (const w of [a, b]) {
      w.store.addBucket('logs');
      w.ct.restore(saved);
    }
    const mine = { a: [] as string[], b: [] as string[] };
    for (let i = 0; i < 6; i++) {
      const w = i % 2 ? b : a;
      const r = record({ atMs: T0 + i * 1000, awsRegion: i % 3 ? 'us-east-1' : 'ap-northeast-2' });
      w.ct.ingest(r, MGMT_DEF);
      (i % 2 ? mine.b : mine.a).push(r.eventID);
    }
    advance(a, 5 * MIN);
    advance(b, 5 * MIN);
    expect(filed(a).flat().sort()).toEqual(mine.a.sort());
    expect(filed(b).flat().sort()).toEqual(mine.b.sort());
  });

  it('a trail deleted and made again, and lanes restored, take the records that come after', () => {
    const w = trailWorld();
    const first = record({ atMs: T0 });
    w.ct.ingest(first, MGMT_DEF);
    call(w, 'DeleteTrail', { Name: 'main' });
    call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
    call(w, 'StartLogging', { Name: 'main' });
    const second = record({ atMs: T0 });
    w.ct.ingest(second, MGMT_DEF);
    advance(w, 5 * MIN);
    // The deleted trail delivered its waiting record when it was deleted (key stamped then); the new one files
    // only the second.
    expect(filed(w)).toEqual([[first.eventID], [second.eventID]]);
  });

  for (const how of ['its own snapshot object', 'a copy of its snapshot']) {
    it(`lanes restored from ${how} take the records that come after`, () => {
      const w = trailWorld();
      const before = record({ atMs: T0 });
      w.ct.ingest(before, MGMT_DEF);
      const snapshot = w.ct.snapshot() as Json;
      w.ct.restore(how === 'its own snapshot object' ? snapshot : (JSON.parse(JSON.stringify(snapshot)) as Json));
      const after = record({ atMs: T0 });
      w.ct.ingest(after, MGMT_DEF);
      advance(w, 5 * MIN);
      expect(filed(w)).toEqual([[before.eventID, after.eventID]]);
    });
  }

  it('a slot kept across a dropped lane finds the new lane, not the dropped one', () => {
    const arn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`;
    const config: TrailConfig = {
      name: 'main', arn, homeRegion: 'us-east-1', s3BucketName: 'logs', includeGlobalServiceEvents: true, isMultiRegionTrail: false,
      logFileValidationEnabled: false, selectors: defaultSelectors(), insightSelectors: [],
    };
    const store = new MemoryStore();
    store.addBucket('logs');
    const files: LogFileDelivered[] = [];
    const lanes = new DeliveryLanes({
      accountId: ACCOUNT, random: new TestRandom(), store, signatures: new Map(), varyingValues: () => [],
      trail: () => config, delivered: (e) => e.kind === 'logFile' && files.push(e), deliveryFailed: () => {}, deliveryBlocked: () => undefined,
    });
    const slot: LaneSlot = { epoch: undefined, lane: undefined };
    const text = (n: number) => JSON.stringify({ eventID: `e${n}` });
    lanes.buffer(arn, 'us-east-1', waitingRecord(text(1), []), T0, T0, 'CloudTrail', slot);
    lanes.drop(arn);
    lanes.buffer(arn, 'us-east-1', waitingRecord(text(2), []), T0, T0, 'CloudTrail', slot);
    lanes.advanceTo(T0 + 5 * MIN);
    expect(files.map((f) => f.records)).toEqual([[text(2)]]);
  });
});
