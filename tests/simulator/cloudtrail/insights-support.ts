// Shared by the Insights tests: a trail with Insights on, DeleteBucket traffic, and readers for LookupEvents
// and the CloudTrail-Insight files, all through the account's one call surface.
import { gunzipSync } from 'fflate';
import { Account } from '../../../simulator/account';
import type { CloudTrailRecord, JsonObject } from '../../../simulator/core/contract';
import { ok, START } from '../support';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const ACCT = '123456789012';
export const ROOT = { as: 'root', region: 'us-east-1', via: 'console' as const };
export const ROOT_ARN = `arn:aws:iam::${ACCT}:root`;

const bucketPolicy = (bucket: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/AWSLogs/${ACCT}/*` },
    ],
  });

export function addTrail(acct: Account, name: string, types: string[]): void {
  const bucket = `${name}-bucket`;
  ok(acct.call('s3:CreateBucket', { Bucket: bucket }, ROOT));
  ok(acct.call('s3:PutBucketPolicy', { Bucket: bucket, Policy: bucketPolicy(bucket) }, ROOT));
  ok(acct.call('cloudtrail:CreateTrail', { Name: name, S3BucketName: bucket }, ROOT));
  ok(acct.call('cloudtrail:StartLogging', { Name: name }, ROOT));
  ok(acct.call('cloudtrail:PutInsightSelectors', { TrailName: name, InsightSelectors: types.map((InsightType) => ({ InsightType })) }, ROOT));
}

export function accountWithInsights(types: string[], seed = 7): Account {
  const acct = new Account({ seed, startMs: START });
  addTrail(acct, 'main', types);
  return acct;
}

/** `perMinute` DeleteBucket calls on a bucket that does not exist, each minute for `minutes` minutes. A call
 *  that fails with NoSuchBucket is still a write API call: ApiCallRateInsight counts it. */
export function deleteBuckets(acct: Account, perMinute: number, minutes: number): void {
  for (let m = 0; m < minutes; m++) {
    for (let i = 0; i < perMinute; i++) acct.call('s3:DeleteBucket', { Bucket: 'no-such-bucket' }, ROOT);
    acct.advance(MIN);
  }
}

export function insightEvents(acct: Account, params: JsonObject = {}): CloudTrailRecord[] {
  const res = ok(acct.call('cloudtrail:LookupEvents', { EventCategory: 'insight', ...params }, ROOT));
  // LookupEvents lists newest first; the tests read them in time order.
  return (res['Events'] as JsonObject[]).map((e) => JSON.parse(e['CloudTrailEvent'] as string) as CloudTrailRecord).reverse();
}

export function insightFiles(acct: Account, bucket: string): { key: string; records: CloudTrailRecord[] }[] {
  const prefix = `AWSLogs/${ACCT}/CloudTrail-Insight/`;
  const list = ok(acct.call('s3:ListObjectsV2', { Bucket: bucket, Prefix: prefix }, ROOT));
  const keys = ((list['Contents'] as { Key: string }[] | undefined) ?? []).map((x) => x.Key);
  return keys.map((key) => {
    const body = ok(acct.call('s3:GetObject', { Bucket: bucket, Key: key }, ROOT))['Body'] as string;
    const doc = JSON.parse(new TextDecoder().decode(gunzipSync(Uint8Array.from(atob(body), (ch) => ch.charCodeAt(0))))) as { Records: CloudTrailRecord[] };
    return { key, records: doc.Records };
  });
}

export const details = (r: CloudTrailRecord) => r.insightDetails as JsonObject & { insightContext: { statistics: JsonObject; attributions: JsonObject[] } };

