// Test doubles: a Map-based ObjectStore with metadata and bucket policies, a settable clock, a small seeded
// random, and hand-built CloudTrail records, so these tests do not depend on the rest of the simulator.
import type { ActionDef, CloudTrailRecord, Clock, HandlerContext, JsonObject, ObjectStore, Random } from '../../../simulator/core/contract';
import { CloudTrailService, type CloudTrailDeps } from '../../../simulator/cloudtrail/index';
import { defaultSelectors, type TrailConfig, type TrailStatus } from '../../../simulator/cloudtrail/trails/trail-types';
import type { DeliveryNote } from '../../../simulator/cloudtrail/trails/delivery-notes';

export const ACCOUNT = '123456789012';
export const REGIONS = ['us-east-1', 'ap-northeast-2', 'us-west-2', 'eu-west-1'];
export const T0 = Date.parse('2026-11-01T00:00:00Z');

export class MemoryStore implements ObjectStore {
  buckets = new Map<string, { region: string; policy?: string; objects: Map<string, { body: Uint8Array; metadata: Record<string, string> }> }>();
  modelPolicies = false;
  addBucket(name: string, region = 'us-east-1', policy?: string): void {
    this.buckets.set(name, { region, policy, objects: new Map() });
  }
  bucketExists(bucket: string): boolean {
    return this.buckets.has(bucket);
  }
  bucketRegion(bucket: string): string | undefined {
    return this.buckets.get(bucket)?.region;
  }
  putObject(bucket: string, key: string, body: Uint8Array, _contentType?: string, metadata?: Record<string, string>): void {
    const b = this.buckets.get(bucket);
    if (!b) throw new Error(`NoSuchBucket ${bucket}`);
    b.objects.set(key, { body, metadata: metadata ?? {} });
  }
  getObject(bucket: string, key: string): Uint8Array | undefined {
    return this.buckets.get(bucket)?.objects.get(key)?.body;
  }
  deleteObject(bucket: string, key: string): void {
    this.buckets.get(bucket)?.objects.delete(key);
  }
  listKeys(bucket: string, prefix = ''): string[] {
    return [...(this.buckets.get(bucket)?.objects.keys() ?? [])].filter((k) => k.startsWith(prefix)).sort();
  }
  objectMetadata(bucket: string, key: string): Record<string, string> | undefined {
    return this.buckets.get(bucket)?.objects.get(key)?.metadata;
  }
}

/** A store that models bucket policies, as A1's S3 does. */
export class PolicyStore extends MemoryStore {
  bucketPolicy(bucket: string): string | undefined {
    return this.buckets.get(bucket)?.policy;
  }
}

export class TestClock implements Clock {
  constructor(public ms = T0) {}
  now(): number {
    return this.ms;
  }
}

export class TestRandom implements Random {
  constructor(private state = 42) {}
  next(): number {
    this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0;
    return this.state / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min));
  }
  hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += '0123456789abcdef'[this.int(0, 16)];
    return s;
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

export interface World {
  clock: TestClock;
  store: MemoryStore;
  random: TestRandom;
  ct: CloudTrailService;
  delivered: Parameters<NonNullable<CloudTrailDeps['onDelivered']>>[0][];
}

export function world(store: MemoryStore = new MemoryStore()): World {
  const clock = new TestClock();
  const random = new TestRandom();
  const delivered: World['delivered'] = [];
  const ct = new CloudTrailService({ clock, random, store, accountId: ACCOUNT, regions: REGIONS, onDelivered: (e) => delivered.push(e) });
  return { clock, store, random, ct, delivered };
}

export function ctx(region = 'us-east-1'): HandlerContext {
  return {
    accountId: ACCOUNT,
    region,
    clock: new TestClock(),
    random: new TestRandom(),
    channel: 'cli',
    requestId: 'test-request',
    principal: { kind: 'root', arn: `arn:aws:iam::${ACCOUNT}:root`, userName: 'root', identity: { type: 'Root', arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, principalId: ACCOUNT } },
  };
}

export function call(w: World, api: string, params: JsonObject, region = 'us-east-1'): JsonObject {
  const handler = w.ct.handlers[api];
  if (!handler) throw new Error(`no handler ${api}`);
  return handler(params, ctx(region)).response;
}

export function def(o: Partial<ActionDef> & { eventName: string }): ActionDef {
  return {
    api: `x:${o.eventName}`,
    eventSource: 'ec2.amazonaws.com',
    readOnly: false,
    category: 'Management',
    apiCall: true,
    eventType: 'AwsApiCall',
    resourceTypes: [],
    globalService: false,
    summaryKo: '',
    ...o,
  };
}

let counter = 0;
export function record(o: Partial<CloudTrailRecord> & { atMs?: number } = {}): CloudTrailRecord {
  const { atMs, ...rest } = o;
  counter++;
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, accessKeyId: 'AKIAEXAMPLE1', userName: 'alice' },
    eventTime: new Date(atMs ?? T0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'ec2.amazonaws.com',
    eventName: 'CreateSubnet',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.13.5',
    requestParameters: null,
    responseElements: null,
    requestID: `req-${counter}`,
    eventID: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...rest,
  };
}

export function s3DataRecord(bucket: string, key: string, eventName = 'GetObject', atMs = T0): CloudTrailRecord {
  return record({
    atMs,
    eventSource: 's3.amazonaws.com',
    eventName,
    readOnly: eventName === 'GetObject',
    managementEvent: false,
    eventCategory: 'Data',
    requestParameters: { bucketName: bucket, key },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
    ],
  });
}

export const S3_DATA_DEF = def({ eventName: 'GetObject', eventSource: 's3.amazonaws.com', category: 'Data', readOnly: true });
export const MGMT_DEF = def({ eventName: 'CreateSubnet' });

/** Moves the clock and lets the service do what is due. */
export function advance(w: World, ms: number): void {
  w.clock.ms += ms;
  w.ct.advanceTo(w.clock.ms);
}

/** Feeds `records` (in time order) as their eventTime comes, minute by minute up to `untilMs`, running `meddle`
 *  once at `meddleAtMs` (a learner deleting or overwriting files, say). */
export function drive(w: World, records: readonly CloudTrailRecord[], untilMs: number, meddleAtMs = Infinity, meddle: (w: World) => void = () => {}): void {
  let next = 0;
  while (w.clock.ms < untilMs) {
    while (next < records.length && Date.parse(records[next]!.eventTime) <= w.clock.ms) w.ct.ingest(records[next++]!, MGMT_DEF);
    if (w.clock.ms === meddleAtMs) meddle(w);
    advance(w, 60_000);
  }
}

/** A trail's configuration as the machine and registry tests use it: "main" in us-east-1, writing to "logs". */
export function mainTrailConfig(o: { multiRegion: boolean; validation: boolean }): TrailConfig {
  return {
    name: 'main',
    arn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main',
    homeRegion: 'us-east-1',
    s3BucketName: 'logs',
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: o.multiRegion,
    logFileValidationEnabled: o.validation,
    selectors: defaultSelectors(),
    insightSelectors: [],
  };
}

/** The trail machine's delivery actions before delivery-notes.ts, written out again (copies made with a rest
 *  and spreads): the reference the folded and in-place notes are held to, key for key and in order. */
export function notedAsTheMachineDid(status: TrailStatus, note: DeliveryNote): TrailStatus {
  switch (note.type) {
    case 'trail.delivered': {
      const { latestDeliveryError: _cleared, ...rest } = status;
      const next: TrailStatus = { ...rest, latestDeliveryMs: note.atMs, latestDeliveryAttemptMs: note.atMs };
      if (note.cloudWatchLogs) next.latestCloudWatchLogsDeliveryMs = note.atMs;
      return next;
    }
    case 'trail.digestDelivered':
      return { ...status, latestDigestDeliveryMs: note.atMs };
    case 'trail.deliveryFailed':
      return { ...status, latestDeliveryError: note.errorCode, latestDeliveryAttemptMs: note.atMs };
  }
}
