// A snapshot taken after a day with a validated trail: S3 saves the digests not signed yet as recipes and
// CloudTrail saves their inputs, while CloudWatch's bucket sizes (BucketSizeBytes, worked out when read) read
// those same digests. Read in the middle of the save, they were signed there and CloudTrail saved no inputs for
// S3's recipes: the restored account could not read a digest, nor be saved again.
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { ok, START } from '../support';

const BUCKET = 'trail-logs-123456789012';
const c = { as: 'root', region: 'us-east-1', via: 'console' as const };

function validatedTrail(): Account {
  const acct = new Account({ seed: 5, startMs: START });
  ok(acct.call('s3:CreateBucket', { Bucket: BUCKET }, c));
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${BUCKET}` },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/AWSLogs/*` },
    ],
  };
  ok(acct.call('s3:PutBucketPolicy', { Bucket: BUCKET, Policy: JSON.stringify(policy) }, c));
  ok(acct.call('cloudtrail:CreateTrail', { Name: 'main', S3BucketName: BUCKET, EnableLogFileValidation: true }, c));
  ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, c));
  acct.advance('P1D');
  return acct;
}

/** Every digest's body and signature, through S3 as a learner reads them. */
function digests(acct: Account): [string, string, unknown][] {
  const list = ok(acct.call('s3:ListObjectsV2', { Bucket: BUCKET, Prefix: 'AWSLogs/123456789012/CloudTrail-Digest/' }, c));
  const keys = ((list['Contents'] as { Key: string }[] | undefined) ?? []).map((o) => o.Key);
  return keys.map((key) => {
    const head = ok(acct.call('s3:HeadObject', { Bucket: BUCKET, Key: key }, c));
    const obj = acct.s3.model.buckets.get(BUCKET)!.objects.get(key)!;
    return [key, Buffer.from(obj.body).toString('base64'), (head['Metadata'] as Record<string, unknown> | undefined)?.['signature']];
  });
}

describe('a snapshot with digests not signed yet and bucket sizes not worked out yet', () => {
  it('restores to an account that reads every digest as the original does, and saves again', () => {
    const original = validatedTrail();
    const snap = original.snapshot();
    const restored = Account.restore(JSON.parse(JSON.stringify(snap)));
    const expected = digests(validatedTrail());
    expect(expected.length).toBeGreaterThanOrEqual(24);
    expect(digests(restored)).toEqual(expected);
    expect(() => restored.snapshot()).not.toThrow();
    expect(digests(original)).toEqual(expected);
  });
});
