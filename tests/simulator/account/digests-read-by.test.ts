// A host that signs digests elsewhere (WebCrypto) asks which unsigned digests a request would read, signs
// those chains first, then runs the request: the read then signs nothing itself, and the bytes are the same.
import { describe, expect, it, vi } from 'vitest';
import * as rsa from '../../../simulator/cloudtrail/crypto/rsa';
import { regionKey } from '../../../simulator/cloudtrail/crypto/region-keys';
import { Account, type DigestWanted, type JsonObject } from '../../../simulator';

vi.mock('../../../simulator/cloudtrail/crypto/rsa', async (original) => {
  const real = await original<typeof import('../../../simulator/cloudtrail/crypto/rsa')>();
  return { ...real, signSha256: vi.fn(real.signSha256) };
});
const bigIntSignatures = () => vi.mocked(rsa.signSha256).mock.calls.length;

const ROOT = { as: 'root', region: 'us-east-1', via: 'console' as const };
const START = Date.parse('2026-11-23T00:00:00Z');

function account(): { a: Account; bucket: string; folder: (region: string, ms: number) => string } {
  const a = new Account({ seed: 1, startMs: START });
  const bucket = `trail-logs-${a.accountId}`;
  const ok = (r: ReturnType<Account['call']>) => expect(r.ok, JSON.stringify(r.ok ? '' : r.error)).toBe(true);
  ok(a.call('s3:CreateBucket', { Bucket: bucket }, ROOT));
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/AWSLogs/*` },
    ],
  };
  ok(a.call('s3:PutBucketPolicy', { Bucket: bucket, Policy: JSON.stringify(policy) }, ROOT));
  // The console's defaults: multi-Region, validated.
  ok(a.call('cloudtrail:CreateTrail', { Name: 'main', S3BucketName: bucket, IsMultiRegionTrail: true, EnableLogFileValidation: true }, ROOT));
  ok(a.call('cloudtrail:StartLogging', { Name: 'main' }, ROOT));
  a.advance('P2D');
  const folder = (region: string, ms: number) => `AWSLogs/${a.accountId}/CloudTrail-Digest/${region}/${new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/')}/`;
  return { a, bucket, folder };
}

const digestObjects = (a: Account, bucket: string) => [...a.s3.model.buckets.get(bucket)!.objects].filter(([k]) => k.includes('/CloudTrail-Digest/'));

async function signWith(a: Account, wanted?: DigestWanted): Promise<number> {
  const keys = new Map<string, CryptoKey>();
  let n = 0;
  for (let next = a.digestToSign(wanted); next; next = a.digestToSign(wanted)) {
    let key = keys.get(next.region);
    if (!key) keys.set(next.region, (key = await crypto.subtle.importKey('jwk', rsa.privateKeyJwk(regionKey(next.region).pair), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])));
    expect(next.accept(Buffer.from(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, next.message)).toString('hex'))).toBe('taken');
    n++;
  }
  return n;
}

describe('digestsReadBy: the unsigned digests a request would read', () => {
  it('names the objects a listing shows, a GetObject reads, validate-logs and bucket sizes read, and nothing for other calls', () => {
    const { a, bucket, folder } = account();
    const day2 = folder('us-east-1', START + 36 * 3_600_000);
    const inDay2 = digestObjects(a, bucket).map(([k]) => k).filter((k) => k.startsWith(day2));
    const [key, other] = inDay2;
    const list = a.digestsReadBy('s3:ListObjectsV2', { Bucket: bucket, Prefix: day2, Delimiter: '/' })!;
    expect(inDay2.length).toBe(24);
    expect(inDay2.every((k) => list(bucket, k))).toBe(true);
    expect(list('other', key!)).toBe(false);
    // A folder above lists day 2 as a subfolder, whose objects it does not read; without a delimiter it does.
    const month = day2.slice(0, day2.length - 3);
    expect(a.digestsReadBy('s3:ListObjectsV2', { Bucket: bucket, Prefix: month, Delimiter: '/' })!(bucket, key!)).toBe(false);
    expect(a.digestsReadBy('s3:ListObjectsV2', { Bucket: bucket, Prefix: month })!(bucket, key!)).toBe(true);
    const get = a.digestsReadBy('s3:GetObject', { Bucket: bucket, Key: key! })!;
    expect([get(bucket, key!), get(bucket, other!)]).toEqual([true, false]);
    expect(a.digestsReadBy('sim:Inspect', { Action: 's3:HeadObject', Params: { Bucket: bucket, Key: key! } })!(bucket, key!)).toBe(true);
    expect(a.digestsReadBy('sim:ValidateLogs', { TrailARN: 'x' })!(bucket, key!)).toBe(true);
    const size: JsonObject = { Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: [{ Name: 'BucketName', Value: bucket }, { Name: 'StorageType', Value: 'StandardStorage' }], StartTime: 0, EndTime: 1, Period: 86400, Statistics: ['Average'] };
    expect(a.digestsReadBy('cloudwatch:GetMetricStatistics', size)).toBeDefined();
    expect(a.digestsReadBy('cloudwatch:GetMetricStatistics', { ...size, MetricName: 'NumberOfObjects' })).toBeUndefined();
    for (const [api, params] of [['s3:PutObject', { Bucket: bucket, Key: key!, Body: 'x' }], ['s3:DeleteObject', { Bucket: bucket, Key: key! }], ['iam:ListUsers', {}], ['s3:ListObjectsV2', {}]] as const) {
      expect(a.digestsReadBy(api, params as JsonObject), api).toBeUndefined();
    }
  });

  it('offers the wanted digests\' chain first; the listing then signs nothing itself, with the same bytes', async () => {
    const { a, bucket, folder } = account();
    const day2 = folder('us-east-1', START + 36 * 3_600_000);
    const params = { Bucket: bucket, Prefix: day2, Delimiter: '/' };
    const wanted = a.digestsReadBy('s3:ListObjectsV2', params)!;
    // A folder of Regions lists no digest: nothing to sign first.
    expect(a.digestToSign(a.digestsReadBy('s3:ListObjectsV2', { Bucket: bucket, Prefix: `AWSLogs/${a.accountId}/CloudTrail-Digest/`, Delimiter: '/' }))).toBeUndefined();
    const eu = a.digestsReadBy('s3:ListObjectsV2', { Bucket: bucket, Prefix: `AWSLogs/${a.accountId}/CloudTrail-Digest/eu-west-1/` })!;
    const signed = await signWith(a, wanted);
    // us-east-1's chain up to the end of day 2: its digests of day 1 and day 2, nothing else.
    const under = (prefix: string) => digestObjects(a, bucket).filter(([k]) => k.startsWith(prefix)).length;
    expect(signed).toBe(under(folder('us-east-1', START)) + under(day2));
    expect(a.digestToSign(wanted)).toBeUndefined();
    // Other Regions' chains are left to the background.
    expect(a.digestToSign(eu)).toBeDefined();
    const before = bigIntSignatures();
    const listed = a.call('s3:ListObjectsV2', params, ROOT);
    expect(listed.ok && (listed.response['Contents'] as unknown[]).length).toBeGreaterThanOrEqual(24);
    expect(bigIntSignatures()).toBe(before);

    // Same bytes as an account whose reads signed everything with BigInt.
    await signWith(a);
    const { a: b } = account();
    const bytes = (x: Account) => digestObjects(x, bucket).map(([k, o]) => [k, Buffer.from(o.body).toString('base64'), o.metadata?.['signature']]);
    expect(bytes(a)).toEqual(bytes(b));
  });

  it('names no digest the learner has since overwritten or deleted: the read finds something else there', () => {
    const { a, bucket, folder } = account();
    const day2 = digestObjects(a, bucket).map(([k]) => k).filter((k) => k.startsWith(folder('us-east-1', START + 36 * 3_600_000)));
    const [overwritten, deleted] = day2.slice(-2);
    expect(a.call('s3:PutObject', { Bucket: bucket, Key: overwritten!, Body: '{}' }, ROOT).ok).toBe(true);
    expect(a.call('s3:DeleteObject', { Bucket: bucket, Key: deleted! }, ROOT).ok).toBe(true);
    for (const key of [overwritten!, deleted!]) expect(a.digestToSign(a.digestsReadBy('s3:GetObject', { Bucket: bucket, Key: key }))).toBeUndefined();
    expect(a.digestToSign(a.digestsReadBy('s3:GetObject', { Bucket: bucket, Key: day2[0]! }))).toBeDefined();
  });
});
