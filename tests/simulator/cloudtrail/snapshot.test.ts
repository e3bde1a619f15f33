import { describe, expect, it } from 'vitest';
import { CloudTrailService } from '../../../simulator/cloudtrail/index';
import type { JsonObject } from '../../../simulator/core/contract';
import { ACCOUNT, advance, call, MGMT_DEF, MemoryStore, record, REGIONS, T0, TestClock, TestRandom, world, type World } from './helpers';

const MIN = 60_000;

function script(w: World): void {
  w.store.addBucket('logs');
  call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs', EnableLogFileValidation: true, IsMultiRegionTrail: true });
  call(w, 'StartLogging', { Name: 'main' });
  for (let i = 0; i < 30; i++) {
    w.ct.ingest(record({ atMs: w.clock.ms, awsRegion: REGIONS[i % REGIONS.length]!, eventID: `e-${i}`, requestID: `r-${i}` }), MGMT_DEF);
    advance(w, 7 * MIN);
  }
}

function bucketDump(w: World): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of w.store.listKeys('logs')) out[key] = Buffer.from(w.store.getObject('logs', key)!).toString('base64');
  return out;
}

describe('snapshot and restore', () => {
  it('same inputs give byte-identical objects and snapshots', () => {
    const a = world();
    const b = world();
    script(a);
    script(b);
    expect(bucketDump(a)).toEqual(bucketDump(b));
    expect(JSON.stringify(a.ct.snapshot())).toBe(JSON.stringify(b.ct.snapshot()));
  });

  it('a restored service continues exactly like the original', () => {
    const a = world();
    script(a);
    const snap = JSON.parse(JSON.stringify(a.ct.snapshot())) as JsonObject;
    const clock = new TestClock(a.clock.ms);
    const random = new TestRandom();
    Object.assign(random, JSON.parse(JSON.stringify(a.random)));
    const store = new MemoryStore();
    store.buckets = new Map([...a.store.buckets].map(([k, v]) => [k, { ...v, objects: new Map(v.objects) }]));
    const b = new CloudTrailService({ clock, random, store, accountId: ACCOUNT, regions: REGIONS });
    b.restore(snap);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(snap));
    const lookupA = call(a, 'LookupEvents', { MaxResults: 5 }, 'us-west-2');
    const bWorld: World = { clock, store, random, ct: b, delivered: [] };
    expect(call(bWorld, 'LookupEvents', { MaxResults: 5 }, 'us-west-2')).toEqual(lookupA);
    for (const w of [a, bWorld]) {
      w.ct.ingest(record({ atMs: w.clock.ms, eventID: 'after', requestID: 'r-after' }), MGMT_DEF);
      advance(w, 2 * 60 * MIN);
    }
    expect(bucketDump(bWorld)).toEqual(bucketDump(a));
    const report = call(bWorld, 'ValidateLogs', { TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`, StartTime: T0 / 1000 });
    expect(report['valid']).toBe(true);
  });

  it('keeps event history compactly in its snapshot, and still restores the earlier form (every record as text)', () => {
    const a = world();
    script(a);
    type Store = { times: number[]; jsons?: string[]; texts?: { templates: string[][]; template: number[]; values: string[] } };
    const snap = JSON.parse(JSON.stringify(a.ct.snapshot())) as { history: Record<string, Record<string, Store>> };
    const east = snap.history['us-east-1']!['management']!;
    expect(east.texts).toBeDefined();
    expect(east.texts!.templates.length).toBeLessThan(east.times.length);
    // The earlier form, as a sandbox saved before the compact form existed holds it.
    const old = structuredClone(snap);
    for (const [region, stores] of Object.entries(old.history)) {
      for (const kind of Object.keys(stores)) {
        const rows = (call(a, 'LookupEvents', kind === 'insight' ? { EventCategory: 'insight', MaxResults: 50 } : { MaxResults: 50 }, region)['Events'] as { CloudTrailEvent: string }[]).map((e) => e.CloudTrailEvent).reverse();
        expect(rows).toHaveLength(stores[kind]!.times.length);
        stores[kind] = { times: stores[kind]!.times, jsons: rows };
      }
    }
    const clock = new TestClock(a.clock.ms);
    const b = new CloudTrailService({ clock, random: new TestRandom(), store: new MemoryStore(), accountId: ACCOUNT, regions: REGIONS });
    b.restore(old as unknown as JsonObject);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(snap));
  });

  it('refuses snapshots it does not understand', () => {
    const w = world();
    expect(() => w.ct.restore({ version: 99 })).toThrow(/version/);
    expect(() => w.ct.restore({ version: 1, trails: 'x' })).toThrow(/malformed/);
  });
});
