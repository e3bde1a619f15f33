// A delivered log file lists its records' texts for listeners (a trail's CloudWatch Logs group) from what the
// lane held, not rebuilt from the archive: they must be exactly the archived texts, which are the S3 file's.
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LogFileDelivered } from '../../../simulator/cloudtrail/index';
import type { Json } from '../../../simulator/core/contract';
import { advance, call, MGMT_DEF, MemoryStore, record, REGIONS, T0, world, type World } from './helpers';

const MIN = 60_000;
const CWL = { CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:ct:*', CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/ct' };

function files(w: World): LogFileDelivered[] {
  return w.delivered.filter((d): d is LogFileDelivered => d.kind === 'logFile');
}

/** The file's records as the bucket holds them: each record's own text, cut from {"Records":[…]}. */
function textsInBucket(w: World, e: LogFileDelivered): string {
  return new TextDecoder().decode(gunzipSync(w.store.getObject(e.bucket, e.key)!));
}

function expectSameTexts(w: World, e: LogFileDelivered): void {
  const archived = Array.from(e.archived.ids, (id) => e.archived.texts.get(id));
  expect(e.records).toEqual(archived);
  expect(`{"Records":[${e.records.join(',')}]}`).toBe(textsInBucket(w, e));
  // Read twice, the same list.
  expect(e.records).toBe(e.records);
}

describe('a delivered log file lists its records', () => {
  it('as archived and as written to S3, for several trails sharing records and a second delivery from the same lanes', () => {
    const w = world();
    w.store.addBucket('logs');
    call(w, 'CreateTrail', { Name: 'aaa', S3BucketName: 'logs', IsMultiRegionTrail: true, ...CWL });
    call(w, 'CreateTrail', { Name: 'bbb', S3BucketName: 'logs', S3KeyPrefix: 'b', ...CWL });
    call(w, 'StartLogging', { Name: 'aaa' });
    call(w, 'StartLogging', { Name: 'bbb' });
    for (let i = 0; i < 12; i++) w.ct.ingest(record({ atMs: T0 + i * 1000, awsRegion: REGIONS[i % 2]! }), MGMT_DEF);
    advance(w, 5 * MIN);
    for (let i = 0; i < 5; i++) w.ct.ingest(record({ atMs: w.clock.ms, awsRegion: 'us-east-1', eventName: 'RunInstances' }), MGMT_DEF);
    advance(w, 5 * MIN);
    const delivered = files(w);
    // aaa: two Regions then one; bbb: us-east-1 twice.
    expect(delivered.map((e) => `${e.trailArn.split('/')[1]} ${e.region} ${e.records.length}`).sort()).toEqual(
      ['aaa ap-northeast-2 6', 'aaa us-east-1 5', 'aaa us-east-1 6', 'bbb us-east-1 5', 'bbb us-east-1 6'],
    );
    for (const e of delivered) expectSameTexts(w, e);
  });

  it('as archived for records a restored account had waiting in its lanes', () => {
    const w = world();
    w.store.addBucket('logs');
    call(w, 'CreateTrail', { Name: 'aaa', S3BucketName: 'logs', ...CWL });
    call(w, 'StartLogging', { Name: 'aaa' });
    for (let i = 0; i < 4; i++) w.ct.ingest(record({ atMs: T0 + i * 1000 }), MGMT_DEF);
    const saved = JSON.parse(JSON.stringify(w.ct.snapshot())) as Json;
    const again = world(new MemoryStore());
    again.store.addBucket('logs');
    again.clock.ms = w.clock.ms;
    again.ct.restore(saved);
    advance(again, 5 * MIN);
    const [e] = files(again);
    expect(e!.records).toHaveLength(4);
    expectSameTexts(again, e!);
  });
});
