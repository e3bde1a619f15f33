// A snapshot keeps digests nobody has read as recipes (their inputs), so saving after a long fast-forward signs
// nothing; a restored account then computes exactly the bytes and signatures the original would.
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import type { Json } from '../../../simulator/core/contract';
import { ok, START } from '../support';
import { ROOT, TRAIL_ARN, validatedTrailAccount } from './trail-account';

const MIN = 60_000;

function busyValidatedTrail(seed: number): Account {
  const acct = validatedTrailAccount(seed, { multiRegion: true });
  for (let h = 0; h < 5; h++) {
    ok(acct.call('s3:CreateBucket', { Bucket: `some-bucket-${h}` }, ROOT));
    ok(acct.call('ec2:DescribeVpcs', {}, { ...ROOT, region: 'ap-northeast-2' }));
    acct.advance(60 * MIN);
  }
  return acct;
}

const digestKeys = (acct: Account) => acct.s3.model.listKeys('trail-bucket').filter((k) => k.includes('CloudTrail-Digest'));
const pending = (acct: Account) => digestKeys(acct).filter((k) => acct.s3.model.buckets.get('trail-bucket')!.objects.get(k)!.pending).length;
const dump = (acct: Account) => acct.s3.model.listKeys('trail-bucket').map((k) => [k, Buffer.from(acct.s3.model.getObject('trail-bucket', k)!).toString('base64'), acct.s3.model.objectMetadata('trail-bucket', k)]);

describe('unsigned digests in a snapshot', () => {
  it('are saved as recipes without signing, and a restored account signs them to the same bytes', () => {
    const a = busyValidatedTrail(3);
    const before = pending(a);
    expect(before).toBeGreaterThan(20);
    const snap = JSON.parse(JSON.stringify(a.snapshot())) as Json;
    // Saving signed nothing.
    expect(pending(a)).toBe(before);
    const text = JSON.stringify(snap);
    expect(text).toContain('"pendingDigests"');
    // Digests as their recipes (log files are always saved as record ids, whether read or not).
    expect(text.match(/"computed":\{"cloudTrailDigest":/g)?.length).toBe(before);

    const b = Account.restore(snap);
    expect(JSON.stringify(b.snapshot())).toBe(text);
    // Read in a different order on each side: the chain gives the same bytes whichever is read first.
    const keys = digestKeys(a);
    b.s3.model.getObject('trail-bucket', keys[keys.length - 1]!);
    a.s3.model.getObject('trail-bucket', keys[0]!);
    expect(dump(b)).toEqual(dump(a));
    const report = ok(b.call('sim:ValidateLogs', { TrailARN: TRAIL_ARN, StartTime: START / 1000 }, ROOT));
    expect(report['valid']).toBe(true);
  });

  it('continue the chain after a restore exactly as the original does', () => {
    const a = busyValidatedTrail(4);
    const b = Account.restore(JSON.parse(JSON.stringify(a.snapshot())) as Json);
    for (const acct of [a, b]) {
      ok(acct.call('s3:CreateBucket', { Bucket: 'after-restore' }, ROOT));
      acct.advance(3 * 60 * MIN);
    }
    expect(dump(b)).toEqual(dump(a));
    expect(ok(b.call('sim:ValidateLogs', { TrailARN: TRAIL_ARN, StartTime: START / 1000 }, ROOT))['valid']).toBe(true);
  });

  it('refuses a snapshot whose digests or lanes name a digest it does not hold', () => {
    const a = busyValidatedTrail(5);
    const snap = JSON.parse(JSON.stringify(a.snapshot())) as { cloudtrail: { pendingDigests: { id: number; previous: unknown }[] } };
    const broken = structuredClone(snap);
    broken.cloudtrail.pendingDigests[1]!.previous = { pendingDigest: 99_999 };
    expect(() => Account.restore(broken as unknown as Json)).toThrow(/unknown digest/);
    const missing = structuredClone(snap);
    missing.cloudtrail.pendingDigests = [];
    expect(() => Account.restore(missing as unknown as Json)).toThrow(/unknown digest/);
  });
});
