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

  it('finds a file written before its due time, when the trail stops logging', () => {
    const h = hostHarness();
    trail(h);
    const vpc = h.value<{ records: { eventID: string }[] }>({ kind: 'call', api: 'ec2:CreateVpc', params: { CidrBlock: '10.1.0.0/16' }, ctx });
    h.value({ kind: 'advance', ms: 120_000 });
    // StopLogging sends the waiting records at once, three minutes before they were due.
    h.value({ kind: 'call', api: 'cloudtrail:StopLogging', params: { Name: 'main' }, ctx });
    h.out.length = 0;
    h.value({ kind: 'advance', ms: 600_000 });
    const d = h.out.find((m): m is Extract<FromWorker, { push: 'delivered' }> => 'push' in m && m.push === 'delivered' && m.delivered.eventId === vpc.records[0]!.eventID);
    expect(d?.delivered.key).toMatch(/_20261123T0002Z_\w+\.json\.gz$/);
  });

  it('pages through a folder once for all its waiting calls, and goes on from where it stopped', () => {
    // Files written one a minute from 00:00 on (a fake folder); the calls' files are the 23rd and 31st.
    const ACCT_KEY = (minute: number) => `AWSLogs/${ACCT}/CloudTrail/us-east-1/2026/11/23/${ACCT}_CloudTrail_us-east-1_20261123T00${String(minute).padStart(2, '0')}Z_x.json.gz`;
    let written = 25;
    const asked: { fromMs: number; after?: string }[] = [];
    const opened: string[] = [];
    const reader: S3Reader = {
      listKeys: (_bucket, _under, fromMs, max, after) => {
        asked.push({ fromMs, ...(after ? { after } : {}) });
        const keys = Array.from({ length: written }, (_, i) => ACCT_KEY(i)).filter((k) => (after ? k > after : Number(k.match(/T00(\d\d)Z/)![1]) >= new Date(fromMs).getUTCMinutes()));
        return keys.slice(0, max).map((key) => ({ key, lastModified: '2026-11-23T00:35:00.000Z' }));
      },
      get: (_bucket, key) => {
        opened.push(key);
        const id = key === ACCT_KEY(22) ? 'first' : key === ACCT_KEY(30) ? 'second' : 'other';
        return gzipSync(strToU8(JSON.stringify({ Records: [{ eventID: id }] })));
      },
    };
    const watch = new DeliveryWatch();
    const at = (minute: number) => Date.parse('2026-11-23T00:00:00Z') + minute * 60_000;
    const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCT}:trail/main`;
    const pending = (eventId: string, dueMinute: number) => ({ eventId, trailArn, bucket: 'b', region: 'us-east-1', folder: 'CloudTrail', dueMs: at(dueMinute) });
    watch.add([pending('first', 10), pending('second', 12)]);
    // Both due: one look from five minutes before the earlier due time, 20 files, the first call found.
    expect(watch.check(at(25), reader).map((f) => f.eventId)).toEqual(['first']);
    expect(asked[0]).toEqual({ fromMs: at(5) });
    expect(opened).toEqual(Array.from({ length: 20 }, (_, i) => ACCT_KEY(i + 5)));
    // Six more files later: the next look reads only those.
    written = 31;
    asked.length = 0;
    opened.length = 0;
    expect(watch.check(at(31), reader).map((f) => f.eventId)).toEqual(['second']);
    expect(asked[0]).toEqual({ fromMs: at(7), after: ACCT_KEY(24) });
    expect(opened).toEqual([25, 26, 27, 28, 29, 30].map(ACCT_KEY));
  });
});
