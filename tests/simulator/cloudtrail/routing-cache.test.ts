// The per-action verdict cache must give exactly what working each record out afresh gives.
import { describe, expect, it } from 'vitest';
import type { ActionDef, CloudTrailRecord } from '../../../simulator/core/contract';
import { trailRouting, TrailVerdictTable, type RoutedTrail } from '../../../simulator/cloudtrail/routing';
import type { TrailConfig, TrailSelectors, TrailStatus } from '../../../simulator/cloudtrail/trails/trail-types';

const basic = (rw: 'All' | 'ReadOnly' | 'WriteOnly', mgmt = true, exclude: string[] = [], data: { Type: string; Values: string[] }[] = []): TrailSelectors => ({
  kind: 'basic',
  eventSelectors: [{ ReadWriteType: rw, IncludeManagementEvents: mgmt, ExcludeManagementEventSources: exclude, DataResources: data }],
});
const advanced = (fields: { Field: string; Equals?: string[]; StartsWith?: string[] }[]): TrailSelectors => ({
  kind: 'advanced',
  advancedEventSelectors: [{ Name: 'sel', FieldSelectors: fields }],
});

function trail(name: string, selectors: TrailSelectors, multi: boolean, global = true): TrailConfig {
  return {
    name, arn: `arn:aws:cloudtrail:us-east-1:123456789012:trail/${name}`, homeRegion: 'us-east-1', s3BucketName: `b-${name}`,
    includeGlobalServiceEvents: global, isMultiRegionTrail: multi, logFileValidationEnabled: false, selectors, insightSelectors: [],
  };
}

const TRAILS: TrailConfig[] = [
  trail('all', basic('All'), true),
  trail('ro', basic('ReadOnly'), false),
  trail('wo', basic('WriteOnly'), true, false),
  trail('nokms', basic('All', true, ['s3.amazonaws.com']), true),
  trail('nomgmt', basic('All', false), true),
  trail('data', basic('All', true, [], [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::photos/'] }]), true),
  trail('adv-name', advanced([{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventName', StartsWith: ['Delete'] }]), true),
  trail('adv-arn', advanced([{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::photos/'] }]), true),
];

function rec(i: number): { record: CloudTrailRecord; def: ActionDef } {
  const data = i % 4 === 3;
  const names = ['DeleteBucket', 'ListBuckets', 'CreateUser', 'CreateBucket'];
  const name = data ? 'GetObject' : names[(i % 5) % 4]!;
  const source = name === 'CreateUser' ? 'iam.amazonaws.com' : 's3.amazonaws.com';
  const readOnly = name.startsWith('List') || name.startsWith('Get');
  const region = i % 5 === 0 ? 'ap-northeast-2' : 'us-east-1';
  const bucket = i % 2 ? 'photos' : 'docs';
  const record = {
    eventVersion: '1.11', eventTime: '2026-01-01T00:00:00Z', eventSource: source, eventName: name, awsRegion: region, readOnly, eventID: `id-${i}`,
    eventType: 'AwsApiCall', eventCategory: data ? 'Data' : 'Management', managementEvent: !data, recipientAccountId: '123456789012',
    ...(data ? { resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/k${i % 3}` }] } : {}),
  } as unknown as CloudTrailRecord;
  // Half the definitions name the record's eventType too: the table then finds the action by its definition.
  // Some records name another event than their definition (the table must then not go by the definition).
  const defName = i % 3 === 0 ? 'OtherName' : name;
  const def = { api: `${source.split('.')[0]}:${defName}`, eventSource: source, eventName: defName, readOnly, category: data ? 'Data' : 'Management', globalService: source === 'iam.amazonaws.com', ...(i % 2 ? { eventType: 'AwsApiCall' } : {}) } as unknown as ActionDef;
  // One definition object per action, as the simulator has: the table's rows are found by it.
  const key = JSON.stringify(def);
  if (!DEFS.has(key)) DEFS.set(key, def);
  return { record, def: DEFS.get(key)! };
}
const DEFS = new Map<string, ActionDef>();

describe('TrailVerdictTable', () => {
  it('routes 400 varied records through 8 varied trails exactly as the uncached verdict, buffering each landed record once', () => {
    for (const isLogging of [true, false]) {
      const table = new TrailVerdictTable();
      const trails: RoutedTrail[] = TRAILS.map((config) => ({ config, status: { isLogging } }));
      for (let i = 0; i < 400; i++) {
        const { record, def } = rec(i);
        const dueMs = Date.parse('2026-01-01T00:05:00Z') + Math.floor(i / 50) * 300_000;
        const asked: string[] = [];
        const routed = table.route(record, def, trails, (f, arn) => (asked.push(`${arn} ${f}`), dueMs));
        const fresh = TRAILS.map((t) => trailRouting(record, def, t, { isLogging }, () => dueMs));
        expect(routed).toEqual(fresh);
        expect(asked).toEqual(fresh.filter((r) => r.landed).map((r) => `${r.trailArn} CloudTrail`));
      }
    }
  });

  it('sees a changed trail configuration at once (configurations are replaced, not changed)', () => {
    const table = new TrailVerdictTable();
    const status: TrailStatus = { isLogging: true };
    const { record, def } = rec(1);
    const before = trail('x', basic('All'), true);
    expect(table.route(record, def, [{ config: before, status }], () => 0)[0]!.landed).toBe(true);
    const after = { ...before, selectors: basic('WriteOnly') };
    expect(table.route(record, def, [{ config: after, status }], () => 0)[0]).toMatchObject({ landed: false, code: 'READ_WRITE_FILTER' });
  });

  it('routes varied records through varied trails exactly as the uncached verdicts while trails start, stop and change', () => {
    const table = new TrailVerdictTable();
    let trails: RoutedTrail[] = TRAILS.map((config) => ({ config, status: { isLogging: true } }));
    for (let i = 0; i < 600; i++) {
      // Every 97 records one trail stops or starts logging, every 151 one is given other selectors.
      if (i % 97 === 96) trails = trails.map((t, k) => (k === i % TRAILS.length ? { config: t.config, status: { isLogging: !t.status.isLogging } } : t));
      if (i % 151 === 150) trails = trails.map((t, k) => (k === i % TRAILS.length ? { config: { ...t.config, selectors: basic(i % 2 ? 'WriteOnly' : 'All') }, status: t.status } : t));
      const { record, def } = rec(i);
      const dueMs = Date.parse('2026-01-01T00:05:00Z') + Math.floor(i / 50) * 300_000;
      const asked: string[] = [];
      const routed = table.route(record, def, trails, (f, arn) => (asked.push(`${arn} ${f}`), dueMs));
      const fresh = trails.map((t) => trailRouting(record, def, t.config, t.status, () => dueMs));
      expect(routed).toEqual(fresh);
      expect(asked).toEqual(fresh.filter((r) => r.landed).map((r) => `${r.trailArn} CloudTrail`));
    }
  });

  // With a trail whose verdict is worked out per record (a resources.ARN selector), lists are never shared.
  for (const [label, configs, minReused] of [
    ['trails decided by action', TRAILS.filter((t) => t.name !== 'adv-arn'), 50],
    ['one trail decided per record', TRAILS, 0],
  ] as const) {
  it(`hands a record the list the record before of its action got when every verdict is the same, and never changes a list it handed out (${label})`, () => {
    const table = new TrailVerdictTable();
    // The first trail sends to CloudWatch Logs: its landed verdicts name the log group last.
    let trails: RoutedTrail[] = configs.map((config, k) => ({ config: k === 0 ? { ...config, cloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:ct:*' } : config, status: { isLogging: true } }));
    const handed: { list: unknown[]; copy: unknown }[] = [];
    const lastOf = new Map<string, unknown[]>();
    let reused = 0;
    for (let i = 0; i < 600; i++) {
      if (i % 97 === 96) trails = trails.map((t, k) => (k === i % configs.length ? { config: t.config, status: { isLogging: !t.status.isLogging } } : t));
      const { record, def } = rec(i);
      // Due times change every 40 records, and for one trail of two only (lanes fall due at their own times).
      const dueMs = (arn: string) => Date.parse('2026-01-01T00:05:00Z') + Math.floor((i + (arn.endsWith('o') ? 20 : 0)) / 40) * 300_000;
      const routed = table.route(record, def, trails, (_f, arn) => dueMs(arn));
      const fresh = trails.map((t) => trailRouting(record, def, t.config, t.status, () => dueMs(t.config.arn)));
      expect(routed).toEqual(fresh);
      // Members in the same order too (the verdict for a new due time is written out member by member).
      expect(JSON.stringify(routed)).toBe(JSON.stringify(fresh));
      // The same action (definition, Region, data target) as an earlier record: its list again exactly when
      // every verdict in it is the very object this record got.
      const action = `${JSON.stringify(def)}|${record.awsRegion}|${JSON.stringify(record.resources ?? null)}`;
      const before = lastOf.get(action);
      if (before !== undefined && before.length === routed.length && before.every((v, k) => v === routed[k])) {
        expect(routed).toBe(before);
        reused++;
      } else if (before !== undefined) expect(routed).not.toBe(before);
      lastOf.set(action, routed);
      handed.push({ list: routed, copy: structuredClone(routed) });
    }
    if (minReused) expect(reused).toBeGreaterThan(minReused);
    else expect(reused).toBe(0);
    for (const h of handed) expect(h.list).toEqual(h.copy);
  });
  }
});
