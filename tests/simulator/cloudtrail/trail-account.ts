// A whole account with a bucket CloudTrail may write to and a validated trail logging into it, as a learner
// sets one up through the API: the starting point of the tests that read delivered files and digests.
import { Account } from '../../../simulator/account';
import { ok, START } from '../support';

export const ROOT = { as: 'root', region: 'us-east-1', via: 'console' as const };
export const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main';

/** Trail "main" (log file validation on) into bucket "trail-bucket", whose policy lets CloudTrail write. */
export function validatedTrailAccount(seed: number, o: { multiRegion?: boolean } = {}): Account {
  const acct = new Account({ seed, startMs: START });
  ok(acct.call('s3:CreateBucket', { Bucket: 'trail-bucket' }, ROOT));
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::trail-bucket' },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::trail-bucket/AWSLogs/123456789012/*' },
    ],
  };
  ok(acct.call('s3:PutBucketPolicy', { Bucket: 'trail-bucket', Policy: JSON.stringify(policy) }, ROOT));
  ok(acct.call('cloudtrail:CreateTrail', { Name: 'main', S3BucketName: 'trail-bucket', EnableLogFileValidation: true, ...(o.multiRegion ? { IsMultiRegionTrail: true } : {}) }, ROOT));
  ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, ROOT));
  return acct;
}
