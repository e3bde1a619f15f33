import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { ok, START } from '../support';

const ctTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const writeLogs = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:*' }] });
const bucketPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::ct-logs' },
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::ct-logs/AWSLogs/123456789012/*' },
  ],
});

describe('a trail delivering to CloudWatch Logs', () => {
  it('writes each record as one log event in <account>_CloudTrail_<region>, only with a role that may write', () => {
    const run = (withPolicy: boolean) => {
      const acct = new Account({ seed: 5, startMs: START });
      const c = { as: 'root', region: 'us-east-1', via: 'console' as const };
      ok(acct.call('s3:CreateBucket', { Bucket: 'ct-logs' }, c));
      ok(acct.call('s3:PutBucketPolicy', { Bucket: 'ct-logs', Policy: bucketPolicy }, c));
      ok(acct.call('logs:CreateLogGroup', { logGroupName: 'CloudTrail/logs' }, c));
      ok(acct.call('iam:CreateRole', { RoleName: 'ct-to-logs', AssumeRolePolicyDocument: ctTrust }, c));
      if (withPolicy) ok(acct.call('iam:PutRolePolicy', { RoleName: 'ct-to-logs', PolicyName: 'write', PolicyDocument: writeLogs }, c));
      ok(acct.call('cloudtrail:CreateTrail', {
        Name: 'main', S3BucketName: 'ct-logs', IsMultiRegionTrail: true,
        CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:*', CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/ct-to-logs',
      }, c));
      ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, c));
      ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.2.0.0/16' }, { ...c, region: 'ap-northeast-2' }));
      acct.advance('PT20M');
      return acct.logs.model.groups('us-east-1')['CloudTrail/logs']?.streams ?? {};
    };
    const streams = run(true);
    const kr = streams['123456789012_CloudTrail_ap-northeast-2'];
    expect(kr).toBeDefined();
    const messages = kr?.events.map((e) => JSON.parse(e.message) as { eventName: string; eventTime: string }) ?? [];
    expect(messages.map((m) => m.eventName)).toContain('CreateVpc');
    expect(kr?.events[0]?.timestamp).toBe(Date.parse(messages[0]?.eventTime ?? ''));
    expect(Object.keys(run(false))).toEqual([]);
  });
});
