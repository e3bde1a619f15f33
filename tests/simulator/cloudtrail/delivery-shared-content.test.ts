// Trails delivering the very same records at one instant share one log file content and one hash (lanes.ts
// archived): the S3 objects hold each trail's own bytes, digests list each file's own hash, and that hash is
// worked out once for all of them.
import { gunzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReproducibleContent } from '../../../simulator/core/contract';
import { LogFileContent } from '../../../simulator/cloudtrail/delivery/log-files';
import { sha256Hex } from '../../../simulator/cloudtrail/crypto/sha256';
import { advance, call, MemoryStore, MGMT_DEF, record, T0, world, type World } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A store that keeps log files as their contents, as the account's S3 does. */
class ReproducingStore extends MemoryStore {
  readonly contents = new Map<string, ReproducibleContent>();
  putReproducibleObject(bucket: string, key: string, _contentType: string, content: ReproducibleContent): void {
    this.contents.set(`${bucket}/${key}`, content);
    this.putObject(bucket, key, content.body());
  }
}

function trail(w: World, name: string, extra: Record<string, boolean> = {}): void {
  w.store.addBucket(name);
  call(w, 'CreateTrail', { Name: name, S3BucketName: name, ...extra });
  call(w, 'StartLogging', { Name: name });
}

const logKeys = (w: World, bucket: string) => w.store.listKeys(bucket).filter((k) => k.includes('/CloudTrail/'));
const eventIds = (body: Uint8Array) => (JSON.parse(new TextDecoder().decode(gunzipSync(body))) as { Records: { eventID: string }[] }).Records.map((r) => r.eventID);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('log file content shared by the trails delivering the same records', () => {
  it('is one object for the same records, another for other records, each with its own bytes', () => {
    const store = new ReproducingStore();
    const w = world(store);
    for (const name of ['aaa', 'bbb']) trail(w, name, { IsMultiRegionTrail: true });
    trail(w, 'ccc');
    const east = [record({ atMs: T0 }), record({ atMs: T0 + 1000 })];
    const ap = [record({ atMs: T0 + 2000, awsRegion: 'ap-northeast-2' })];
    for (const r of [...east, ...ap]) w.ct.ingest(r, MGMT_DEF);
    advance(w, 5 * MIN);
    const contentOf = (bucket: string, region: string) => {
      const key = logKeys(w, bucket).find((k) => k.includes(`/${region}/`))!;
      return { key, content: store.contents.get(`${bucket}/${key}`)! };
    };
    const aEast = contentOf('aaa', 'us-east-1');
    const bEast = contentOf('bbb', 'us-east-1');
    const cEast = contentOf('ccc', 'us-east-1');
    const aAp = contentOf('aaa', 'ap-northeast-2');
    const bAp = contentOf('bbb', 'ap-northeast-2');
    expect(bEast.content).toBe(aEast.content);
    expect(cEast.content).toBe(aEast.content);
    expect(bAp.content).toBe(aAp.content);
    expect(aAp.content).not.toBe(aEast.content);
    for (const { content } of [aEast, bEast, cEast]) expect(eventIds(content.body())).toEqual(east.map((r) => r.eventID));
    for (const { content } of [aAp, bAp]) expect(eventIds(content.body())).toEqual(ap.map((r) => r.eventID));
    // Keys differ per trail (each its own unique part), and the snapshot recipe names the same records.
    expect(new Set([aEast.key, bEast.key, cEast.key]).size).toBe(3);
    expect(bEast.content.recipe()).toEqual(aEast.content.recipe());
  });

  it('is hashed once for every digest that lists it, each digest listing its own files\' hashes', () => {
    const w = world();
    trail(w, 'aaa', { EnableLogFileValidation: true });
    trail(w, 'bbb', { EnableLogFileValidation: true });
    for (let i = 0; i < 3; i++) w.ct.ingest(record({ atMs: T0 + i * 1000 }), MGMT_DEF);
    advance(w, 5 * MIN);
    // Only bbb delivers this record: its file is another content, hashed on its own.
    call(w, 'StopLogging', { Name: 'aaa' });
    const hashed = vi.spyOn(LogFileContent.prototype, 'uncompressed');
    w.ct.ingest(record({ atMs: w.clock.ms }), MGMT_DEF);
    advance(w, HOUR + 5 * MIN);
    const digestOf = (bucket: string) => {
      const keys = w.store.listKeys(bucket).filter((k) => k.includes('/CloudTrail-Digest/'));
      return keys.map((k) => JSON.parse(new TextDecoder().decode(gunzipSync(w.store.getObject(bucket, k)!))) as { logFiles: { s3Object: string; hashValue: string }[] });
    };
    const listed = ['aaa', 'bbb'].flatMap((bucket) => digestOf(bucket).flatMap((d) => d.logFiles.map((f) => ({ bucket, ...f }))));
    // aaa: its one file (its final digest); bbb: the shared file and its own.
    expect(listed.map((f) => f.bucket)).toEqual(['aaa', 'bbb', 'bbb']);
    for (const f of listed) expect(f.hashValue).toBe(sha256Hex(gunzipSync(w.store.getObject(f.bucket, f.s3Object)!)));
    expect(listed[1]!.hashValue).toBe(listed[0]!.hashValue);
    // Two distinct files, two hashes made: the shared one once, not once per trail.
    expect(hashed).toHaveBeenCalledTimes(2);
  });
});
