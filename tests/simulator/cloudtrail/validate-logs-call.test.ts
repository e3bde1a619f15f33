// `aws cloudtrail validate-logs` as the simulator's unrecorded sim:ValidateLogs call, over digests whose
// signatures S3 keeps as object metadata (x-amz-meta-signature), as CloudTrail stores them.
import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { ok, START } from '../support';
import { ROOT, TRAIL_ARN, validatedTrailAccount } from './trail-account';

const MIN = 60_000;

function validatedTrail(): Account {
  const acct = validatedTrailAccount(5);
  ok(acct.call('s3:CreateBucket', { Bucket: 'some-bucket' }, ROOT));
  acct.advance(2 * 60 * MIN + MIN);
  return acct;
}

const digestKeys = (acct: Account) => acct.s3.model.listKeys('trail-bucket', 'AWSLogs/123456789012/CloudTrail-Digest/');

describe('sim:ValidateLogs', () => {
  it('validates the chain and writes no CloudTrail record', () => {
    const acct = validatedTrail();
    const r = acct.call('sim:ValidateLogs', { TrailARN: TRAIL_ARN, StartTime: START / 1000 }, ROOT);
    const report = ok(r);
    expect(r.records).toEqual([]);
    expect(report['valid']).toBe(true);
    expect(report['lines']).toContain('2/2 digest files valid');
    expect(acct.catalog().some((d) => d.api === 'sim:ValidateLogs')).toBe(false);
  });

  it('stores each digest signature as S3 object metadata, and a tampered digest fails', () => {
    const acct = validatedTrail();
    const keys = digestKeys(acct);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const meta = acct.s3.model.objectMetadata('trail-bucket', key);
      expect(meta?.['signature']).toMatch(/^[0-9a-f]{512}$/);
      expect(meta?.['signature-algorithm']).toBe('SHA256withRSA');
    }
    // Rewriting the newest digest (same body, new object) drops its metadata, as an S3 PUT does.
    const newest = keys[keys.length - 1]!;
    const body = acct.s3.model.getObject('trail-bucket', newest)!;
    expect(JSON.parse(new TextDecoder().decode(gunzipSync(body))) as unknown).toMatchObject({ digestS3Object: newest });
    acct.s3.model.putObject('trail-bucket', newest, body, 'application/json');
    const report = ok(acct.call('sim:ValidateLogs', { TrailARN: TRAIL_ARN, StartTime: START / 1000 }, ROOT));
    expect(report['valid']).toBe(false);
  });

  it('survives a snapshot: metadata is part of the S3 state', () => {
    const acct = Account.restore(JSON.parse(JSON.stringify(validatedTrail().snapshot())));
    const report = ok(acct.call('sim:ValidateLogs', { TrailARN: TRAIL_ARN, StartTime: START / 1000 }, ROOT));
    expect(report['valid']).toBe(true);
  });

  it('ends at a digest seen before: an edited digest that points back into its own chain is reported, not followed forever', () => {
    const acct = validatedTrail();
    const newest = digestKeys(acct).at(-1)!;
    const digest = JSON.parse(new TextDecoder().decode(gunzipSync(acct.s3.model.getObject('trail-bucket', newest)!))) as Record<string, unknown>;
    // Written back gzipped, as a learner's tool would, so the walk reads it as a digest.
    acct.s3.model.putObject('trail-bucket', newest, gzipSync(new TextEncoder().encode(JSON.stringify({ ...digest, previousDigestS3Object: newest }))), 'application/json');
    const report = ok(acct.call('sim:ValidateLogs', { TrailARN: TRAIL_ARN, StartTime: START / 1000 }, ROOT));
    expect(report['valid']).toBe(false);
    const files = (report['digestFiles'] as { s3Object: string }[]).map((f) => f.s3Object);
    expect(files).toEqual([newest]);
  });

  it('checks every digest of a long chain once, newest first', () => {
    const acct = validatedTrailAccount(5);
    acct.advance(3 * 24 * 60 * MIN);
    const report = ok(acct.call('sim:ValidateLogs', { TrailARN: TRAIL_ARN, StartTime: START / 1000 }, ROOT));
    const files = (report['digestFiles'] as { s3Object: string; valid: boolean }[]);
    const keys = digestKeys(acct);
    expect(keys.length).toBeGreaterThanOrEqual(72);
    expect(files.map((f) => f.s3Object)).toEqual([...keys].reverse());
    expect(files.every((f) => f.valid)).toBe(true);
  });
});
