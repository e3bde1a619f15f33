import { describe, expect, it } from 'vitest';
import { hostHarness } from './host-harness';
import { webCryptoSigner } from '../../../renderer/src/areas/simulator/worker/digest-signer';
import type { Account } from '../../../simulator';

const ROOT = { as: 'root', region: 'us-east-1', via: 'console' };

function validatedTrail(h: ReturnType<typeof hostHarness>): void {
  h.value({ kind: 'start', snapshot: null });
  const bucket = 'trail-logs-123456789012';
  h.value({ kind: 'call', api: 's3:CreateBucket', params: { Bucket: bucket }, ctx: ROOT });
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/AWSLogs/*` },
    ],
  };
  h.value({ kind: 'call', api: 's3:PutBucketPolicy', params: { Bucket: bucket, Policy: JSON.stringify(policy) }, ctx: ROOT });
  h.value({ kind: 'call', api: 'cloudtrail:CreateTrail', params: { Name: 'main', S3BucketName: bucket, EnableLogFileValidation: true }, ctx: ROOT });
  h.value({ kind: 'call', api: 'cloudtrail:StartLogging', params: { Name: 'main' }, ctx: ROOT });
  h.value({ kind: 'advance', ms: 86_400_000 });
}

const digests = (a: Account) => [...a.s3.model.buckets.get('trail-logs-123456789012')!.objects].filter(([k]) => k.includes('CloudTrail-Digest'));

describe('the worker host signs digests in idle time', () => {
  it('signs the digests a fast-forward left unsigned, a few per tick, then stops, with the same bytes as on-read signing', () => {
    const idle = hostHarness();
    validatedTrail(idle);
    const unsigned = digests(idle.account()).filter(([, o]) => o.pending).length;
    expect(unsigned).toBeGreaterThanOrEqual(24);
    let ticks = 0;
    while (idle.live.size > 0 && ticks < 1000) {
      for (const fn of [...idle.live.values()]) fn();
      ticks++;
    }
    expect(idle.live.size).toBe(0);
    expect(ticks).toBeGreaterThanOrEqual(Math.ceil(unsigned / 2));
    const lazy = hostHarness();
    validatedTrail(lazy);
    const bytes = (a: Account) => digests(a).map(([k, o]) => [k, Buffer.from(o.body).toString('base64'), o.metadata?.['signature']]);
    expect(bytes(idle.account())).toEqual(bytes(lazy.account()));
  });

  it('signs them with WebCrypto when the worker has it, off the ticks, with the same bytes', async () => {
    let calls = 0;
    const web = webCryptoSigner()!;
    const h = hostHarness({ signer: (region, message) => (calls++, web(region, message)) });
    validatedTrail(h);
    const unsigned = digests(h.account()).filter(([, o]) => o.pending).length;
    expect(unsigned).toBeGreaterThanOrEqual(24);
    for (let i = 0; i < 500 && h.account().digestToSign(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(h.account().digestToSign()).toBeUndefined();
    expect(calls).toBe(unsigned);
    // No BigInt ticks were set.
    expect(h.live.size).toBe(0);
    const lazy = hostHarness();
    validatedTrail(lazy);
    const bytes = (a: Account) => digests(a).map(([k, o]) => [k, Buffer.from(o.body).toString('base64'), o.metadata?.['signature']]);
    expect(bytes(h.account())).toEqual(bytes(lazy.account()));
  });

  it('falls back to signing on ticks when the signer gives signatures the account refuses', async () => {
    const h = hostHarness({ signer: async () => '00'.repeat(256) });
    validatedTrail(h);
    for (let i = 0; i < 200 && h.live.size === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(h.live.size).toBe(1);
    let ticks = 0;
    while (h.live.size > 0 && ticks < 1000) {
      for (const fn of [...h.live.values()]) fn();
      ticks++;
    }
    expect(h.account().digestToSign()).toBeUndefined();
    const lazy = hostHarness();
    validatedTrail(lazy);
    const bytes = (a: Account) => digests(a).map(([k, o]) => [k, Buffer.from(o.body).toString('base64'), o.metadata?.['signature']]);
    expect(bytes(h.account())).toEqual(bytes(lazy.account()));
  });

  it('signs what a burst of traffic delivered, and what a restored save holds, once the request has run', async () => {
    const web = webCryptoSigner()!;
    let calls = 0;
    const signer = (region: string, message: Uint8Array<ArrayBuffer>) => (calls++, web(region, message));
    const settle = async (h: ReturnType<typeof hostHarness>) => {
      for (let i = 0; i < 500 && h.account().digestToSign(); i++) await new Promise((r) => setTimeout(r, 5));
    };
    const h = hostHarness({ signer });
    validatedTrail(h);
    await settle(h);
    const before = calls;
    // Five hours of calls made by the traffic control: five more digests, signed in the background.
    h.value({ kind: 'traffic', api: 'iam:ListUsers', params: {}, ctx: ROOT, perMinute: 1, minutes: 300 });
    await settle(h);
    expect(h.account().digestToSign()).toBeUndefined();
    expect(calls - before).toBeGreaterThanOrEqual(5);

    // A snapshot with digests not signed yet (the trail's bucket was deleted, so no bucket size needs them),
    // restored in a host that signs with WebCrypto.
    const saved = hostHarness();
    validatedTrail(saved);
    const pendingIn = (a: Account) => digests(a).filter(([, o]) => o.pending).length;
    const at = calls;
    const restored = hostHarness({ signer });
    restored.value({ kind: 'start', snapshot: saved.account().snapshot() });
    const pending = pendingIn(restored.account());
    await settle(restored);
    expect(restored.account().digestToSign()).toBeUndefined();
    expect(calls - at).toBe(pending);
    const bytes = (a: Account) => digests(a).map(([k, o]) => [k, Buffer.from(o.body).toString('base64'), o.metadata?.['signature']]);
    expect(bytes(restored.account())).toEqual(bytes(saved.account()));
  });

  it('saves once the background has signed the digests, instead of signing them with BigInt in the save', async () => {
    const web = webCryptoSigner()!;
    let calls = 0;
    const h = hostHarness({ signer: (region, message) => (calls++, web(region, message)) });
    validatedTrail(h);
    const unsigned = digests(h.account()).filter(([, o]) => o.pending).length;
    expect(unsigned).toBeGreaterThanOrEqual(24);
    const packed = await h.later<{ jsonChars: number }>({ kind: 'save' });
    expect(packed.jsonChars).toBeGreaterThan(0);
    expect(calls).toBe(unsigned);
  });
});
