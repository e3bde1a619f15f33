// The trail registry keeps delivery results until someone reads the trail (trail-registry.ts `notes`). Here a
// whole CloudTrail runs twice on the same plan: once as it does, once with every result given to the trail's
// actor at once, as before. Catch-up advances span many deliveries, digests and retries; the bucket's policy
// is removed or the bucket deleted (and put back) from inside a delivery, so failures start and end in the
// middle of an advance. Every GetTrailStatus answer, S3 object (key, bytes, metadata), delivery and the
// snapshot must be the same.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { CloudTrailService } from '../../../simulator/cloudtrail/index';
import type { DeliveryNote } from '../../../simulator/cloudtrail/trails/delivery-notes';
import { TrailRegistry } from '../../../simulator/cloudtrail/trails/trail-registry';
import { toBase64 } from '../../../simulator/core/format';
import { ACCOUNT, ctx, MGMT_DEF, PolicyStore, record, REGIONS, T0, TestClock, TestRandom } from './helpers';

const MIN = 60_000;
const ALLOW = JSON.stringify({
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::logs' },
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::logs/*' },
  ],
});

type Meddle = 'dropPolicy' | 'restorePolicy' | 'dropBucket' | 'restoreBucket';
interface Plan {
  /** Each advance: minutes moved in one advanceTo, whether both trails' status is read after it, and whether
   *  the second trail stops and starts logging again before it. */
  chunks: { minutes: number; read: boolean; restart: boolean }[];
  /** What happens to the bucket as CloudTrail checks it for the n-th time (1-based; each delivery attempt of a
   *  log file or digest checks it, failed or not). */
  meddles: [number, Meddle][];
}

// Built once, so both runs route the very same records (ids come from a shared counter).
const RECORDS: CloudTrailRecord[] = Array.from({ length: 400 }, (_, i) =>
  record({ atMs: T0 + i * 37_000, awsRegion: REGIONS[i % 3]!, eventName: i % 5 ? 'CreateSubnet' : 'RunInstances' }),
);

/** A bucket store that lets the plan change the bucket while CloudTrail checks it, inside an advance. */
class MeddlingStore extends PolicyStore {
  private checks = 0;
  constructor(private readonly meddles: Map<number, Meddle>) {
    super();
  }
  override bucketExists(bucket: string): boolean {
    const meddle = this.meddles.get(++this.checks);
    const b = this.buckets.get('logs');
    if (meddle === 'dropPolicy' && b) b.policy = undefined;
    if (meddle === 'restorePolicy' && b) b.policy = ALLOW;
    if (meddle === 'dropBucket') this.buckets.delete('logs');
    if (meddle === 'restoreBucket' && !b) this.addBucket('logs', 'us-east-1', ALLOW);
    return super.bucketExists(bucket);
  }
}

function run(plan: Plan, eager: boolean): { statuses: string[]; deliveries: string[]; objects: string[]; snapshot: string } {
  if (eager) {
    // One actor step per result, as the registry did before it kept them.
    vi.spyOn(TrailRegistry.prototype, 'note').mockImplementation(function (this: TrailRegistry, arn: string, note: DeliveryNote) {
      if (this.get(arn)) this.send(arn, note);
    });
  }
  const store = new MeddlingStore(new Map(plan.meddles));
  store.addBucket('logs', 'us-east-1', ALLOW);
  const clock = new TestClock();
  const deliveries: string[] = [];
  const ct = new CloudTrailService({
    clock,
    random: new TestRandom(),
    store,
    accountId: ACCOUNT,
    regions: REGIONS,
    onDelivered: (e) => {
      deliveries.push(`${e.kind} ${e.trailArn} ${e.key} ${e.atMs}`);
    },
  });
  const api = (name: string, params: Record<string, string | boolean>) => {
    const handler = ct.handlers[name];
    if (!handler) throw new Error(name);
    return handler(params, ctx()).response;
  };
  api('CreateTrail', {
    Name: 'main', S3BucketName: 'logs', IsMultiRegionTrail: true, EnableLogFileValidation: true,
    CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:ct:*`, CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/ct`,
  });
  api('CreateTrail', { Name: 'second', S3BucketName: 'logs', S3KeyPrefix: 'two', EnableLogFileValidation: true });
  api('StartLogging', { Name: 'main' });
  api('StartLogging', { Name: 'second' });
  const statuses: string[] = [];
  let next = 0;
  for (const chunk of plan.chunks) {
    while (next < RECORDS.length && Date.parse(RECORDS[next]!.eventTime) <= clock.ms) ct.ingest(RECORDS[next++]!, MGMT_DEF);
    if (chunk.restart) {
      api('StopLogging', { Name: 'second' });
      api('StartLogging', { Name: 'second' });
    }
    clock.ms += chunk.minutes * MIN;
    ct.advanceTo(clock.ms);
    if (chunk.read) statuses.push(JSON.stringify([api('GetTrailStatus', { Name: 'main' }), api('GetTrailStatus', { Name: 'second' })]));
  }
  statuses.push(JSON.stringify([api('GetTrailStatus', { Name: 'main' }), api('GetTrailStatus', { Name: 'second' })]));
  const objects = store.listKeys('logs').map((k) => `${k} ${toBase64(store.getObject('logs', k)!)} ${JSON.stringify(store.objectMetadata('logs', k))}`);
  const snapshot = JSON.stringify(ct.snapshot());
  vi.restoreAllMocks();
  return { statuses, deliveries, objects, snapshot };
}

const meddle = fc.constantFrom<Meddle>('dropPolicy', 'restorePolicy', 'dropBucket', 'restoreBucket');
const plan: fc.Arbitrary<Plan> = fc.record({
  chunks: fc.array(fc.record({ minutes: fc.integer({ min: 1, max: 95 }), read: fc.boolean(), restart: fc.integer({ min: 0, max: 6 }).map((n) => n === 0) }), { minLength: 1, maxLength: 8 }),
  meddles: fc.array(fc.tuple(fc.integer({ min: 3, max: 60 }), meddle), { maxLength: 6 }),
});

describe('delivery results kept until read, in a whole CloudTrail', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('the bucket going and coming back in the middle of catch-up advances: every answer, object and the snapshot as before', () => {
    const fixed: Plan = {
      chunks: [
        { minutes: 3, read: false, restart: false },
        { minutes: 70, read: false, restart: false },
        { minutes: 1, read: true, restart: false },
        { minutes: 90, read: false, restart: true },
        { minutes: 45, read: true, restart: false },
      ],
      meddles: [[6, 'dropPolicy'], [9, 'restorePolicy'], [14, 'dropBucket'], [22, 'restoreBucket']],
    };
    const lazy = run(fixed, false);
    const eager = run(fixed, true);
    // The plan does what it says: failures, and deliveries after them, within one advance.
    expect(lazy.statuses.some((s) => s.includes('LatestDeliveryError'))).toBe(true);
    expect(lazy.deliveries.length).toBeGreaterThan(20);
    expect(lazy.objects.some((o) => o.includes('CloudTrail-Digest'))).toBe(true);
    expect(lazy).toEqual(eager);
  });

  it('holds for any plan', () => {
    fc.assert(
      fc.property(plan, (p) => {
        expect(run(p, false)).toEqual(run(p, true));
      }),
      { numRuns: 12 },
    );
  });
});
