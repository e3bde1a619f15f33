import { describe, expect, it } from 'vitest';
import { AwsError, type CloudTrailRecord, type JsonObject } from '../../../simulator/core/contract';
import { advance, call, MGMT_DEF, record, s3DataRecord, S3_DATA_DEF, T0, world, type World } from './helpers';

const DAY = 86_400_000;

function lookup(w: World, params: JsonObject, region = 'us-east-1'): JsonObject {
  return call(w, 'LookupEvents', params, region);
}

function events(r: JsonObject): JsonObject[] {
  return r['Events'] as JsonObject[];
}

function errorOf(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error('expected an AwsError');
}

describe('event history', () => {
  it('keeps management events for 90 days on the simulated clock, then forgets them', () => {
    const w = world();
    const r = record({ atMs: T0 });
    const routing = w.ct.ingest(r, MGMT_DEF);
    expect(routing.eventHistory).toMatchObject({ landed: true, code: 'MANAGEMENT_EVENT', region: 'us-east-1' });
    advance(w, 89 * DAY);
    expect(events(lookup(w, {}))).toHaveLength(1);
    advance(w, DAY + 1000);
    expect(events(lookup(w, {}))).toHaveLength(0);
  });

  it('does not show data events, and says why', () => {
    const w = world();
    const routing = w.ct.ingest(s3DataRecord('photos', 'a.jpg'), S3_DATA_DEF);
    expect(routing.eventHistory).toMatchObject({ landed: false, code: 'DATA_EVENT' });
    expect(routing.eventHistory.reasonKo).toContain('데이터 이벤트');
    expect(events(lookup(w, {}))).toHaveLength(0);
  });

  it('keeps each Region apart', () => {
    const w = world();
    w.ct.ingest(record({ awsRegion: 'ap-northeast-2' }), MGMT_DEF);
    expect(events(lookup(w, {}, 'ap-northeast-2'))).toHaveLength(1);
    expect(events(lookup(w, {}, 'us-east-1'))).toHaveLength(0);
  });

  it('answers newest first with the LookupEvents Event shape', () => {
    const w = world();
    const older = record({ atMs: T0, eventName: 'CreateVpc', resources: [{ type: 'AWS::EC2::VPC', ARN: `arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1` }] });
    const newer = record({ atMs: T0 + 1000, readOnly: true, eventName: 'DescribeVpcs' });
    w.ct.ingest(older, MGMT_DEF);
    w.ct.ingest(newer, MGMT_DEF);
    w.clock.ms = T0 + 1000;
    const [first, second] = events(lookup(w, {}));
    expect(first!['EventName']).toBe('DescribeVpcs');
    expect(first!['ReadOnly']).toBe('true');
    expect(second).toEqual({
      EventId: older.eventID,
      EventName: 'CreateVpc',
      ReadOnly: 'false',
      AccessKeyId: 'AKIAEXAMPLE1',
      EventTime: '2026-11-01T00:00:00.000Z',
      EventSource: 'ec2.amazonaws.com',
      Username: 'alice',
      Resources: [{ ResourceType: 'AWS::EC2::VPC', ResourceName: 'vpc-1' }],
      CloudTrailEvent: JSON.stringify(older),
    });
  });

  it('filters by each lookup attribute', () => {
    const w = world();
    const a = record({ eventName: 'RunInstances', resources: [{ type: 'AWS::EC2::Instance', ARN: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' }] });
    const b = record({
      eventName: 'ListBuckets',
      eventSource: 's3.amazonaws.com',
      readOnly: true,
      userIdentity: { type: 'Root', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012', accessKeyId: 'AKIAROOT' },
    });
    w.ct.ingest(a, MGMT_DEF);
    w.ct.ingest(b, MGMT_DEF);
    const ids = (key: string, value: string) =>
      events(lookup(w, { LookupAttributes: [{ AttributeKey: key, AttributeValue: value }] })).map((e) => e['EventId']);
    expect(ids('EventId', a.eventID)).toEqual([a.eventID]);
    expect(ids('EventName', 'ListBuckets')).toEqual([b.eventID]);
    expect(ids('ReadOnly', 'false')).toEqual([a.eventID]);
    expect(ids('ReadOnly', 'true')).toEqual([b.eventID]);
    expect(ids('Username', 'root')).toEqual([b.eventID]);
    expect(ids('Username', 'alice')).toEqual([a.eventID]);
    expect(ids('ResourceType', 'AWS::EC2::Instance')).toEqual([a.eventID]);
    expect(ids('ResourceName', 'i-1')).toEqual([a.eventID]);
    expect(ids('EventSource', 's3.amazonaws.com')).toEqual([b.eventID]);
    expect(ids('AccessKeyId', 'AKIAROOT')).toEqual([b.eventID]);
    expect(ids('EventName', 'Nothing')).toEqual([]);
  });

  it('applies StartTime and EndTime inclusively', () => {
    const w = world();
    for (let i = 0; i < 5; i++) w.ct.ingest(record({ atMs: T0 + i * 60_000 }), MGMT_DEF);
    w.clock.ms = T0 + 10 * 60_000;
    const r = lookup(w, { StartTime: (T0 + 60_000) / 1000, EndTime: new Date(T0 + 3 * 60_000).toISOString() });
    expect(events(r).map((e) => e['EventTime'])).toEqual([
      '2026-11-01T00:03:00.000Z',
      '2026-11-01T00:02:00.000Z',
      '2026-11-01T00:01:00.000Z',
    ]);
  });

  it('refuses what the API refuses', () => {
    const w = world();
    const two = [
      { AttributeKey: 'EventName', AttributeValue: 'A' },
      { AttributeKey: 'Username', AttributeValue: 'B' },
    ];
    expect(errorOf(() => lookup(w, { LookupAttributes: two })).code).toBe('InvalidLookupAttributesException');
    expect(errorOf(() => lookup(w, { LookupAttributes: [{ AttributeKey: 'Region', AttributeValue: 'x' }] })).code).toBe('InvalidLookupAttributesException');
    expect(errorOf(() => lookup(w, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '' }] })).code).toBe('InvalidLookupAttributesException');
    expect(errorOf(() => lookup(w, { MaxResults: 0 })).code).toBe('InvalidMaxResultsException');
    expect(errorOf(() => lookup(w, { MaxResults: 51 })).code).toBe('InvalidMaxResultsException');
    expect(errorOf(() => lookup(w, { StartTime: 2000, EndTime: 1000 })).code).toBe('InvalidTimeRangeException');
    expect(errorOf(() => lookup(w, { EventCategory: 'management' })).code).toBe('InvalidEventCategoryException');
    expect(errorOf(() => lookup(w, { NextToken: 'garbage' })).code).toBe('InvalidNextTokenException');
    const insightUser = { EventCategory: 'insight', LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }] };
    expect(errorOf(() => lookup(w, insightUser)).code).toBe('InvalidLookupAttributesException');
  });

  it('pages with MaxResults (default 50) and a NextToken tied to the same parameters', () => {
    const w = world();
    for (let i = 0; i < 120; i++) w.ct.ingest(record({ atMs: T0 + i * 1000 }), MGMT_DEF);
    w.clock.ms = T0 + 200_000;
    const first = lookup(w, {});
    expect(events(first)).toHaveLength(50);
    const seen: unknown[] = [];
    let token: unknown;
    do {
      const page = lookup(w, token ? { MaxResults: 7, NextToken: token as string } : { MaxResults: 7 });
      seen.push(...events(page).map((e) => e['EventId']));
      token = page['NextToken'];
    } while (token);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const withToken = lookup(w, { MaxResults: 5 });
    const otherParams = { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateSubnet' }], NextToken: withToken['NextToken'] as string };
    expect(errorOf(() => lookup(w, otherParams)).code).toBe('InvalidNextTokenException');
  });

  it('returns Insights events only with EventCategory insight', () => {
    const w = world();
    w.ct.ingest(record(), MGMT_DEF);
    // Insights records carry eventName/eventSource only inside insightDetails.
    const { eventName: _n, eventSource: _s, userIdentity: _u, ...rest } = record({
      eventType: 'AwsCloudTrailInsight',
      eventCategory: 'Insight',
      insightDetails: { state: 'Start', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', insightType: 'ApiCallRateInsight' },
    });
    const insight = rest as CloudTrailRecord;
    const routing = w.ct.ingest(insight, MGMT_DEF);
    expect(routing.eventHistory.code).toBe('INSIGHT_EVENT');
    expect(events(lookup(w, {})).map((e) => e['EventId'])).not.toContain(insight.eventID);
    const found = events(lookup(w, { EventCategory: 'insight', LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'RunInstances' }] }));
    expect(found.map((e) => e['EventId'])).toEqual([insight.eventID]);
  });

  it('stays fast over many records through its index', () => {
    const w = world();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      w.ct.ingest(record({ atMs: T0 + i * 10, eventName: i % 1000 === 0 ? 'DeleteBucket' : 'DescribeInstances' }), MGMT_DEF);
    }
    w.clock.ms = T0 + n * 10;
    const started = performance.now();
    const r = lookup(w, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DeleteBucket' }] });
    const newest = lookup(w, { MaxResults: 50 });
    expect(performance.now() - started).toBeLessThan(50);
    expect(events(r)).toHaveLength(50);
    expect(events(newest)[0]!['EventTime']).toBe(new Date(T0 + (n - 1) * 10).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
  });
});
