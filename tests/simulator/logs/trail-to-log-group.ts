// A trail that delivers to a bucket and, through a role, to a CloudWatch Logs group: what the log-group tests need.
import type { Account } from '../../../simulator/account';
import type { CallContext } from '../../../simulator/core/call';
import type { JsonObject } from '../../../simulator/core/contract';
import { ok } from '../support';

export const TRAIL_LOG_GROUP_ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:*';

/** Trail "main" (logging) to bucket ct-logs and log group CloudTrail/logs, made through `acct.call` as `c`. */
export function trailToLogGroup(acct: Account, c: CallContext, o: { multiRegion?: boolean } = {}): void {
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const write = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: TRAIL_LOG_GROUP_ARN }] });
  const bucketPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::ct-logs' },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::ct-logs/AWSLogs/123456789012/*' },
    ],
  });
  ok(acct.call('s3:CreateBucket', { Bucket: 'ct-logs' }, c));
  ok(acct.call('s3:PutBucketPolicy', { Bucket: 'ct-logs', Policy: bucketPolicy }, c));
  ok(acct.call('logs:CreateLogGroup', { logGroupName: 'CloudTrail/logs' }, c));
  ok(acct.call('iam:CreateRole', { RoleName: 'ct-to-logs', AssumeRolePolicyDocument: trust }, c));
  ok(acct.call('iam:PutRolePolicy', { RoleName: 'ct-to-logs', PolicyName: 'write', PolicyDocument: write }, c));
  const multi: JsonObject = o.multiRegion ? { IsMultiRegionTrail: true } : {};
  ok(acct.call('cloudtrail:CreateTrail', { Name: 'main', S3BucketName: 'ct-logs', ...multi, CloudWatchLogsLogGroupArn: TRAIL_LOG_GROUP_ARN, CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/ct-to-logs' }, c));
  ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, c));
}
