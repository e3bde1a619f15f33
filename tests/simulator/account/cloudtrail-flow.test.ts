import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import type { CloudTrailRecord, Json } from '../../../simulator/core/contract';
import { ok, onlyRecord, START } from '../support';

const bucketPolicy = (bucket: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/AWSLogs/123456789012/*` },
    ],
  });

function withTrail() {
  const acct = new Account({ seed: 3, startMs: START });
  const c = { as: 'root', region: 'us-east-1', via: 'console' as const };
  ok(acct.call('s3:CreateBucket', { Bucket: 'trail-bucket' }, c));
  ok(acct.call('s3:PutBucketPolicy', { Bucket: 'trail-bucket', Policy: bucketPolicy('trail-bucket') }, c));
  const created = acct.call('cloudtrail:CreateTrail', { Name: 'main', S3BucketName: 'trail-bucket', IsMultiRegionTrail: true }, c);
  ok(created);
  ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, c));
  return { acct, c, created };
}

function deliveredRecords(acct: Account, c: { as: string; region: string; via: 'console' }): CloudTrailRecord[] {
  const list = ok(acct.call('s3:ListObjectsV2', { Bucket: 'trail-bucket', Prefix: 'AWSLogs/123456789012/CloudTrail/' }, c));
  const keys = ((list['Contents'] as { Key: string }[] | undefined) ?? []).map((x) => x.Key);
  const out: CloudTrailRecord[] = [];
  for (const key of keys) {
    expect(key).toMatch(/^AWSLogs\/123456789012\/CloudTrail\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/123456789012_CloudTrail_[a-z0-9-]+_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/);
    const body = ok(acct.call('s3:GetObject', { Bucket: 'trail-bucket', Key: key }, c))['Body'] as string;
    const doc = JSON.parse(new TextDecoder().decode(gunzipSync(Uint8Array.from(atob(body), (ch) => ch.charCodeAt(0))))) as { Records: CloudTrailRecord[] };
    out.push(...doc.Records);
  }
  return out;
}

describe('the account and CloudTrail together', () => {
  it('CreateTrail is itself a recorded management event with CloudTrail requestParameters', () => {
    const { created } = withTrail();
    const rec = onlyRecord(created);
    expect(rec.eventSource).toBe('cloudtrail.amazonaws.com');
    expect(rec.eventName).toBe('CreateTrail');
    expect(rec.readOnly).toBe(false);
    expect(rec.managementEvent).toBe(true);
    expect(rec.requestParameters).toMatchObject({ name: 'main', s3BucketName: 'trail-bucket', isMultiRegionTrail: true });
  });

  it('records are delivered as gzip files under the real key layout and read back through S3', () => {
    const { acct, c } = withTrail();
    ok(acct.call('iam:CreateUser', { UserName: 'ivy' }, { ...c, region: 'ap-northeast-2' }));
    ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.1.0.0/16' }, { ...c, region: 'ap-northeast-2' }));
    acct.advance('PT15M');
    const recs = deliveredRecords(acct, c);
    const names = recs.map((r) => `${r.eventName}@${r.awsRegion}`);
    expect(names).toContain('CreateUser@us-east-1');
    expect(names).toContain('CreateVpc@ap-northeast-2');
  });

  it('global IAM events are in us-east-1 event history only; data events never reach event history', () => {
    const { acct, c } = withTrail();
    const kr = { ...c, region: 'ap-northeast-2' };
    ok(acct.call('iam:CreateUser', { UserName: 'jay' }, kr));
    const lookup = (region: string) =>
      ok(acct.call('cloudtrail:LookupEvents', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }, { ...c, region }))['Events'] as Json[];
    expect(lookup('us-east-1')).toHaveLength(1);
    expect(lookup('ap-northeast-2')).toHaveLength(0);
    ok(acct.call('s3:PutObject', { Bucket: 'trail-bucket', Key: 'note.txt', Body: 'x' }, c));
    const get = acct.call('s3:GetObject', { Bucket: 'trail-bucket', Key: 'note.txt' }, c);
    const routing = get.routing[0] as { eventHistory: { landed: boolean }; trails: { landed: boolean }[] };
    expect(routing.eventHistory.landed).toBe(false);
    expect(routing.trails.every((t) => !t.landed)).toBe(true);
  });

  it('snapshot and restore continue byte-identically', () => {
    const { acct, c } = withTrail();
    ok(acct.call('iam:CreateUser', { UserName: 'kim' }, c));
    const snap = JSON.stringify(acct.snapshot());
    const copy = Account.restore(JSON.parse(snap) as Json);
    expect(JSON.stringify(copy.snapshot())).toBe(snap);
    const steps = (a: Account) => {
      const out = [a.call('ec2:CreateVpc', { CidrBlock: '10.9.0.0/16' }, c), a.call('iam:CreateUser', { UserName: 'lee' }, c)];
      a.advance('PT10M');
      return JSON.stringify([out, a.snapshot()]);
    };
    expect(steps(copy)).toBe(steps(acct));
    expect(() => Account.restore({ version: 99 })).toThrow(/unsupported version/);
  });
});
