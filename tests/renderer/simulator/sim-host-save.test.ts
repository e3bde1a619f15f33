// A save waits for the background: every digest signed (WebCrypto) and the bucket sizes' log file gzips made,
// in the same task as the snapshot. A clock step answered while it waited may add either; the save must not
// then sign digests with BigInt on the worker's thread.
import { describe, expect, it, vi } from 'vitest';
import * as rsa from '../../../simulator/cloudtrail/crypto/rsa';
import { hostHarness } from './host-harness';
import { webCryptoSigner } from '../../../renderer/src/areas/simulator/worker/digest-signer';
import type { HeldSaves } from '../../../renderer/src/areas/simulator/worker/sim-host';
import { packParts, type PackedSnapshot } from '../../../renderer/src/areas/simulator/worker/snapshot-pack';

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

describe('the worker host saving through a keeper (the browser: the packing worker stores the sandbox)', () => {
  /** A keeper as the packing worker is one: packs, holds one, stores or drops it on the page's word. */
  function memoryKeeper() {
    const held = new Map<number, PackedSnapshot>();
    const stored: { snapshot: PackedSnapshot; savedAt: string }[] = [];
    let n = 0;
    const keeper: HeldSaves = {
      hold: async (parts) => {
        const packed = await packParts(parts);
        held.clear();
        held.set(++n, packed);
        return { id: n, jsonChars: packed.jsonChars };
      },
      store: async (id, savedAt) => {
        const packed = held.get(id);
        held.delete(id);
        if (!packed) throw new Error('nothing held');
        stored.push({ snapshot: packed, savedAt });
      },
      drop: async (id) => {
        held.delete(id);
      },
    };
    return { keeper, held, stored };
  }

  it('holds the packed sandbox, stores it when told, and a new host starts from what it stored', async () => {
    const k = memoryKeeper();
    const h = hostHarness({ keeper: k.keeper });
    h.value({ kind: 'start', snapshot: null });
    h.value({ kind: 'call', api: 's3:CreateBucket', params: { Bucket: BUCKET }, ctx: ROOT });
    const held = await h.later<{ id: number; jsonChars: number }>({ kind: 'saveHeld' });
    expect(held.jsonChars).toBeGreaterThan(0);
    expect(k.stored).toEqual([]);
    expect(await h.later({ kind: 'storeHeld', held: held.id, savedAt: '2026-11-27T17:00:00.000Z' })).toEqual({ stored: true });
    expect(k.stored.map((s) => s.savedAt)).toEqual(['2026-11-27T17:00:00.000Z']);
    // Stored once: the same held sandbox is not there to store again.
    await expect(h.later({ kind: 'storeHeld', held: held.id, savedAt: 'x' })).rejects.toThrow(/nothing held/);
    const again = hostHarness();
    await again.later({ kind: 'start', snapshot: k.stored[0]!.snapshot });
    expect(again.account().s3.model.buckets.has(BUCKET)).toBe(true);
  });

  it('forgets a held sandbox the page no longer wants, storing nothing', async () => {
    const k = memoryKeeper();
    const h = hostHarness({ keeper: k.keeper });
    h.value({ kind: 'start', snapshot: null });
    const held = await h.later<{ id: number }>({ kind: 'saveHeld' });
    expect(await h.later({ kind: 'dropHeld', held: held.id })).toEqual({ dropped: true });
    expect(k.held.size).toBe(0);
    expect(k.stored).toEqual([]);
  });

  it('answers a Korean error where no keeper is (the page then saves the packed sandbox itself)', async () => {
    const h = hostHarness();
    h.value({ kind: 'start', snapshot: null });
    await expect(h.later({ kind: 'saveHeld' })).rejects.toThrow(/저장하지 않습니다/);
  });
});
