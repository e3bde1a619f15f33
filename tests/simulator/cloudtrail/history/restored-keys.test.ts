import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStore, type EventStoreSnapshot } from '../../../../simulator/cloudtrail/history/event-store';
import { restoredKeyReader } from '../../../../simulator/cloudtrail/history/restored-keys';
import { storeKeysOf } from '../../../../simulator/cloudtrail/history/store-keys';
import { Account } from '../../../../simulator/account';
import type { CloudTrailRecord } from '../../../../simulator/core/contract';

// A restored event history reads its records' keys once per template where that is exact (restored-keys.ts).
// Each test restores the same saved store twice, reading every record's keys from its text and through the
// reader, and asks both the same questions: every key any record has, and each record's event id.

const PREFIX = 'EventId\u0000';
const OPTIONS = { uniquePrefix: PREFIX, hasUniqueKey: (json: string, key: string) => json.includes(`"eventID":"${key.slice(PREFIX.length)}"`) };
const entryOf = (json: string) => ({ keys: storeKeysOf(JSON.parse(json) as CloudTrailRecord) });
const all = { startMs: -Infinity, endMs: Infinity, limit: 1_000_000 };

function sameAnswers(saved: EventStoreSnapshot): number {
  const parsed = EventStore.restore(structuredClone(saved), entryOf, OPTIONS);
  const read = EventStore.restore(structuredClone(saved), entryOf, OPTIONS, restoredKeyReader);
  const texts = parsed.query(all).map((e) => e.json);
  expect(read.query(all).map((e) => e.json)).toEqual(texts);
  const keys = new Set<string>();
  for (const t of texts) for (const k of entryOf(t).keys) keys.add(k);
  keys.add(`${PREFIX}00000000-0000-4000-8000-000000000000`);
  keys.add('Username\u0000nobody');
  for (const key of keys) expect(read.query({ ...all, key }).map((e) => e.id), key).toEqual(parsed.query({ ...all, key }).map((e) => e.id));
  return keys.size;
}

const T0 = Date.UTC(2026, 0, 1);
const uuid = (n: number) => {
  const h = (n >>> 0).toString(16).padStart(8, '0');
  return `${h}-0000-4000-8000-${h}${h.slice(0, 4)}`;
};

/** A plain record at second `k`, with its own ids. */
function recordOf(k: number): CloudTrailRecord {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: 'AIDA1', arn: 'arn:aws:iam::123456789012:user/admin', accountId: '123456789012', accessKeyId: 'AKIA1', userName: 'admin' },
    eventTime: new Date(T0 + k * 1000).toISOString().slice(0, 19) + 'Z', eventSource: 'iam.amazonaws.com', eventName: 'GetUser', awsRegion: 'us-east-1',
    sourceIPAddress: '1.2.3.4', userAgent: 'cli', requestParameters: { userName: 'admin' }, responseElements: null, requestID: uuid(k * 2 + 1), eventID: uuid(k * 2 + 2),
    readOnly: true, eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: '123456789012', eventCategory: 'Management',
  } as unknown as CloudTrailRecord;
}

/** Records of a few shapes whose texts are cut at more than routing cuts (a user name, a parameter, a resource's
 *  ARN): the reader must be exact whatever a store's holes are, so fields keys are read from are made holes too,
 *  with values drawn from short lists (records share templates) that include the record's own ids. */
const recordArb = (k: number) =>
  fc.record({
    user: fc.constantFrom('admin', 'bob', 'eventID'),
    cutUser: fc.boolean(),
    resource: fc.constantFrom('none', 'bucket', 'other-bucket'),
    cutResource: fc.boolean(),
    param: fc.constantFrom('admin', 'eventID'),
    cutParam: fc.boolean(),
    sameEventId: fc.boolean(),
    cutEventId: fc.boolean(),
    withRequestId: fc.boolean(),
  }).map((c) => {
    const eventTime = new Date(T0 + k * 1000).toISOString().slice(0, 19) + 'Z';
    const requestID = uuid(k * 2 + 1);
    // Some records share one event id: a store may hold copies (the benchmark's lookup store does).
    const eventID = c.sameEventId ? uuid(7) : uuid(k * 2 + 2);
    const userName = c.user === 'eventID' ? eventID : c.user;
    const param = c.param === 'eventID' ? eventID : `${c.param}-${k % 3}`;
    const arn = c.resource === 'bucket' ? 'arn:aws:s3:::logs' : `arn:aws:s3:::logs-${k % 2}`;
    const record = {
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', principalId: 'AIDA1', arn: `arn:aws:iam::123456789012:user/${userName}`, accountId: '123456789012', accessKeyId: 'AKIA1', userName },
      eventTime, eventSource: 'iam.amazonaws.com', eventName: 'GetUser', awsRegion: 'us-east-1', sourceIPAddress: '1.2.3.4', userAgent: 'cli',
      requestParameters: { userName: param }, responseElements: null,
      ...(c.withRequestId ? { requestID } : {}),
      eventID, readOnly: true, ...(c.resource === 'none' ? {} : { resources: [{ type: 'AWS::S3::Bucket', ARN: arn }] }),
      eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: '123456789012', eventCategory: 'Management',
    } as unknown as CloudTrailRecord;
    // Cut in text order, as TemplatedTexts.add searches: each value after the one before.
    const values = [c.cutUser ? userName : undefined, eventTime, c.cutParam ? param : undefined, c.withRequestId ? requestID : undefined, c.cutEventId ? eventID : undefined, c.cutResource && c.resource !== 'none' ? arn : undefined];
    return { record, values };
  });

function saved(entries: { record: CloudTrailRecord; values: (string | undefined)[] }[]): EventStoreSnapshot {
  const store = new EventStore(OPTIONS);
  for (const { record: r, values } of entries) store.add(Date.parse(r.eventTime), JSON.stringify(r), storeKeysOf(r, false), values, r.eventID);
  return JSON.parse(JSON.stringify(store.compactSnapshot())) as EventStoreSnapshot;
}

/** Routing's own cuts (eventTime, x-amz-id-2, requestID, eventID). */
const asRouted = (r: CloudTrailRecord) => ({ record: r, values: [r.eventTime, undefined, r.requestID, r.eventID] });

describe('the keys of a restored event history', () => {
  it('are the keys read from each record, even where a field keys are read from holds a hole value', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 120 }).chain((ks) => fc.tuple(...ks.map((k, i) => recordArb(i * 1000 + k)))), (entries) => {
        sameAnswers(saved(entries));
        sameAnswers(saved(entries.map((e) => asRouted(e.record))));
      }),
      { numRuns: 40 },
    );
  });

  it('are read from each record when a field they are read from is a hole that differs between records', () => {
    // One template: the user name is cut (the user's ARN is not, so it stays the same), and differs.
    const user = (k: number, name: string) => {
      const r = JSON.parse(JSON.stringify(recordOf(k))) as CloudTrailRecord & { userIdentity: { userName: string } };
      r.userIdentity.userName = name;
      return { record: r, values: [name, r.eventTime, r.requestID, r.eventID] };
    };
    const s = saved([user(1, 'alice'), user(2, 'bob'), user(3, 'alice')]);
    sameAnswers(s);
    expect(EventStore.restore(s, entryOf, OPTIONS, restoredKeyReader).query({ ...all, key: 'Username\u0000bob' })).toHaveLength(1);
  });

  it('take the event id from its own member, not from another hole that held the same value once', () => {
    // The event id is not cut (the same id, a copy); a parameter is, and holds the event id in the first record only.
    const copy = (k: number, param: string) => {
      const r = JSON.parse(JSON.stringify(recordOf(k))) as CloudTrailRecord & { requestParameters: { userName: string } };
      r.eventID = uuid(7);
      r.requestParameters.userName = param;
      return { record: r, values: [r.eventTime, param, r.requestID] };
    };
    const s = saved([copy(1, uuid(7)), copy(2, 'admin'), copy(3, 'bob')]);
    sameAnswers(s);
    expect(EventStore.restore(s, entryOf, OPTIONS, restoredKeyReader).query({ ...all, key: `${PREFIX}${uuid(7)}` })).toHaveLength(3);
  });

  it('are read from each record when a hole is not a whole string value (a member name, a piece of the structure)', () => {
    // Cut by hand where routing never cuts (found by review), in text order; the records of each list share one
    // template.
    const rec = (k: number, readOnly: boolean) => {
      const r = JSON.parse(JSON.stringify(recordOf(k))) as CloudTrailRecord;
      r.readOnly = readOnly;
      return { record: r, values: [r.eventTime, r.requestID, r.eventID, readOnly ? ':true,' : ':false,'] };
    };
    sameAnswers(saved([rec(1, true), rec(2, false), rec(3, true)]));
    const named = (k: number, member: string) => {
      const r = recordOf(k);
      const text = JSON.stringify(r).replace('"eventName":', `"${member}":`);
      return { record: JSON.parse(text) as CloudTrailRecord, values: [r.eventTime, member, r.requestID, r.eventID] };
    };
    sameAnswers(saved([named(1, 'eventName'), named(2, 'eventNamX'), named(3, 'eventName')]));
  });

  it("are the same for an account's own records (read once per template)", () => {
    const acct = new Account({ seed: 3, startMs: T0 });
    const root = { as: 'root', region: 'us-east-1', via: 'console' as const };
    acct.call('iam:CreateUser', { UserName: 'dev' }, root);
    acct.call('iam:CreateAccessKey', { UserName: 'dev' }, root);
    acct.call('iam:AttachUserPolicy', { UserName: 'dev', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, root);
    const cli = { as: 'dev', region: 'us-east-1', via: 'cli' as const };
    for (let i = 0; i < 300; i++) {
      acct.call('s3:CreateBucket', { Bucket: `b-${i % 7}-trailwatch` }, cli);
      acct.call('ec2:DescribeVpcs', {}, cli);
      acct.call('iam:GetUser', { UserName: i % 2 ? 'dev' : 'nobody' }, cli);
      acct.call('s3:ListBuckets', {}, root);
      if (i % 50 === 0) acct.advance('PT1H');
    }
    const snap = acct.snapshot() as unknown as { cloudtrail: { history: Record<string, { management: EventStoreSnapshot }> } };
    const management = JSON.parse(JSON.stringify(snap.cloudtrail.history['us-east-1']!.management)) as EventStoreSnapshot;
    expect(sameAnswers(management)).toBeGreaterThan(1000);
  });
});
