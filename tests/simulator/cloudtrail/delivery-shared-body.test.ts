import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gzipDeterministic, logFileBody } from '../../../simulator/cloudtrail/delivery/files';
import { sha256Hex } from '../../../simulator/cloudtrail/crypto/sha256';
import { advance, call, MGMT_DEF, record, T0, world, type World } from './helpers';

// Trails that deliver the same records at the same instant share one gzip and one hash (a speed-up);
// these tests pin that every trail still gets exactly its own records.
const MIN = 60_000;
const HOUR = 60 * MIN;
const keysIn = (w: World, bucket: string, folder: string) => w.store.listKeys(bucket).filter((k) => k.includes(`/${folder}/`));
const recordsIn = (w: World, bucket: string, key: string) =>
  (JSON.parse(new TextDecoder().decode(gunzipSync(w.store.getObject(bucket, key)!))) as { Records: { eventID: string }[] }).Records.map((r) => r.eventID);

function trail(w: World, name: string, extra: Record<string, boolean> = {}): void {
  w.store.addBucket(name);
  call(w, 'CreateTrail', { Name: name, S3BucketName: name, ...extra });
  call(w, 'StartLogging', { Name: name });
}

describe('log files of several trails delivered at the same instant', () => {
  it('give each trail the bytes of its own records, shared or not', () => {
    const w = world();
    trail(w, 'aaa', { EnableLogFileValidation: true });
    trail(w, 'bbb');
    const shared = [record({ atMs: T0 }), record({ atMs: T0 + 1000 })];
    for (const r of shared) w.ct.ingest(r, MGMT_DEF);
    // Trail c starts logging after the first two records but its file is due at the same instant.
    trail(w, 'ccc');
    const late = record({ atMs: T0 + 2000 });
    w.ct.ingest(late, MGMT_DEF);
    advance(w, 5 * MIN);
    const [ka] = keysIn(w, 'aaa', 'CloudTrail');
    const [kb] = keysIn(w, 'bbb', 'CloudTrail');
    const [kc] = keysIn(w, 'ccc', 'CloudTrail');
    const all = [...shared, late].map((r) => r.eventID);
    expect(recordsIn(w, 'aaa', ka!)).toEqual(all);
    expect(recordsIn(w, 'bbb', kb!)).toEqual(all);
    expect(recordsIn(w, 'ccc', kc!)).toEqual([late.eventID]);
    const expected = gzipDeterministic(logFileBody([...shared, late].map((r) => JSON.stringify(r))));
    expect(w.store.getObject('aaa', ka!)).toEqual(expected);
    expect(w.store.getObject('bbb', kb!)).toEqual(expected);

    // The next instant's files hold only the next records, and the digest hashes each file's own body.
    const next = record({ atMs: T0 + 6 * MIN });
    w.ct.ingest(next, MGMT_DEF);
    advance(w, 6 * MIN);
    for (const bucket of ['aaa', 'bbb', 'ccc']) {
      const keys = keysIn(w, bucket, 'CloudTrail');
      expect(keys).toHaveLength(2);
      expect(recordsIn(w, bucket, keys[1]!)).toEqual([next.eventID]);
    }
    advance(w, HOUR);
    const [digestKey] = keysIn(w, 'aaa', 'CloudTrail-Digest');
    const digest = JSON.parse(new TextDecoder().decode(gunzipSync(w.store.getObject('aaa', digestKey!)!))) as { logFiles: { s3Object: string; hashValue: string }[] };
    const bodyOf = (key: string) => gunzipSync(w.store.getObject('aaa', key)!);
    expect(digest.logFiles.map((f) => f.hashValue)).toEqual(digest.logFiles.map((f) => sha256Hex(bodyOf(f.s3Object))));
    expect(digest.logFiles).toHaveLength(2);
  });
});
