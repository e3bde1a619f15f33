import { gunzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import * as rsa from '../../../simulator/cloudtrail/crypto/rsa';
import type { DeliveryLanes } from '../../../simulator/cloudtrail/delivery/lanes';
import { regionKey } from '../../../simulator/cloudtrail/crypto/region-keys';
import type { CloudTrailRecord, JsonObject, ObjectContent } from '../../../simulator/core/contract';
import { StoredObject } from '../../../simulator/s3/stored-object';
import { call, drive, MemoryStore, record, T0, world, type World } from './helpers';

// With a store that can hold computed objects (S3Model does), digests are signed and log file hashes taken
// only when something reads them. These tests run the same deliveries against the plain store (everything
// computed at delivery, as before) and the computed one, and require byte-identical objects and metadata,
// also when the learner deletes or overwrites files before any digest was read, and across a snapshot.
// Counts signatures; signs exactly as the real module does.
vi.mock('../../../simulator/cloudtrail/crypto/rsa', async (original) => {
  const real = await original<typeof import('../../../simulator/cloudtrail/crypto/rsa')>();
  return { ...real, signSha256: vi.fn(real.signSha256) };
});
const signatures = () => vi.mocked(rsa.signSha256).mock.calls.length;

const MIN = 60_000;
const HOUR = 60 * MIN;

/** MemoryStore plus putComputedObject (S3's StoredObject doing the deferring). */
class ComputedStore extends MemoryStore {
  readonly computed: StoredObject[] = [];
  putComputedObject(bucket: string, key: string, contentType: string, content: () => ObjectContent): void {
    const b = this.buckets.get(bucket);
    if (!b) throw new Error(`NoSuchBucket ${bucket}`);
    const o = new StoredObject(0, contentType, content);
    this.computed.push(o);
    b.objects.set(key, {
      get body() {
        return o.body;
      },
      get metadata() {
        return o.metadata ?? {};
      },
    });
  }
  get pending(): number {
    return this.computed.filter((o) => o.pending).length;
  }
}

// Fixed records, so both worlds get identical input (record() numbers its ids globally).
const RECORDS: CloudTrailRecord[] = Array.from({ length: 40 }, (_, i) =>
  record({ atMs: T0 + i * 7 * MIN, awsRegion: i % 3 === 0 ? 'eu-west-1' : 'us-east-1' }),
);

function setup(store: MemoryStore): World {
  const w = world(store);
  w.store.addBucket('logs');
  call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
  call(w, 'StartLogging', { Name: 'main' });
  return w;
}

function contents(w: World): Record<string, { body: string; signature: string | undefined }> {
  const out: Record<string, { body: string; signature: string | undefined }> = {};
  for (const key of w.store.listKeys('logs')) {
    out[key] = { body: Buffer.from(w.store.getObject('logs', key)!).toString('hex'), signature: w.store.objectMetadata('logs', key)?.['signature'] };
  }
  return out;
}

const digestKeys = (w: World) => w.store.listKeys('logs').filter((k) => k.includes('/CloudTrail-Digest/'));
const logKeys = (w: World) => w.store.listKeys('logs').filter((k) => k.includes('/CloudTrail/'));
const digestJson = (w: World, key: string) => JSON.parse(new TextDecoder().decode(gunzipSync(w.store.getObject('logs', key)!))) as JsonObject;

describe('digests and log file hashes computed on first read', () => {
  it('give the same bytes and signatures as computing them at delivery', () => {
    const eager = setup(new MemoryStore());
    const lazy = setup(new ComputedStore());
    drive(eager, RECORDS, T0 + 6 * HOUR);
    drive(lazy, RECORDS, T0 + 6 * HOUR);
    expect(digestKeys(lazy).length).toBeGreaterThanOrEqual(20);
    expect(contents(lazy)).toEqual(contents(eager));
  });

  it('sign nothing until a digest is read, then only the chain up to it', () => {
    const store = new ComputedStore();
    const w = setup(store);
    const signedBefore = signatures();
    drive(w, RECORDS, T0 + 4 * HOUR);
    const all = store.computed.length;
    expect(store.pending).toBe(all);
    expect(signatures()).toBe(signedBefore);
    // Reading the us-east-1 digest of 03:00 signs the 01:00 and 02:00 ones of its chain, not eu-west-1's.
    const third = digestKeys(w).filter((k) => k.includes('/us-east-1/'))[2]!;
    const json = digestJson(w, third);
    expect(json['digestEndTime']).toBe('2026-11-01T03:00:00Z');
    expect(store.pending).toBe(all - 1);
    expect(signatures()).toBe(signedBefore + 3);
    // The earlier digest of the chain, read now, is already signed: no second signature.
    const second = digestKeys(w).filter((k) => k.includes('/us-east-1/'))[1]!;
    expect(json['previousDigestHashValue']).toBe(createHash('sha256').update(gunzipSync(w.store.getObject('logs', second)!)).digest('hex'));
    expect(json['previousDigestSignature']).toBe(w.store.objectMetadata('logs', second)!['signature']);
    expect(signatures()).toBe(signedBefore + 3);
  });

  it('list each log file as delivered, even if the learner deleted or overwrote it before the digest was read', () => {
    const meddle = (w: World) => {
      const [first, second] = logKeys(w);
      w.store.deleteObject('logs', first!);
      w.store.putObject('logs', second!, new TextEncoder().encode('tampered'));
    };
    const eager = setup(new MemoryStore());
    const lazy = setup(new ComputedStore());
    drive(eager, RECORDS, T0 + 3 * HOUR, T0 + 50 * MIN, meddle);
    drive(lazy, RECORDS, T0 + 3 * HOUR, T0 + 50 * MIN, meddle);
    expect(contents(lazy)).toEqual(contents(eager));
    const listed = (digestJson(lazy, digestKeys(lazy).find((k) => k.includes('/us-east-1/'))!)['logFiles'] as JsonObject[]).map((f) => f['hashValue']);
    expect(listed).toHaveLength(new Set(listed).size);
  });

  it('chain past a digest the learner deleted before anyone read it', () => {
    const meddle = (w: World) => w.store.deleteObject('logs', digestKeys(w)[0]!);
    const eager = setup(new MemoryStore());
    const lazy = setup(new ComputedStore());
    drive(eager, RECORDS, T0 + 3 * HOUR, T0 + HOUR + 30 * MIN, meddle);
    drive(lazy, RECORDS, T0 + 3 * HOUR, T0 + HOUR + 30 * MIN, meddle);
    expect(contents(lazy)).toEqual(contents(eager));
  });

  it('snapshot unsigned digests as their inputs (signing nothing), and a restored service continues byte-identically', () => {
    const eager = setup(new MemoryStore());
    const lazy = setup(new ComputedStore());
    drive(eager, RECORDS, T0 + 2 * HOUR + 3 * MIN);
    drive(lazy, RECORDS, T0 + 2 * HOUR + 3 * MIN);
    const before = signatures();
    const snap = JSON.stringify(lazy.ct.snapshot());
    expect(signatures()).toBe(before);
    expect(snap).toContain('"pendingDigests"');
    expect(JSON.stringify(eager.ct.snapshot())).not.toContain('"pendingDigests"');
    // Continue in a fresh service restored from the snapshot, over the same (shared) bucket contents.
    const restored = world(lazy.store);
    restored.clock.ms = lazy.clock.ms;
    restored.ct.restore(JSON.parse(snap) as JsonObject);
    Object.assign(restored.random, lazy.random);
    drive(restored, RECORDS, T0 + 4 * HOUR);
    drive(eager, RECORDS, T0 + 4 * HOUR);
    expect(contents(restored)).toEqual(contents(eager));
  });

  it('signAhead signs the oldest unsigned digests in slices, and reads then sign nothing more', () => {
    const eager = setup(new MemoryStore());
    const store = new ComputedStore();
    const lazy = setup(store);
    drive(eager, RECORDS, T0 + 3 * HOUR);
    drive(lazy, RECORDS, T0 + 3 * HOUR);
    // The service keeps its lanes private; the host that would call signAhead is not part of this test.
    const lanes = (lazy.ct as unknown as { lanes: DeliveryLanes }).lanes;
    const digests = digestKeys(lazy).length;
    const before = signatures();
    expect(lanes.signAhead(2)).toBe(2);
    expect(signatures()).toBe(before + 2);
    expect(lanes.signAhead(1000)).toBe(digests - 2);
    expect(lanes.signAhead(1000)).toBe(0);
    expect(contents(lazy)).toEqual(contents(eager));
    expect(signatures()).toBe(before + digests);
  });

  it('takes signatures a host made with WebCrypto (same bytes as BigInt), oldest first, and refuses a wrong one', async () => {
    const eager = setup(new MemoryStore());
    const lazy = setup(new ComputedStore());
    drive(eager, RECORDS, T0 + 3 * HOUR);
    drive(lazy, RECORDS, T0 + 3 * HOUR);
    const digests = digestKeys(lazy).length;
    expect(digests).toBeGreaterThan(4);
    const keys = new Map<string, CryptoKey>();
    const before = signatures();
    const first = lazy.ct.digestToSign()!;
    // A signature that is not this digest's is refused, and the same digest is offered again.
    expect(first.accept('00'.repeat(256))).toBe('refused');
    expect(first.accept('not hex')).toBe('refused');
    let signed = 0;
    for (let next = lazy.ct.digestToSign(); next; next = lazy.ct.digestToSign()) {
      let key = keys.get(next.region);
      if (!key) {
        key = await crypto.subtle.importKey('jwk', rsa.privateKeyJwk(regionKey(next.region).pair), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
        keys.set(next.region, key);
      }
      const signature = Buffer.from(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, next.message)).toString('hex');
      // The same number with a leading zero written out verifies too, but is not the signature's form.
      expect(next.accept(`0${signature}`)).toBe('refused');
      expect(next.accept(signature)).toBe('taken');
      // Taken once: a second answer for the same digest changes nothing.
      expect(next.accept(signature)).toBe('signed');
      signed++;
    }
    expect(signed).toBe(digests);
    // No BigInt signature was made here, and every object is what signing on read gives.
    expect(signatures()).toBe(before);
    expect(contents(lazy)).toEqual(contents(eager));
  });
});
