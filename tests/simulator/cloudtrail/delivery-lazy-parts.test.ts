// Parts of a delivery made once per lane or only when read: a lane's log file key pieces, a delivered file's
// record texts and times, a digest's listed event times. Each is checked against the direct form.
import fc from 'fast-check';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LaneDigestKeys, LaneLogFileKeys, type LogFolder } from '../../../simulator/cloudtrail/delivery/files';
import { datePath, digestStamp, isoSeconds, logFileStamp } from '../../../simulator/cloudtrail/time';
import { ACCOUNT, advance, call, def, MGMT_DEF, record, T0, world, type World } from './helpers';
import type { LogFileDelivered } from '../../../simulator/cloudtrail/index';

const MIN = 60_000;

// The key layouts CloudTrail documents, written out plainly: what the lanes' joined pieces must give.
const under = (prefix: string | undefined) => (prefix ? `${prefix}/` : '');
const logFileKey = (prefix: string | undefined, region: string, atMs: number, unique: string, folder: LogFolder) =>
  `${under(prefix)}AWSLogs/${ACCOUNT}/${folder}/${region}/${datePath(atMs)}/${ACCOUNT}_${folder}_${region}_${logFileStamp(atMs)}_${unique}.json.gz`;
const digestFileKey = (prefix: string | undefined, region: string, trail: string, home: string, atMs: number) =>
  `${under(prefix)}AWSLogs/${ACCOUNT}/CloudTrail-Digest/${region}/${datePath(atMs)}/${ACCOUNT}_CloudTrail-Digest_${region}_${trail}_${home}_${digestStamp(atMs)}.json.gz`;
const text = (bytes: Uint8Array) => new TextDecoder().decode(gunzipSync(bytes));

function setup(extra: Record<string, string | boolean> = {}): World {
  const w = world();
  w.store.addBucket('logs');
  call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs', ...extra });
  call(w, 'StartLogging', { Name: 'main' });
  return w;
}

describe('a lane makes its log file keys from pieces joined once', () => {
  it('writes the documented layouts', () => {
    const at = Date.parse('2026-11-01T09:05:07Z');
    expect(new LaneLogFileKeys('audit', ACCOUNT, 'ap-northeast-2', 'CloudTrail').key(at, 'AbCdEfGh12345678')).toBe(
      'audit/AWSLogs/123456789012/CloudTrail/ap-northeast-2/2026/11/01/123456789012_CloudTrail_ap-northeast-2_20261101T0905Z_AbCdEfGh12345678.json.gz',
    );
    expect(new LaneDigestKeys(undefined, ACCOUNT, 'ap-northeast-2', 'main', 'us-east-1').key(at)).toBe(
      'AWSLogs/123456789012/CloudTrail-Digest/ap-northeast-2/2026/11/01/123456789012_CloudTrail-Digest_ap-northeast-2_main_us-east-1_20261101T090507Z.json.gz',
    );
  });

  it('gives the layout for any prefix, Region, folder, time and unique part', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        fc.constantFrom('us-east-1', 'ap-northeast-2', 'eu-west-1'),
        fc.constantFrom<LogFolder>('CloudTrail', 'CloudTrail-Insight'),
        fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { minLength: 1, maxLength: 4 }),
        fc.stringMatching(/^[A-Za-z0-9]{16}$/),
        (prefix, region, folder, times, unique) => {
          const keys = new LaneLogFileKeys(prefix, ACCOUNT, region, folder);
          for (const atMs of times) expect(keys.key(atMs, unique)).toBe(logFileKey(prefix, region, atMs, unique, folder));
        },
      ),
    );
  });

  it("gives the digest layout for any prefix, Region, trail name, home Region and time; fits only its own trail's", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        fc.constantFrom('us-east-1', 'ap-northeast-2'),
        fc.constantFrom('main', 'org-trail', 'a_b-c.d'),
        fc.constantFrom('us-east-1', 'eu-west-1'),
        fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { minLength: 1, maxLength: 4 }),
        (prefix, region, name, home, times) => {
          const keys = new LaneDigestKeys(prefix, ACCOUNT, region, name, home);
          for (const atMs of times) expect(keys.key(atMs)).toBe(digestFileKey(prefix, region, name, home, atMs));
          expect(keys.fits(prefix, name, home)).toBe(true);
          expect(keys.fits(`${prefix ?? ''}x`, name, home) || keys.fits(prefix, `${name}x`, home) || keys.fits(prefix, name, `${home}x`)).toBe(false);
        },
      ),
    );
  });

  it('follows the trail when UpdateTrail changes or removes its prefix', () => {
    const w = setup({ S3KeyPrefix: 'first' });
    const keysAfter = (): string[] => {
      w.ct.ingest(record({ atMs: w.clock.ms }), MGMT_DEF);
      advance(w, 5 * MIN);
      return w.store.listKeys('logs').filter((k) => k.includes('/CloudTrail/'));
    };
    expect(keysAfter().map((k) => k.split('/')[0])).toEqual(['first']);
    call(w, 'UpdateTrail', { Name: 'main', S3KeyPrefix: 'second/deeper' });
    expect(keysAfter().map((k) => k.split('/').slice(0, 2).join('/'))).toEqual(['first/AWSLogs', 'second/deeper']);
    call(w, 'UpdateTrail', { Name: 'main', S3KeyPrefix: '' });
    expect(keysAfter().filter((k) => k.startsWith('AWSLogs/'))).toHaveLength(1);
  });

  it("digests follow the trail's prefix too", () => {
    const w = setup({ S3KeyPrefix: 'first', EnableLogFileValidation: true });
    const digests = () => w.store.listKeys('logs').filter((k) => k.includes('/CloudTrail-Digest/'));
    advance(w, 60 * MIN);
    call(w, 'UpdateTrail', { Name: 'main', S3KeyPrefix: 'second' });
    advance(w, 60 * MIN);
    expect(digests().map((k) => k.split('/')[0])).toEqual(['first', 'second']);
    expect(digests()[1]).toBe(digestFileKey('second', 'us-east-1', 'main', 'us-east-1', T0 + 120 * MIN));
  });
});

describe('a delivered log file lists its records and their times when read', () => {
  it('the same texts and times read late as at delivery, after the lane has taken new records', () => {
    const w = setup();
    for (let i = 0; i < 3; i++) w.ct.ingest(record({ atMs: T0 + i * 61_000 }), MGMT_DEF);
    advance(w, 6 * MIN);
    const file = w.delivered.find((d) => d.kind === 'logFile');
    if (file?.kind !== 'logFile') throw new Error('no log file delivered');
    // The lane buffers again before anything reads the first file.
    for (let i = 0; i < 2; i++) w.ct.ingest(record({ atMs: w.clock.ms + i * 1000 }), MGMT_DEF);
    advance(w, 6 * MIN);
    expect(Array.from(file.archived.eventMs)).toEqual([T0, T0 + 61_000, T0 + 122_000]);
    expect(file.records).toHaveLength(3);
    expect(file.records).toBe(file.records);
    expect(file.archived.eventMs).toBe(file.archived.eventMs);
    expect(file.records).toEqual(Array.from(file.archived.ids, (id) => file.archived.texts.get(id)));
    expect(`{"Records":[${file.records.join(',')}]}`).toBe(text(w.store.getObject('logs', file.key)!));
  });
});

describe('trails delivering the same records at one instant', () => {
  const READ_DEF = def({ eventName: 'DescribeSubnets', readOnly: true });

  it.each([
    ['next to each other', ['all-1', 'all-2', 'writes']],
    ['with another between them', ['all-1', 'writes', 'all-2']],
  ])('name the same archived records, %s', (_how, names) => {
    const w = world();
    w.store.addBucket('logs');
    for (const name of names) {
      call(w, 'CreateTrail', { Name: name, S3BucketName: 'logs', S3KeyPrefix: name });
      if (name === 'writes') call(w, 'PutEventSelectors', { TrailName: name, EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] });
      call(w, 'StartLogging', { Name: name });
    }
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 6; i++) w.ct.ingest(record({ atMs: w.clock.ms + i * 1000, eventName: i % 2 ? 'DescribeSubnets' : 'CreateSubnet', readOnly: i % 2 === 1 }), i % 2 ? READ_DEF : MGMT_DEF);
      advance(w, 6 * MIN);
    }
    const files = w.delivered.filter((d): d is LogFileDelivered => d.kind === 'logFile');
    expect(files).toHaveLength(6);
    for (let round = 0; round < 2; round++) {
      const at = files.filter((f) => f.atMs === files[3 * round]!.atMs);
      const byName = new Map(at.map((f) => [f.trailArn.split('/')[1]!, f]));
      const [a, b, writes] = [byName.get('all-1')!, byName.get('all-2')!, byName.get('writes')!];
      expect(Array.from(b.archived.ids)).toEqual(Array.from(a.archived.ids));
      expect(a.records).toHaveLength(6);
      expect(writes.records).toHaveLength(3);
      // The same record has the same id in every file; each id is its file's record, as the bucket holds it.
      expect(Array.from(writes.archived.ids)).toEqual(Array.from(a.archived.ids).filter((_, i) => i % 2 === 0));
      for (const f of at) {
        expect(Array.from(f.archived.ids, (id) => f.archived.texts.get(id))).toEqual(f.records);
        expect(`{"Records":[${f.records.join(',')}]}`).toBe(text(w.store.getObject('logs', f.key)!));
      }
    }
    // Each record archived once: the second round's ids follow the first's.
    const ids = files.flatMap((f) => Array.from(f.archived.ids));
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => i)));
  });
});

describe('lanes delivering different records at one instant', () => {
  it('each name their own, however alike the lists (two Regions of one trail, as many records each)', () => {
    const w = setup({ IsMultiRegionTrail: true });
    for (let i = 0; i < 6; i++) w.ct.ingest(record({ atMs: T0 + i * 1000, awsRegion: i % 2 ? 'ap-northeast-2' : 'us-east-1' }), MGMT_DEF);
    advance(w, 6 * MIN);
    const files = w.delivered.filter((d): d is LogFileDelivered => d.kind === 'logFile');
    expect(files.map((f) => [f.region, f.atMs, f.records.length])).toEqual([['us-east-1', T0 + 5 * MIN, 3], ['ap-northeast-2', T0 + 5 * MIN, 3]]);
    for (const f of files) {
      expect(f.records.every((r) => r.includes(`"awsRegion":"${f.region}"`))).toBe(true);
      expect(Array.from(f.archived.ids, (id) => f.archived.texts.get(id))).toEqual(f.records);
    }
  });
});

describe("a digest writes its files' event times when it is made", () => {
  const digestOf = (x: World) => {
    const key = x.store.listKeys('logs').find((k) => k.includes('/CloudTrail-Digest/'))!;
    return JSON.parse(text(x.store.getObject('logs', key)!)) as { logFiles: { newestEventTime: string; oldestEventTime: string }[] };
  };

  it('as the delivery times would have been written; a file restored from a snapshot keeps the times it saved', () => {
    const w = setup({ EnableLogFileValidation: true });
    w.ct.ingest(record({ atMs: T0 + 10_000 }), MGMT_DEF);
    w.ct.ingest(record({ atMs: T0 + 70_000 }), MGMT_DEF);
    advance(w, 6 * MIN);
    w.ct.ingest(record({ atMs: w.clock.ms }), MGMT_DEF);
    advance(w, 6 * MIN);
    // The open period's files go through a snapshot and back before the digest is made; the snapshot is
    // edited so that the restored digest shows it used the saved texts, not times worked out again.
    const saved = JSON.stringify(w.ct.snapshot());
    const written = `"newestEventTime":"${isoSeconds(T0 + 70_000)}","oldestEventTime":"${isoSeconds(T0 + 10_000)}"`;
    expect(saved).toContain(written);
    const edited = saved.replace(written, `"newestEventTime":"2026-11-01T00:01:11Z","oldestEventTime":"${isoSeconds(T0 + 10_000)}"`);
    const restored = world();
    restored.store.addBucket('logs');
    restored.clock.ms = w.clock.ms;
    restored.ct.restore(JSON.parse(edited) as Parameters<typeof restored.ct.restore>[0]);
    advance(w, 60 * MIN);
    advance(restored, 60 * MIN);
    const times = (x: World) => digestOf(x).logFiles.map((f) => [f.oldestEventTime, f.newestEventTime]);
    expect(times(w)).toEqual([[isoSeconds(T0 + 10_000), isoSeconds(T0 + 70_000)], [isoSeconds(T0 + 6 * MIN), isoSeconds(T0 + 6 * MIN)]]);
    expect(times(restored)).toEqual([[isoSeconds(T0 + 10_000), '2026-11-01T00:01:11Z'], [isoSeconds(T0 + 6 * MIN), isoSeconds(T0 + 6 * MIN)]]);
  });
});
