// A trail's log events keep their messages as shared templates plus values; every read must give back the
// text as delivered, byte for byte, and a snapshot must be the one plain events would make.
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'fflate';
import { Account } from '../../../simulator/account';
import { LogsModel } from '../../../simulator/logs/model';
import { TemplatedTexts } from '../../../simulator/core/templated-texts';
import fc from 'fast-check';
import { isoSecondsMs, trailRecordTime, uniqueStringField, varyingValues } from '../../../simulator/logs/trail-record-fields';
import { ok, START } from '../support';
import { trailToLogGroup } from './trail-to-log-group';

const ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:*';
const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${n.toString(16).padStart(12, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function record(i: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    eventVersion: '1.11', userIdentity: { type: 'Root', arn: 'arn:aws:iam::123456789012:root' }, eventTime: iso(START + i * 1000),
    eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', awsRegion: 'us-east-1', ...extra,
    additionalEventData: { 'x-amz-id-2': `id2+${i}/AbC=` }, requestID: uuid(i), eventID: uuid(i + 1000), sharedEventID: uuid(7),
  });
}

/** Records a trail could deliver, and ones it would not write but that must survive anyway. */
const RECORDS = [
  record(1), record(2), record(3),
  record(4, { requestParameters: { note: 'tab\there "quoted" \\ back', name: '로그 😀' } }),
  record(5, { requestParameters: { eventTime: 'not-the-top-level', nul: '\u0000' } }),
  record(6, { requestParameters: { 'k"eventTime': 'odd key' } }),
  record(7, { responseElements: { eventID: uuid(1007), requestID: '' } }),
  JSON.stringify({ eventTime: iso(START + 8000), eventID: uuid(8) }, null, 2),
  JSON.stringify({ eventName: 'NoIds', eventTime: iso(START + 9000) }),
  record(1),
];

describe('reading a record without parsing it', () => {
  it('finds the top-level eventTime, or parses when the text is ambiguous', () => {
    for (const r of RECORDS) expect(trailRecordTime(r), r).toBe(Date.parse((JSON.parse(r) as { eventTime: string }).eventTime));
    expect(uniqueStringField(RECORDS[4]!, 'eventTime')).toBeUndefined();
    expect(uniqueStringField(RECORDS[0]!, 'eventTime')).toBe(iso(START + 1000));
  });

  it('reads eventTime as Date.parse does, whatever the text', () => {
    const same = (text: string) => expect(Object.is(isoSecondsMs(text), Date.parse(text)), text).toBe(true);
    for (const t of [
      '2026-01-01T00:00:00Z', '2024-02-29T23:59:59Z', '2026-02-29T00:00:00Z', '2026-02-30T12:00:00Z', '2026-04-31T00:00:00Z', '1999-12-31T23:59:59Z',
      '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-00T00:00:00Z', '2026-01-32T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z',
      '2026-01-01T23:59:60Z', '0099-01-01T00:00:00Z', '0999-06-01T00:00:00Z', '2026-01-01T00:00:00.000Z', '2026-01-01 00:00:00Z', '2026-01-01T00:00:00z',
      '2026-1a-01T00:00:00Z', '+02026-01-01T00:00:0Z', '2026-01-01T00:00:00+0000', '', 'not a date',
    ]) same(t);
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), two(14), two(33), two(25), two(61), two(61), (y, mo, d, h, mi, s) => {
      same(`${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}Z`);
    }), { numRuns: 3000 });
  });

  it('reads eventTime as Date.parse does across days read one after another (the day is remembered)', () => {
    const day = fc.constantFrom('2026-01-01', '2026-01-02', '2024-02-29', '2026-02-30', '2026-12-31', '2027-01-01');
    const time = fc.tuple(fc.nat(23), fc.nat(59), fc.nat(59)).map((t) => t.map((n) => String(n).padStart(2, '0')).join(':'));
    fc.assert(fc.property(fc.array(fc.tuple(day, time), { minLength: 1, maxLength: 40 }), (times) => {
      for (const [d, t] of times) expect(isoSecondsMs(`${d}T${t}Z`)).toBe(Date.parse(`${d}T${t}Z`));
    }), { numRuns: 300 });
  });

  it('lists the varying values in text order', () => {
    expect(varyingValues(RECORDS[0]!)).toEqual([iso(START + 1000), 'id2+1/AbC=', uuid(1), uuid(1001), uuid(7)]);
  });
});

describe('trail records stored as templates', () => {
  it('give back every message byte for byte, in reads and in the snapshot', () => {
    const compact = new LogsModel();
    compact.groups('us-east-1')['CloudTrail/logs'] = compact.newGroup('CloudTrail/logs', START);
    compact.deliverTrailRecords(ARN, '123456789012', 'us-east-1', RECORDS, START + 60_000);
    compact.deliverTrailRecords(ARN, '123456789012', 'us-east-1', RECORDS.slice(0, 3), START + 120_000);
    // The same events stored plainly, through the generic path.
    const plain = new LogsModel();
    plain.groups('us-east-1')['CloudTrail/logs'] = plain.newGroup('CloudTrail/logs', START);
    const byTime = (rs: string[]) => rs.map((message) => ({ timestamp: trailRecordTime(message), message })).sort((a, b) => a.timestamp - b.timestamp);
    plain.append('us-east-1', 'CloudTrail/logs', '123456789012_CloudTrail_us-east-1', byTime(RECORDS), START + 60_000);
    plain.append('us-east-1', 'CloudTrail/logs', '123456789012_CloudTrail_us-east-1', byTime(RECORDS.slice(0, 3)), START + 120_000);

    const compactStream = compact.stream('us-east-1', 'CloudTrail/logs', '123456789012_CloudTrail_us-east-1');
    const events = compactStream.events;
    // The compact path is the one taken: every message is kept in a template store, not as its own text.
    expect(Array.from({ length: compactStream.log.length }, (_, i) => compactStream.log.isKept(i))).not.toContain(false);
    const expected = plain.stream('us-east-1', 'CloudTrail/logs', '123456789012_CloudTrail_us-east-1').events;
    expect(events.map((e) => [e.timestamp, e.message, e.ingestionTime])).toEqual(expected.map((e) => [e.timestamp, e.message, e.ingestionTime]));
    expect(JSON.stringify(compact.snapshot())).toBe(JSON.stringify(plain.snapshot()));
    expect(compact.storedBytes(compact.group('us-east-1', 'CloudTrail/logs'))).toBe(plain.storedBytes(plain.group('us-east-1', 'CloudTrail/logs')));
    const restored = new LogsModel();
    restored.restore(compact.snapshot());
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(plain.snapshot()));
    const restoredLog = restored.stream('us-east-1', 'CloudTrail/logs', '123456789012_CloudTrail_us-east-1').log;
    expect(Array.from({ length: restoredLog.length }, (_, i) => restoredLog.isKept(i))).not.toContain(false);
    restored.deliverTrailRecords(ARN, '123456789012', 'us-east-1', RECORDS.slice(3, 5), START + 180_000);
    plain.append('us-east-1', 'CloudTrail/logs', '123456789012_CloudTrail_us-east-1', byTime(RECORDS.slice(3, 5)), START + 180_000);
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(plain.snapshot()));
  });

  it("timestamps events by the times CloudTrail hands along, reading the text where a time is not known", () => {
    const texts = new TemplatedTexts();
    const ids = RECORDS.slice(0, 3).map((r) => texts.add(r, varyingValues(r)));
    // A time handed along wins over the text (shifted here so the test can tell which was used).
    const given = [NaN, trailRecordTime(RECORDS[1]!) + 5_000, NaN];
    const model = new LogsModel();
    model.groups('us-east-1')['CloudTrail/logs'] = model.newGroup('CloudTrail/logs', START);
    model.deliverTrailRecords(ARN, '123456789012', 'us-east-1', RECORDS.slice(0, 3), START + 60_000, { texts, ids, eventMs: given });
    const events = model.stream('us-east-1', 'CloudTrail/logs', '123456789012_CloudTrail_us-east-1').events;
    const expected = RECORDS.slice(0, 3).map((r, i) => [i === 1 ? given[1]! : trailRecordTime(r), r] as const);
    expect(events.map((e) => [e.timestamp, e.message])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
  });

  it('GetLogEvents and FilterLogEvents return the records exactly as the trail delivered them to S3', () => {
    const acct = new Account({ seed: 5, startMs: START });
    const c = { as: 'root', region: 'us-east-1', via: 'console' as const };
    trailToLogGroup(acct, c);
    for (let i = 0; i < 5; i++) {
      ok(acct.call('s3:ListBuckets', {}, c));
      ok(acct.call('s3:CreateBucket', { Bucket: `b-${i}` }, c));
      // A policy document travels as a JSON string inside the record: escaped quotes, slashes, Hangul.
      const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: `S${i}`, Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::b-${i}/로그` }] });
      ok(acct.call('iam:CreatePolicy', { PolicyName: `p-${i}`, PolicyDocument: doc, Description: `로그 "${i}" \\ /` }, c));
    }
    acct.advance('PT20M');

    const keys = (ok(acct.call('s3:ListObjectsV2', { Bucket: 'ct-logs' }, c))['Contents'] as { Key: string }[]).map((o) => o.Key).filter((k) => k.includes('/CloudTrail/'));
    const delivered = keys.map((k) => new TextDecoder().decode(gunzipSync(acct.s3.model.getObject('ct-logs', k)!))).join('\n');
    const stream = { logGroupName: 'CloudTrail/logs', logStreamName: '123456789012_CloudTrail_us-east-1' };
    const got = (ok(acct.call('logs:GetLogEvents', { ...stream, startFromHead: true }, c))['events'] as { message: string }[]).map((e) => e.message);
    expect(got.length).toBeGreaterThan(10);
    for (const m of got) expect(delivered.includes(m), m).toBe(true);
    const filtered = (ok(acct.call('logs:FilterLogEvents', { logGroupName: 'CloudTrail/logs', filterPattern: '{ $.eventName = "CreatePolicy" }' }, c))['events'] as { message: string }[]).map((e) => e.message);
    expect(filtered).toHaveLength(5);
    expect(filtered).toEqual(got.filter((m) => m.includes('"eventName":"CreatePolicy"')));
  });
});
