// DeliveryLanes.advanceTo returns at once before the soonest due time it knows of (lanes.ts soonestMs), and
// delivers everything due at one instant in two passes (log files, then digests) instead of a pass per delivery.
// Neither may change what is delivered or its order: after every advance no lane may still hold a due time at or
// before it, and deliveries come in the order a pass per delivery gives (time, then log files before digests at
// one instant, then the lanes' order), whatever buffering, chains, blocked buckets, finished trails and restores
// happened in between. Times move on a five-minute grid so that log files and digests often fall due together.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveryLanes, waitingRecord, type LaneState } from '../../../simulator/cloudtrail/delivery/lanes';
import { defaultSelectors, type TrailConfig } from '../../../simulator/cloudtrail/trails/trail-types';
import { ACCOUNT, MemoryStore, T0, TestRandom } from './helpers';

const MIN = 60_000;
const REGIONS = ['us-east-1', 'ap-northeast-2'];

function config(i: number): TrailConfig {
  return {
    name: `t${i}`, arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/t${i}`, homeRegion: 'us-east-1', s3BucketName: 'logs',
    includeGlobalServiceEvents: true, isMultiRegionTrail: true, logFileValidationEnabled: true, selectors: defaultSelectors(), insightSelectors: [],
  };
}
const TRAILS = [config(0), config(1)];

type Op =
  | { kind: 'buffer'; trail: number; region: number; afterMs: number }
  | { kind: 'chain'; trail: number }
  | { kind: 'advance'; byMs: number }
  | { kind: 'block'; on: boolean }
  | { kind: 'finish'; trail: number }
  | { kind: 'restore' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('buffer' as const), trail: fc.integer({ min: 0, max: 1 }), region: fc.integer({ min: 0, max: 1 }), afterMs: fc.constantFrom(0, 5 * MIN) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('chain' as const), trail: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('advance' as const), byMs: fc.integer({ min: 0, max: 14 }).map((m) => m * 5 * MIN) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('finish' as const), trail: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const) }) },
);

/** Every due time a lane still holds. */
function dueTimes(lanes: DeliveryLanes): number[] {
  return lanes.snapshot().flatMap((l: LaneState) => [...(l.dueMs === null ? [] : [l.dueMs]), ...(l.chain ? [l.chain.nextMs] : [])]);
}

describe('lanes: the soonest due time lets an advance skip the lanes', () => {
  it('no file or digest due at or before an advance is left waiting, and deliveries come in time order', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const store = new MemoryStore();
        store.addBucket('logs');
        let blocked = false;
        const delivered: { atMs: number; kind: string; lane: string }[] = [];
        /** Lanes in the order they were made (restore keeps it; nothing here drops one). */
        const laneOrder: string[] = [];
        const made = (trail: number, region: string) => {
          const id = `${TRAILS[trail]!.arn}|${region}`;
          if (!laneOrder.includes(id)) laneOrder.push(id);
        };
        const make = () =>
          new DeliveryLanes({
            accountId: ACCOUNT, random: new TestRandom(), store, signatures: new Map(), varyingValues: () => [],
            trail: (arn) => TRAILS.find((t) => t.arn === arn),
            delivered: (e) => {
              delivered.push({ atMs: e.atMs, kind: e.kind, lane: `${e.trailArn}|${e.region}` });
            },
            deliveryFailed: () => {},
            deliveryBlocked: () => (blocked ? 'NoSuchBucket' : undefined),
          });
        let lanes = make();
        let now = T0;
        let n = 0;
        for (const o of ops) {
          switch (o.kind) {
            case 'buffer': {
              now += o.afterMs;
              made(o.trail, REGIONS[o.region]!);
              const json = JSON.stringify({ eventID: `e${n++}` });
              lanes.buffer(TRAILS[o.trail]!.arn, REGIONS[o.region]!, waitingRecord(json, []), now, now);
              break;
            }
            case 'chain':
              for (const r of REGIONS) made(o.trail, r);
              lanes.startChains(TRAILS[o.trail]!.arn, REGIONS, now, true);
              break;
            case 'advance': {
              now += o.byMs;
              const before = delivered.length;
              lanes.advanceTo(now);
              const after = delivered.slice(before);
              const rank = (d: (typeof after)[number]) => [d.atMs, d.kind === 'logFile' ? 0 : 1, laneOrder.indexOf(d.lane)];
              const order = (a: (typeof after)[number], b: (typeof after)[number]) => {
                const [x, y] = [rank(a), rank(b)];
                return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
              };
              expect(after).toEqual([...after].sort(order));
              for (const due of dueTimes(lanes)) expect(due).toBeGreaterThan(now);
              break;
            }
            case 'block':
              blocked = o.on;
              break;
            case 'finish':
              lanes.finish(TRAILS[o.trail]!.arn, now);
              break;
            case 'restore': {
              const saved = JSON.parse(JSON.stringify(lanes.snapshot())) as LaneState[];
              const pending = JSON.parse(JSON.stringify(lanes.pendingSnapshot()));
              lanes = make();
              lanes.restore(saved, pending);
              break;
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a record buffered after an advance that found nothing due is delivered at its own due time', () => {
    const store = new MemoryStore();
    store.addBucket('logs');
    const at: number[] = [];
    const lanes = new DeliveryLanes({
      accountId: ACCOUNT, random: new TestRandom(), store, signatures: new Map(), varyingValues: () => [],
      trail: () => TRAILS[0], delivered: (e) => {
        at.push(e.atMs);
      },
      deliveryFailed: () => {}, deliveryBlocked: () => undefined,
    });
    lanes.advanceTo(T0 + 10 * MIN);
    lanes.buffer(TRAILS[0]!.arn, 'us-east-1', waitingRecord('{"eventID":"a"}', []), T0 + 11 * MIN, T0 + 11 * MIN);
    lanes.advanceTo(T0 + 15 * MIN);
    expect(at).toEqual([]);
    lanes.advanceTo(T0 + 16 * MIN);
    expect(at).toEqual([T0 + 16 * MIN]);
    // A chain started after a pass that found nothing due digests an hour later.
    lanes.startChains(TRAILS[0]!.arn, ['us-east-1'], T0 + 20 * MIN);
    lanes.advanceTo(T0 + 79 * MIN);
    expect(at).toEqual([T0 + 16 * MIN]);
    lanes.advanceTo(T0 + 80 * MIN);
    expect(at).toEqual([T0 + 16 * MIN, T0 + 80 * MIN]);
  });
});
