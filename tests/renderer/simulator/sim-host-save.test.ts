// A save waits for the background: every digest signed (WebCrypto) and the bucket sizes' log file gzips made,
// in the same task as the snapshot. A clock step answered while it waited may add either; the save must not
// then sign digests with BigInt on the worker's thread.
import { describe, expect, it, vi } from 'vitest';
import * as rsa from '../../../simulator/cloudtrail/crypto/rsa';
import { hostHarness } from './host-harness';
import { webCryptoSigner } from '../../../renderer/src/areas/simulator/worker/digest-signer';

vi.mock('../../../simulator/cloudtrail/crypto/rsa', async (original) => {
  const real = await original<typeof import('../../../simulator/cloudtrail/crypto/rsa')>();
  return { ...real, signSha256: vi.fn(real.signSha256) };
});
const bigIntSignatures = () => vi.mocked(rsa.signSha256).mock.calls.length;

const ROOT = { as: 'root', region: 'us-east-1', via: 'console' };
const BUCKET = 'trail-logs-123456789012';

describe('the worker host saving', () => {
  it('signs nothing with BigInt when a day passes while the save waits', async () => {
    const h = hostHarness({ signer: webCryptoSigner()! });
    h.value({ kind: 'start', snapshot: null });
    h.value({ kind: 'call', api: 's3:CreateBucket', params: { Bucket: BUCKET }, ctx: ROOT });
    const policy = { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${BUCKET}` },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/AWSLogs/*` },
    ] };
    h.value({ kind: 'call', api: 's3:PutBucketPolicy', params: { Bucket: BUCKET, Policy: JSON.stringify(policy) }, ctx: ROOT });
    h.value({ kind: 'call', api: 'cloudtrail:CreateTrail', params: { Name: 'main', S3BucketName: BUCKET, EnableLogFileValidation: true, IsMultiRegionTrail: true }, ctx: ROOT });
    h.value({ kind: 'call', api: 'cloudtrail:StartLogging', params: { Name: 'main' }, ctx: ROOT });
    h.value({ kind: 'traffic', api: 'iam:ListUsers', params: {}, ctx: ROOT, perMinute: 5, minutes: 1440 });
    const left = () => [...h.account().s3.model.buckets.get(BUCKET)!.objects.values()].filter((o) => o.sizeToMake).length;
    const before = bigIntSignatures();
    const saved = h.later<{ jsonChars: number }>({ kind: 'save' });
    // Once the digests are signed and the save is making sizes, the learner moves the clock a day.
    for (let i = 0; i < 2000 && h.account().digestToSign(); i++) await new Promise((r) => setTimeout(r, 1));
    expect(left()).toBeGreaterThan(0);
    h.value({ kind: 'advance', ms: 86_400_000 });
    expect((await saved).jsonChars).toBeGreaterThan(0);
    expect(bigIntSignatures()).toBe(before);
    expect(h.account().digestToSign()).toBeUndefined();
  }, 120_000);
});
