// The worker tells the UI when a trail delivers the file holding a learner's call. After a busy day and a long
// fast-forward it must find that file without making every later file's gzip: a listing works out each
// listed file's size, and a log file's bytes are made when first needed.
import { describe, expect, it } from 'vitest';
import { hostHarness } from './host-harness';
import type { FromWorker } from '../../../renderer/src/areas/simulator/worker/protocol';
import { StoredObject } from '../../../simulator/s3/stored-object';
import { DeliveryWatch, type S3Reader } from '../../../renderer/src/areas/simulator/worker/deliveries';
import { gzipSync, strToU8 } from 'fflate';

const ctx = { as: 'alice', region: 'us-east-1', via: 'cli' };
const ACCT = '123456789012';

function trail(h: ReturnType<typeof hostHarness>): void {
  h.value({ kind: 'start', snapshot: null });
  h.value({ kind: 'call', api: 's3:CreateBucket', params: { Bucket: 'trail-logs-x' }, ctx });
  const policy = { Version: '2012-10-17', Statement: [
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::trail-logs-x' },
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::trail-logs-x/AWSLogs/${ACCT}/*` },
  ] };
  h.value({ kind: 'call', api: 's3:PutBucketPolicy', params: { Bucket: 'trail-logs-x', Policy: JSON.stringify(policy) }, ctx });
  h.value({ kind: 'call', api: 'cloudtrail:CreateTrail', params: { Name: 'main', S3BucketName: 'trail-logs-x' }, ctx });
  h.value({ kind: 'call', api: 'cloudtrail:StartLogging', params: { Name: 'main' }, ctx });
}

describe('the delivery watch', () => {
  it('finds a delivery due before a busy day of traffic, making a page of log files, not the day\'s', () => {
    const h = hostHarness();
    trail(h);
    const vpc = h.value<{ records: { eventID: string }[] }>({ kind: 'call', api: 'ec2:CreateVpc', params: { CidrBlock: '10.1.0.0/16' }, ctx });
    // Twelve hours of traffic before the clock is moved by hand: 144 more log files in the folder.
    h.value({ kind: 'traffic', api: 'iam:ListUsers', params: {}, ctx, perMinute: 5, minutes: 720 });
    const files = () => [...h.account().s3.model.buckets.get('trail-logs-x')!.objects].filter(([k]) => k.includes('/CloudTrail/'));
    expect(files().length).toBeGreaterThanOrEqual(140);
    const made = () => files().filter(([, o]) => !(o as StoredObject).pending).length;
    const before = made();
    h.out.length = 0;
    h.value({ kind: 'advance', ms: 60_000 });
    const d = h.out.find((m): m is Extract<FromWorker, { push: 'delivered' }> => 'push' in m && m.push === 'delivered' && m.delivered.eventId === vpc.records[0]!.eventID);
    expect(d?.delivered.key).toMatch(new RegExp(`^AWSLogs/${ACCT}/CloudTrail/us-east-1/2026/11/23/${ACCT}_CloudTrail_us-east-1_20261123T000\\dZ_\\w+\\.json\\.gz$`));
    // At most a page of files had their bytes made.
    expect(made() - before).toBeLessThanOrEqual(10);
  });

  it('pages on past files that do not hold the event, from its due minute on', () => {
    // A folder of 25 files after the due minute, the event in the 23rd (files delivered late, after others).
    const keys = Array.from({ length: 25 }, (_, i) => `AWSLogs/${ACCT}/CloudTrail/us-east-1/2026/11/23/${ACCT}_CloudTrail_us-east-1_20261123T${String(10 + i).padStart(4, '0')}Z_x.json.gz`);
    const asked: { fromMs: number; max: number; after?: string }[] = [];
    const opened: string[] = [];
    const reader: S3Reader = {
      listKeys: (_bucket, _under, fromMs, max, after) => {
        asked.push({ fromMs, max, ...(after ? { after } : {}) });
        const from = after ? keys.indexOf(after) + 1 : 0;
        return keys.slice(from, from + max).map((key) => ({ key, lastModified: '2026-11-23T00:35:00.000Z' }));
      },
      get: (_bucket, key) => {
        opened.push(key);
        const records = key === keys[22] ? [{ eventID: 'the-event' }] : [{ eventID: 'other' }];
        return gzipSync(strToU8(JSON.stringify({ Records: records })));
      },
    };
    const watch = new DeliveryWatch();
    const dueMs = Date.parse('2026-11-23T00:05:00Z');
    watch.add([{ eventId: 'the-event', trailArn: `arn:aws:cloudtrail:us-east-1:${ACCT}:trail/main`, bucket: 'b', region: 'us-east-1', folder: 'CloudTrail', dueMs }]);
    expect(watch.check(dueMs - 1, reader)).toEqual([]);
    expect(asked).toEqual([]);
    const found = watch.check(dueMs + 3_600_000, reader);
    expect(found.map((f) => f.key)).toEqual([keys[22]]);
    expect(asked).toEqual([{ fromMs: dueMs, max: 10 }, { fromMs: dueMs, max: 10, after: keys[9] }, { fromMs: dueMs, max: 10, after: keys[19] }]);
    expect(opened).toEqual(keys.slice(0, 23));
    // Found once: not looked for again, and each file was opened once.
    expect(watch.check(dueMs + 7_200_000, reader)).toEqual([]);
    expect(opened).toHaveLength(23);
  });
});
