// The bucket browser lists one folder at a time (ListObjectsV2 with Delimiter "/"), as the S3 console does: a
// bucket holding months of log files and digests opens without making every log file's gzip or signing every
// digest, and validation's start time comes from the oldest log file of each Region, one object a Region.
import { describe, expect, it } from 'vitest';
import { hostHarness } from './host-harness';

const ACCT = '123456789012';
const ctx = { as: 'alice', region: 'us-east-1', via: 'cli' };
type Folder = { folders: string[]; objects: { key: string; size: number; lastModified: string }[] };

function busyBucket() {
  const h = hostHarness();
  h.value({ kind: 'start', snapshot: null });
  h.value({ kind: 'call', api: 's3:CreateBucket', params: { Bucket: 'logs-x' }, ctx });
  const policy = { Version: '2012-10-17', Statement: [
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::logs-x' },
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::logs-x/team/AWSLogs/${ACCT}/*` },
  ] };
  h.value({ kind: 'call', api: 's3:PutBucketPolicy', params: { Bucket: 'logs-x', Policy: JSON.stringify(policy) }, ctx });
  h.value({ kind: 'call', api: 'cloudtrail:CreateTrail', params: { Name: 'main', S3BucketName: 'logs-x', S3KeyPrefix: 'team', IsMultiRegionTrail: true, EnableLogFileValidation: true }, ctx });
  h.value({ kind: 'call', api: 'cloudtrail:StartLogging', params: { Name: 'main' }, ctx });
  // Two days of calls in two Regions, a file every few minutes and a digest every hour.
  for (let i = 0; i < 120; i++) {
    h.value({ kind: 'call', api: 'ec2:DescribeVpcs', params: {}, ctx: { ...ctx, region: i % 2 ? 'ap-northeast-2' : 'us-east-1' } });
    h.value({ kind: 'advance', ms: 24 * 60_000 });
  }
  return h;
}

const pendingObjects = (h: ReturnType<typeof hostHarness>) => [...h.account().s3.model.buckets.get('logs-x')!.objects.values()].filter((o) => o.pending).length;

describe('the bucket browser, folder by folder', () => {
  it('lists a folder’s subfolders and objects, making only those objects’ bytes', () => {
    const h = busyBucket();
    const top = h.value<Folder>({ kind: 'objects', bucket: 'logs-x', region: 'us-east-1' });
    expect(top).toEqual({ folders: ['team/'], objects: [] });
    const kinds = h.value<Folder>({ kind: 'objects', bucket: 'logs-x', region: 'us-east-1', prefix: `team/AWSLogs/${ACCT}/` });
    expect(kinds.folders).toEqual([`team/AWSLogs/${ACCT}/CloudTrail-Digest/`, `team/AWSLogs/${ACCT}/CloudTrail/`]);
    // Digests nobody has read are still unsigned.
    const before = pendingObjects(h);
    expect(before).toBeGreaterThan(60);
    const day = `team/AWSLogs/${ACCT}/CloudTrail/us-east-1/2026/11/23/`;
    const files = h.value<Folder>({ kind: 'objects', bucket: 'logs-x', region: 'us-east-1', prefix: day });
    expect(files.folders).toEqual([]);
    expect(files.objects.length).toBeGreaterThan(5);
    expect(files.objects.every((o) => o.key.startsWith(day) && o.key.endsWith('.json.gz') && o.size > 0)).toBe(true);
    expect(pendingObjects(h)).toBe(before);
    // A day of one Region's digests: only those are signed (their sizes), the rest stay as they were.
    const digestDay = `team/AWSLogs/${ACCT}/CloudTrail-Digest/ap-northeast-2/2026/11/23/`;
    const digests = h.value<Folder>({ kind: 'objects', bucket: 'logs-x', region: 'us-east-1', prefix: digestDay });
    expect(digests.objects.length).toBeGreaterThan(5);
    expect(pendingObjects(h)).toBe(before - digests.objects.length);
  });

  it('finds the oldest log file of the trail over all its Regions', () => {
    const h = busyBucket();
    const { lastModified } = h.value<{ lastModified: string | null }>({ kind: 'oldestLogFile', bucket: 'logs-x', region: 'us-east-1', keyPrefix: 'team', accountId: ACCT });
    const all = h.account().s3.model.listKeys('logs-x', `team/AWSLogs/${ACCT}/CloudTrail/`);
    const oldest = Math.min(...all.map((k) => h.account().s3.model.buckets.get('logs-x')!.objects.get(k)!.lastModified));
    expect(Date.parse(lastModified!)).toBe(oldest);
    expect(h.value<{ lastModified: string | null }>({ kind: 'oldestLogFile', bucket: 'logs-x', region: 'us-east-1', keyPrefix: '', accountId: ACCT }).lastModified).toBeNull();
  });
});
