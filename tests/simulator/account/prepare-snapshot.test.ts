// A snapshot works out each bucket's deferred daily size, which reads every new log file's size (a gzip each).
// prepareSnapshot does that ahead in slices a host can spread between requests; the snapshot is the same.
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator';
import type { StoredObject } from '../../../simulator/s3/stored-object';

const ROOT = { as: 'root', region: 'us-east-1', via: 'console' as const };

function busyAccount(): { a: Account; bucket: string } {
  const a = new Account({ seed: 4, startMs: Date.parse('2026-11-23T00:00:00Z') });
  const bucket = `trail-logs-${a.accountId}`;
  a.call('s3:CreateBucket', { Bucket: bucket }, ROOT);
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/AWSLogs/*` },
    ],
  };
  a.call('s3:PutBucketPolicy', { Bucket: bucket, Policy: JSON.stringify(policy) }, ROOT);
  a.call('cloudtrail:CreateTrail', { Name: 'main', S3BucketName: bucket }, ROOT);
  a.call('cloudtrail:StartLogging', { Name: 'main' }, ROOT);
  // A day of calls, then past midnight: the day's BucketSizeBytes counts every log file, none read yet.
  for (let m = 0; m < 1440; m++) {
    for (let i = 0; i < 3; i++) a.call('iam:ListUsers', {}, ROOT);
    a.advance(60_000);
  }
  a.advance('PT10M');
  return { a, bucket };
}

const logFiles = (a: Account, bucket: string) => [...a.s3.model.buckets.get(bucket)!.objects].filter(([k]) => k.includes('/CloudTrail/')).map(([, o]) => o as StoredObject);

describe('Account.prepareSnapshot', () => {
  it('makes the log file sizes a snapshot would read, one slice at a time, and the snapshot is the same', () => {
    const { a, bucket } = busyAccount();
    const files = logFiles(a, bucket);
    expect(files.length).toBeGreaterThanOrEqual(280);
    expect(files.filter((o) => o.sizeToMake).length).toBeGreaterThanOrEqual(280);
    // A slice of one file at a time: as many calls as files, and each call makes one.
    let calls = 0;
    while (!a.prepareSnapshot(() => true)) {
      calls++;
      expect(files.filter((o) => o.sizeToMake).length).toBeLessThanOrEqual(files.length - calls);
    }
    expect(calls).toBeGreaterThanOrEqual(280);
    expect(files.filter((o) => o.sizeToMake)).toEqual([]);
    expect(a.prepareSnapshot(() => true)).toBe(true);
    const { a: plain } = busyAccount();
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(plain.snapshot()));
  });

  it('has nothing to do once a snapshot has worked the sizes out', () => {
    const { a, bucket } = busyAccount();
    expect(a.prepareSnapshot(() => true)).toBe(false);
    a.snapshot();
    expect(logFiles(a, bucket).filter((o) => o.sizeToMake)).toEqual([]);
    expect(a.prepareSnapshot(() => true)).toBe(true);
  });
});
