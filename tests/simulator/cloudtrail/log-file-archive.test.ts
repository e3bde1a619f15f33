// Log files are kept as lists of record ids into CloudTrail's record archive and gzipped when read. These
// tests pin that this is invisible: the same bytes as gzipping at delivery (also when the learner deletes or
// overwrites files before a digest lists them), the same bytes on every read, sizes and ETags that match,
// snapshots that keep them as ids and restore to the same bytes, and corrupt saves refused.
import { gunzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import type { CloudTrailRecord, Json, ObjectContent, ReproducibleContent } from '../../../simulator/core/contract';
import { StoredObject } from '../../../simulator/s3/stored-object';
import { ok, START } from '../support';
import { call, drive, MemoryStore, record, T0, world, type World } from './helpers';
import { ROOT, TRAIL_ARN, validatedTrailAccount } from './trail-account';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** MemoryStore that defers as S3Model does: log files reproducible, digests computed on first read. */
class DeferringStore extends MemoryStore {
  readonly logFiles: StoredObject[] = [];
  private wrap(bucket: string, key: string, o: StoredObject): void {
    const b = this.buckets.get(bucket);
    if (!b) throw new Error(`NoSuchBucket ${bucket}`);
    b.objects.set(key, {
      get body() {
        return o.body;
      },
      get metadata() {
        return o.metadata ?? {};
      },
    });
  }
  putComputedObject(bucket: string, key: string, contentType: string, content: () => ObjectContent): void {
    this.wrap(bucket, key, new StoredObject(0, contentType, content));
  }
  putReproducibleObject(bucket: string, key: string, contentType: string, content: ReproducibleContent): void {
    const o = StoredObject.reproducible(0, contentType, content);
    this.logFiles.push(o);
    this.wrap(bucket, key, o);
  }
}

const RECORDS: CloudTrailRecord[] = Array.from({ length: 60 }, (_, i) =>
  record({ atMs: T0 + i * 5 * MIN, awsRegion: i % 4 === 0 ? 'eu-west-1' : 'us-east-1' }),
);

function setup(store: MemoryStore): World {
  const w = world(store);
  w.store.addBucket('logs');
  w.store.addBucket('other');
  call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
  call(w, 'StartLogging', { Name: 'main' });
  // A second trail taking the same us-east-1 records: both files name the same archived records.
  call(w, 'CreateTrail', { Name: 'second', S3BucketName: 'other' });
  call(w, 'StartLogging', { Name: 'second' });
  return w;
}

function contents(w: World): Record<string, string> {
  const out: Record<string, string> = {};
  for (const bucket of ['logs', 'other']) {
    for (const key of w.store.listKeys(bucket)) {
      out[`${bucket}/${key}`] = Buffer.from(w.store.getObject(bucket, key)!).toString('hex') + ' ' + (w.store.objectMetadata(bucket, key)?.['signature'] ?? '');
    }
  }
  return out;
}

const eventIdsIn = (gz: Uint8Array) =>
  (JSON.parse(new TextDecoder().decode(gunzipSync(gz))) as { Records: CloudTrailRecord[] }).Records.map((r) => r.eventID);

describe('log files made from the record archive when read', () => {
  it('are byte for byte what gzipping at delivery gives, with digests listing them as delivered', () => {
    const meddle = (w: World) => {
      const [first, second] = w.store.listKeys('logs', 'AWSLogs/123456789012/CloudTrail/');
      w.store.deleteObject('logs', first!);
      w.store.putObject('logs', second!, new TextEncoder().encode('tampered'));
    };
    const eager = setup(new MemoryStore());
    const store = new DeferringStore();
    const lazy = setup(store);
    drive(eager, RECORDS, T0 + 5 * HOUR, T0 + 40 * MIN, meddle);
    drive(lazy, RECORDS, T0 + 5 * HOUR, T0 + 40 * MIN, meddle);
    expect(store.logFiles.length).toBeGreaterThan(40);
    // Nothing gzipped yet: no log file's size is known before something reads it.
    expect(store.logFiles.every((o) => o.pending)).toBe(true);
    expect(contents(lazy)).toEqual(contents(eager));
  });

  it('give each trail exactly its own records, and the same bytes on every read', () => {
    const store = new DeferringStore();
    const w = setup(store);
    drive(w, RECORDS, T0 + 2 * HOUR);
    const mainFiles = w.store.listKeys('logs', 'AWSLogs/123456789012/CloudTrail/');
    const otherFiles = w.store.listKeys('other', 'AWSLogs/123456789012/CloudTrail/');
    const inMain = mainFiles.flatMap((k) => eventIdsIn(w.store.getObject('logs', k)!));
    const inOther = otherFiles.flatMap((k) => eventIdsIn(w.store.getObject('other', k)!));
    const delivered = RECORDS.filter((r) => Date.parse(r.eventTime) <= T0 + 2 * HOUR - 10 * MIN);
    expect(inMain).toEqual(expect.arrayContaining(delivered.map((r) => r.eventID)));
    expect(inOther).toEqual(expect.arrayContaining(delivered.filter((r) => r.awsRegion === 'us-east-1').map((r) => r.eventID)));
    expect(inOther.some((id) => RECORDS.find((r) => r.eventID === id)!.awsRegion !== 'us-east-1')).toBe(false);
    // Far more files read than the few bodies remembered: each is made again, identically.
    const first = mainFiles.map((k) => Buffer.from(w.store.getObject('logs', k)!).toString('hex'));
    const again = mainFiles.map((k) => Buffer.from(w.store.getObject('logs', k)!).toString('hex'));
    expect(again).toEqual(first);
  });
});

function busyAccount(): Account {
  const acct = validatedTrailAccount(5, { multiRegion: true });
  for (let m = 0; m < 40; m++) {
    ok(acct.call('ec2:DescribeVpcs', {}, { ...ROOT, region: m % 2 ? 'ap-northeast-2' : 'us-east-1' }));
    acct.advance(3 * MIN);
  }
  return acct;
}

const logKeys = (a: Account) => a.s3.model.listKeys('trail-bucket').filter((k) => k.includes('/CloudTrail/'));
const objectOf = (a: Account, key: string) => a.s3.model.buckets.get('trail-bucket')!.objects.get(key)!;

describe('log files in the S3 model', () => {
  it('answer size, ETag and bytes consistently, and ListObjectsV2 and GetObject agree', () => {
    const a = busyAccount();
    const keys = logKeys(a);
    expect(keys.length).toBeGreaterThan(10);
    const key = keys[3]!;
    expect(objectOf(a, key).pending).toBe(true);
    const got = ok(a.call('s3:GetObject', { Bucket: 'trail-bucket', Key: key }, ROOT));
    const body = a.s3.model.getObject('trail-bucket', key)!;
    expect(objectOf(a, key).pending).toBe(false);
    expect(got['ContentLength']).toBe(body.length);
    expect(got['ETag']).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    const listed = ok(a.call('s3:ListObjectsV2', { Bucket: 'trail-bucket', Prefix: key }, ROOT));
    expect((listed['Contents'] as { Size: number; ETag: string }[])[0]).toMatchObject({ Size: body.length, ETag: got['ETag'] });
    expect(new TextDecoder().decode(gunzipSync(body))).toMatch(/^\{"Records":\[\{"eventVersion":/);
  });

  it('are saved as record ids, read or not, and a restored account makes the same bytes', () => {
    const a = busyAccount();
    a.s3.model.getObject('trail-bucket', logKeys(a)[0]!);
    const text = JSON.stringify(a.snapshot());
    expect(text.match(/"computed":\{"cloudTrailLogFile":/g)?.length).toBe(logKeys(a).length);
    expect(text).toContain('"logArchive"');
    const b = Account.restore(JSON.parse(text) as Json);
    expect(JSON.stringify(b.snapshot())).toBe(text);
    for (const key of a.s3.model.listKeys('trail-bucket')) {
      expect(Buffer.from(b.s3.model.getObject('trail-bucket', key)!).equals(Buffer.from(a.s3.model.getObject('trail-bucket', key)!))).toBe(true);
    }
    // The restored account goes on delivering, its new files made from the same archive.
    for (const acct of [a, b]) {
      ok(acct.call('ec2:DescribeVpcs', {}, ROOT));
      acct.advance(10 * MIN);
    }
    expect(logKeys(b)).toEqual(logKeys(a));
    const last = logKeys(a).at(-1)!;
    expect(Buffer.from(b.s3.model.getObject('trail-bucket', last)!).equals(Buffer.from(a.s3.model.getObject('trail-bucket', last)!))).toBe(true);
    expect(ok(b.call('sim:ValidateLogs', { TrailARN: TRAIL_ARN, StartTime: START / 1000 }, ROOT))['valid']).toBe(true);
  });

  it('refuse a snapshot whose log file names records the archive does not hold, or is not ids at all', () => {
    const text = JSON.stringify(busyAccount().snapshot());
    const outside = text.replace(/"cloudTrailLogFile":"[^"]*"/, `"cloudTrailLogFile":"${Buffer.from(new Int32Array([1_000_000]).buffer).toString('base64')}"`);
    expect(() => Account.restore(JSON.parse(outside) as Json)).toThrow(/archive does not hold/);
    const garbled = text.replace(/"cloudTrailLogFile":"[^"]*"/, '"cloudTrailLogFile":"abc"');
    expect(() => Account.restore(JSON.parse(garbled) as Json)).toThrow(/malformed log file/);
  });
});
