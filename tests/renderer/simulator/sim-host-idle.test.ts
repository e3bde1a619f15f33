import { describe, expect, it } from 'vitest';
import { hostHarness } from './host-harness';
import { webCryptoSigner } from '../../../renderer/src/areas/simulator/worker/digest-signer';
import type { Account } from '../../../simulator';
import { signSha256 } from '../../../simulator/cloudtrail/crypto/rsa';
import { regionKey } from '../../../simulator/cloudtrail/crypto/region-keys';

const ROOT = { as: 'root', region: 'us-east-1', via: 'console' };

function validatedTrail(h: ReturnType<typeof hostHarness>, days = 1): void {
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
  h.value({ kind: 'advance', ms: days * 86_400_000 });
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

  it('answers a read of unsigned digests once the signer has signed their chain, other requests meanwhile, signing nothing with BigInt', async () => {
    const web = webCryptoSigner()!;
    let calls = 0;
    let release: () => void = () => {};
    let held = true;
    // Holds each signature until released, so the test sees the read waiting.
    const h = hostHarness({ signer: async (region, message) => {
      if (held) await new Promise<void>((r) => (release = r));
      calls++;
      return web(region, message);
    } });
    validatedTrail(h);
    const a = h.account();
    const folder = `AWSLogs/${a.accountId}/CloudTrail-Digest/us-east-1/${new Date(a.clock.now() - 3_600_000).toISOString().slice(0, 10).replaceAll('-', '/')}/`;
    const unsigned = digests(a).filter(([, o]) => o.pending).length;
    const my = 1000;
    h.host.receive({ id: my, req: { kind: 'objects', bucket: 'trail-logs-123456789012', region: 'us-east-1', prefix: folder } });
    const reply = () => h.out.find((m) => 'id' in m && m.id === my);
    await new Promise((r) => setTimeout(r, 20));
    expect(reply()).toBeUndefined();
    // Other requests are answered while it waits.
    expect(h.value<{ nowMs: number }>({ kind: 'advance', ms: 0 }).nowMs).toBe(a.clock.now());
    held = false;
    release();
    for (let i = 0; i < 500 && !reply(); i++) await new Promise((r) => setTimeout(r, 5));
    const r = reply() as { ok: boolean; value: { objects: { key: string; size: number }[] } };
    expect(r.ok).toBe(true);
    expect(r.value.objects.length).toBeGreaterThanOrEqual(20);
    // Every digest signed by the signer: the read made no BigInt signature.
    expect(calls).toBe(unsigned);
    const lazy = hostHarness();
    validatedTrail(lazy);
    expect(lazy.value({ kind: 'objects', bucket: 'trail-logs-123456789012', region: 'us-east-1', prefix: folder })).toEqual(r.value);
  });

  it('runs a waiting read itself when the signer fails', async () => {
    let refused = 0;
    const h = hostHarness({ signer: async () => (refused++, '00'.repeat(256)) });
    validatedTrail(h);
    const a = h.account();
    const key = digests(a).at(-1)![0];
    const my = 1000;
    h.host.receive({ id: my, req: { kind: 'object', bucket: 'trail-logs-123456789012', region: 'us-east-1', key } });
    const reply = () => h.out.find((m) => 'id' in m && m.id === my);
    // It waited for the signer first.
    expect(reply()).toBeUndefined();
    for (let i = 0; i < 500 && !reply(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(refused).toBeGreaterThan(0);
    const r = reply() as { ok: boolean; value: { text: string; gzip: boolean } };
    expect(r.ok).toBe(true);
    expect(r.value.gzip).toBe(true);
    expect(JSON.parse(r.value.text)['digestS3Object']).toBe(key);
  });

  it('lets requests in while it signs, even with a signer that answers without a task of its own', async () => {
    // Signatures made here and handed back in microtasks: without a pause for tasks, the loop would keep the
    // thread until every digest was signed, as Chromium's WebCrypto answers did.
    const h = hostHarness({ signer: async (region, message) => signSha256(message, regionKey(region).pair) });
    validatedTrail(h);
    expect(h.account().digestToSign()).toBeDefined();
    const answered = await new Promise<boolean>((resolve) => setTimeout(() => {
      h.value({ kind: 'advance', ms: 0 });
      resolve(h.account().digestToSign() !== undefined);
    }, 0));
    // Answered while digests were still left to sign.
    expect(answered).toBe(true);
    for (let i = 0; i < 500 && h.account().digestToSign(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(h.account().digestToSign()).toBeUndefined();
  });

  it('does not run a waiting read in a sandbox that replaced the one it was asked of', async () => {
    const web = webCryptoSigner()!;
    let release: () => void = () => {};
    let held = true;
    const h = hostHarness({ signer: async (region, message) => {
      if (held) await new Promise<void>((r) => (release = r));
      return web(region, message);
    } });
    validatedTrail(h);
    const key = digests(h.account()).at(-1)![0];
    h.host.receive({ id: 1000, req: { kind: 'call', api: 's3:GetObject', params: { Bucket: 'trail-logs-123456789012', Key: key }, ctx: ROOT } });
    const reply = () => h.out.find((m) => 'id' in m && m.id === 1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(reply()).toBeUndefined();
    h.value({ kind: 'reset' });
    held = false;
    release();
    for (let i = 0; i < 200 && !reply(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(reply()).toMatchObject({ ok: false, errorKo: expect.stringContaining('샌드박스가 바뀌어') });
  });

  it('answers a read as soon as its own digests are signed, not after an earlier read that wants them all', async () => {
    const web = webCryptoSigner()!;
    let signed = 0;
    const h = hostHarness({ signer: (region, message) => (signed++, web(region, message)) });
    validatedTrail(h, 4);
    const a = h.account();
    const total = digests(a).filter(([, o]) => o.pending).length;
    // Background signing has begun; the oldest digest's chain is one signature long.
    const oldest = digests(a)[0]![0];
    h.host.receive({ id: 2000, req: { kind: 'sim', api: 'sim:ValidateLogs', params: { TrailARN: `arn:aws:cloudtrail:us-east-1:${a.accountId}:trail/main`, StartTime: 0 }, ctx: { as: 'alice', region: 'us-east-1', via: 'cli' } } });
    h.host.receive({ id: 2001, req: { kind: 'object', bucket: 'trail-logs-123456789012', key: oldest, region: 'us-east-1' } });
    const answered = (id: number) => h.out.some((m) => 'id' in m && m.id === id);
    let at = -1;
    for (let i = 0; i < 2000 && !answered(2000); i++) {
      if (at < 0 && answered(2001)) at = signed;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(answered(2000)).toBe(true);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(total / 2);
  });

  it('makes the next save\'s log file sizes ahead between requests after traffic', async () => {
    const h = hostHarness({ signer: webCryptoSigner()! });
    validatedTrail(h);
    // A day of traffic (past midnight): the day's bucket size reads every new log file's size, a gzip each.
    h.value({ kind: 'traffic', api: 'iam:ListUsers', params: {}, ctx: ROOT, perMinute: 5, minutes: 1440 });
    const files = () => [...h.account().s3.model.buckets.get('trail-logs-123456789012')!.objects].filter(([k]) => k.includes('/CloudTrail/')).map(([, o]) => o);
    const left = () => files().filter((o) => o.sizeToMake).length;
    expect(left()).toBeGreaterThanOrEqual(280);
    // A request made meanwhile is answered while sizes are still being made.
    const answeredWhileLeft = await new Promise<number>((resolve) => setTimeout(() => {
      h.value({ kind: 'advance', ms: 0 });
      resolve(left());
    }, 0));
    expect(answeredWhileLeft).toBeGreaterThan(0);
    // Then all of them, with no save asked for.
    for (let i = 0; i < 1000 && left() > 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(left()).toBe(0);
    const packed = await h.later<{ jsonChars: number }>({ kind: 'save' });
    expect(packed.jsonChars).toBeGreaterThan(0);
  });
});
