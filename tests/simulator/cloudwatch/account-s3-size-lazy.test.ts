// BucketSizeBytes of a trail's bucket over days of fast-forwarding: the digests CloudTrail signs on first
// read stay unsigned, and the reported sizes are those of the bucket at each day's end.
import { describe, expect, it } from 'vitest';
import { trailBucketPolicy } from '../../../content/scenarios/checks';
import { Account } from '../../../simulator/account';
import type { S3Object } from '../../../simulator/s3/model';
import { START, ok } from '../support';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('S3 storage metrics and lazily signed digests', () => {
  it('do not sign digests while the clock moves, and report the sizes the bucket had', () => {
    const acct = new Account({ seed: 3, startMs: START });
    const c = { as: 'root', region: 'us-east-1', via: 'console' as const };
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, c));
    ok(acct.call('s3:CreateBucket', { Bucket: 'trail-b' }, c));
    ok(acct.call('s3:PutBucketPolicy', { Bucket: 'trail-b', Policy: trailBucketPolicy('trail-b') }, c));
    ok(acct.call('cloudtrail:CreateTrail', { Name: 'main', S3BucketName: 'trail-b', EnableLogFileValidation: true }, c));
    ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, c));
    const bucket = acct.s3.model.buckets.get('trail-b')!;
    const atDayEnd: S3Object[][] = [];
    for (let d = 0; d < 3; d++) {
      for (let h = 0; h < 24; h++) {
        ok(acct.call('s3:ListBuckets', {}, c));
        acct.advance('PT1H');
      }
      // What the bucket holds at the day's end; sizes are read only at the end (reading one signs a digest).
      atDayEnd.push([...bucket.objects.values()]);
    }
    // Digests that were in the bucket at the first day's end were counted for BucketSizeBytes, yet unsigned.
    expect(atDayEnd[0]!.filter((o) => o.pending).length).toBeGreaterThan(0);
    const sizes = atDayEnd.map((list) => list.reduce((sum, o) => sum + o.size, 0));
    const reported = ok(acct.call('cloudwatch:GetMetricStatistics', {
      Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: [{ Name: 'BucketName', Value: 'trail-b' }, { Name: 'StorageType', Value: 'StandardStorage' }],
      StartTime: iso(START - DAY), EndTime: iso(START + 4 * DAY), Period: 86_400, Statistics: ['Maximum'],
    }, c))['Datapoints'] as Array<{ Timestamp: string; Maximum: number }>;
    expect(reported.map((p) => p.Maximum)).toEqual(sizes);
  });
});
