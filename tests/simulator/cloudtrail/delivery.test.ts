import { gunzipSync, gzipSync } from 'fflate';
import { createHash, createPublicKey, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, JsonObject } from '../../../simulator/core/contract';
import { ACCOUNT, advance, call, MGMT_DEF, PolicyStore, record, T0, world, type World } from './helpers';

const MIN = 60_000;
const text = (bytes: Uint8Array) => new TextDecoder().decode(gunzipSync(bytes));

function setup(extra: JsonObject = {}): World {
  const w = world();
  w.store.addBucket('logs');
  call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs', ...extra });
  call(w, 'StartLogging', { Name: 'main' });
  return w;
}

const logKeys = (w: World) => w.store.listKeys('logs').filter((k) => k.includes('/CloudTrail/'));
const digestKeys = (w: World) => w.store.listKeys('logs').filter((k) => k.includes('/CloudTrail-Digest/'));

describe('log file delivery', () => {
  it('delivers about 5 minutes after the first buffered record, as gzip JSON under the real key', () => {
    const w = setup({ S3KeyPrefix: 'org' });
    const a = record({ atMs: T0 });
    w.ct.ingest(a, MGMT_DEF);
    advance(w, 2 * MIN);
    const b = record({ atMs: T0 + 2 * MIN });
    w.ct.ingest(b, MGMT_DEF);
    advance(w, 2 * MIN + 59_000);
    expect(logKeys(w)).toEqual([]);
    advance(w, 1000);
    const keys = logKeys(w);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(
      new RegExp(`^org/AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/01/${ACCOUNT}_CloudTrail_us-east-1_20261101T0005Z_[A-Za-z0-9]{16}\\.json\\.gz$`),
    );
    const file = JSON.parse(text(w.store.getObject('logs', keys[0]!)!)) as { Records: unknown[] };
    expect(file.Records).toEqual([a, b]);
    expect(call(w, 'GetTrailStatus', { Name: 'main' })['LatestDeliveryTime']).toBe('2026-11-01T00:05:00.000Z');
    expect(w.delivered.map((d) => d.kind)).toEqual(['logFile']);
  });

  it('writes one file per Region for a multi-Region trail and reports CloudWatch Logs targets', () => {
    const w = setup({ IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:ct:*', CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/ct' });
    w.ct.ingest(record({ awsRegion: 'us-east-1' }), MGMT_DEF);
    w.ct.ingest(record({ awsRegion: 'ap-northeast-2' }), MGMT_DEF);
    advance(w, 5 * MIN);
    expect(logKeys(w).map((k) => k.split('/')[3])).toEqual(['ap-northeast-2', 'us-east-1']);
    const first = w.delivered[0]!;
    expect(first.kind === 'logFile' && first.cloudWatchLogs?.logGroupArn).toBe('arn:aws:logs:us-east-1:123456789012:log-group:ct:*');
    expect(call(w, 'GetTrailStatus', { Name: 'main' })['LatestCloudWatchLogsDeliveryTime']).toBe('2026-11-01T00:05:00.000Z');
  });

  it('delivers Insights events under CloudTrail-Insight only for trails with that insight selector', () => {
    const w = setup();
    const { eventName: _n, eventSource: _s, userIdentity: _u, ...rest } = record({
      eventType: 'AwsCloudTrailInsight',
      eventCategory: 'Insight',
      insightDetails: { state: 'Start', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', insightType: 'ApiCallRateInsight' },
    });
    const insight = rest as CloudTrailRecord;
    expect(w.ct.ingest(insight, MGMT_DEF).trails[0]).toMatchObject({ landed: false, code: 'INSIGHTS_NOT_SELECTED' });
    call(w, 'PutInsightSelectors', { TrailName: 'main', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
    expect(w.ct.ingest(insight, MGMT_DEF).trails[0]).toMatchObject({ landed: true, deliveryFolder: 'CloudTrail-Insight' });
    advance(w, 5 * MIN);
    const keys = w.store.listKeys('logs');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^AWSLogs/${ACCOUNT}/CloudTrail-Insight/us-east-1/2026/11/01/${ACCOUNT}_CloudTrail-Insight_us-east-1_20261101T0005Z_[A-Za-z0-9]{16}\\.json\\.gz$`));
  });

  it("hands each delivered record's time along with its archive id (CloudWatch Logs timestamps its events by it)", () => {
    const w = setup();
    for (let i = 0; i < 3; i++) w.ct.ingest(record({ atMs: T0 + i * 61_000 }), MGMT_DEF);
    advance(w, 6 * MIN);
    const file = w.delivered.find((d) => d.kind === 'logFile');
    if (file?.kind !== 'logFile') throw new Error('no log file delivered');
    expect(Array.from(file.archived.eventMs)).toEqual(file.records.map((r) => Date.parse((JSON.parse(r) as { eventTime: string }).eventTime)));
    expect(Array.from(file.archived.eventMs)).toEqual([T0, T0 + 61_000, T0 + 122_000]);
  });

  it('gzips deterministically (no modification time in the header)', () => {
    const w = setup();
    w.ct.ingest(record(), MGMT_DEF);
    advance(w, 5 * MIN);
    const bytes = w.store.getObject('logs', logKeys(w)[0]!)!;
    expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
  });

  it('reports AccessDenied while the bucket policy no longer lets CloudTrail write', () => {
    const store = new PolicyStore();
    const w = world(store);
    const allow = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::logs' },
        { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::logs/*' },
      ],
    });
    store.addBucket('logs', 'us-east-1', allow);
    call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
    call(w, 'StartLogging', { Name: 'main' });
    store.buckets.get('logs')!.policy = undefined;
    w.ct.ingest(record(), MGMT_DEF);
    advance(w, 5 * MIN);
    expect(call(w, 'GetTrailStatus', { Name: 'main' })['LatestDeliveryError']).toBe('AccessDenied');
    expect(logKeys(w)).toEqual([]);
    store.buckets.get('logs')!.policy = allow;
    advance(w, 5 * MIN);
    expect(logKeys(w)).toHaveLength(1);
  });

  it('keeps records and reports NoSuchBucket while the bucket is gone', () => {
    const w = setup();
    w.store.buckets.delete('logs');
    w.ct.ingest(record(), MGMT_DEF);
    advance(w, 5 * MIN);
    expect(call(w, 'GetTrailStatus', { Name: 'main' })['LatestDeliveryError']).toBe('NoSuchBucket');
    w.store.addBucket('logs');
    advance(w, 5 * MIN);
    expect(logKeys(w)).toHaveLength(1);
    expect(call(w, 'GetTrailStatus', { Name: 'main' })['LatestDeliveryError']).toBeUndefined();
  });
});

describe('log file integrity validation', () => {
  function validated(): World {
    const w = setup({ EnableLogFileValidation: true });
    w.ct.ingest(record({ atMs: T0 }), MGMT_DEF);
    advance(w, 10 * MIN);
    w.ct.ingest(record({ atMs: T0 + 10 * MIN }), MGMT_DEF);
    advance(w, 3 * 60 * MIN);
    return w;
  }

  it('writes hourly digests chained to the previous one and signed with the Region key', () => {
    const w = validated();
    const keys = digestKeys(w);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe(`AWSLogs/${ACCOUNT}/CloudTrail-Digest/us-east-1/2026/11/01/${ACCOUNT}_CloudTrail-Digest_us-east-1_main_us-east-1_20261101T010000Z.json.gz`);
    const digests = keys.map((k) => ({ key: k, raw: text(w.store.getObject('logs', k)!), sig: w.store.objectMetadata('logs', k)!['signature']! }));
    const first = JSON.parse(digests[0]!.raw) as JsonObject;
    expect(first).toMatchObject({
      awsAccountId: ACCOUNT,
      digestStartTime: '2026-11-01T00:00:00Z',
      digestEndTime: '2026-11-01T01:00:00Z',
      digestS3Bucket: 'logs',
      digestS3Object: keys[0],
      digestSignatureAlgorithm: 'SHA256withRSA',
      oldestEventTime: '2026-11-01T00:00:00Z',
      newestEventTime: '2026-11-01T00:10:00Z',
      previousDigestS3Bucket: null,
      previousDigestSignature: null,
    });
    const logFiles = first['logFiles'] as JsonObject[];
    expect(logFiles).toHaveLength(2);
    const raw = gunzipSync(w.store.getObject('logs', logFiles[0]!['s3Object'] as string)!);
    expect(logFiles[0]!['hashValue']).toBe(createHash('sha256').update(raw).digest('hex'));
    const second = JSON.parse(digests[1]!.raw) as JsonObject;
    expect(second).toMatchObject({ previousDigestS3Object: keys[0], previousDigestSignature: digests[0]!.sig, logFiles: [], newestEventTime: null });
    expect(second['previousDigestHashValue']).toBe(createHash('sha256').update(digests[0]!.raw).digest('hex'));
    // Verify as aws-cli does, with Node's own RSA and the ListPublicKeys key.
    const pub = call(w, 'ListPublicKeys', {})['PublicKeyList'] as JsonObject[];
    expect(first['digestPublicKeyFingerprint']).toBe(pub[0]!['Fingerprint']);
    const key = createPublicKey({ key: Buffer.from(pub[0]!['Value'] as string, 'base64'), format: 'der', type: 'pkcs1' });
    for (const [i, d] of digests.entries()) {
      const json = JSON.parse(d.raw) as JsonObject;
      const hash = createHash('sha256').update(d.raw).digest('hex');
      const toSign = `${json['digestEndTime']}\nlogs/${d.key}\n${hash}\n${i === 0 ? 'null' : digests[i - 1]!.sig}`;
      expect(createVerify('RSA-SHA256').update(toSign).verify(key, Buffer.from(d.sig, 'hex'))).toBe(true);
    }
  });

  it('digests every Region of a multi-Region trail, and only the home Region after it becomes single-Region', () => {
    const w = setup({ EnableLogFileValidation: true, IsMultiRegionTrail: true });
    advance(w, 60 * MIN);
    expect(digestKeys(w).map((k) => k.split('/')[3])).toEqual(['ap-northeast-2', 'eu-west-1', 'us-east-1', 'us-west-2']);
    call(w, 'UpdateTrail', { Name: 'main', IsMultiRegionTrail: false });
    advance(w, 60 * MIN);
    expect(digestKeys(w)).toHaveLength(5);
    expect(digestKeys(w).filter((k) => k.includes('/us-east-1/'))).toHaveLength(2);
  });

  it('validates an untouched bucket', () => {
    const w = validated();
    const report = call(w, 'ValidateLogs', { TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`, StartTime: T0 / 1000 });
    expect(report['valid']).toBe(true);
    expect(report['lines']).toContain('3/3 digest files valid');
    expect(report['lines']).toContain('2/2 log files valid');
  });

  it('follows the chain into the previous bucket after UpdateTrail moves the trail', () => {
    const w = validated();
    w.store.addBucket('logs2');
    call(w, 'UpdateTrail', { Name: 'main', S3BucketName: 'logs2' });
    w.ct.ingest(record({ atMs: w.clock.ms }), MGMT_DEF);
    advance(w, 2 * 60 * MIN);
    const first = JSON.parse(text(w.store.getObject('logs2', w.store.listKeys('logs2', 'AWSLogs/123456789012/CloudTrail-Digest/')[0]!)!)) as JsonObject;
    expect(first['previousDigestS3Bucket']).toBe('logs');
    const report = call(w, 'ValidateLogs', { TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`, StartTime: T0 / 1000 });
    expect(report['lines']).toContain('5/5 digest files valid');
    expect(report['lines']).toContain('3/3 log files valid');
  });

  it('catches a tampered log file, a deleted log file and a tampered digest', () => {
    const w = validated();
    const [tampered, deleted] = logKeys(w);
    const raw = JSON.parse(text(w.store.getObject('logs', tampered!)!)) as { Records: JsonObject[] };
    raw.Records[0]!['sourceIPAddress'] = '198.51.100.1';
    w.store.putObject('logs', tampered!, gzipSync(new TextEncoder().encode(JSON.stringify(raw))));
    w.store.deleteObject('logs', deleted!);
    const digest = digestKeys(w)[2]!;
    const meta = w.store.objectMetadata('logs', digest)!;
    const forged = JSON.parse(text(w.store.getObject('logs', digest)!)) as JsonObject;
    forged['digestStartTime'] = '2026-10-31T00:00:00Z';
    w.store.putObject('logs', digest, gzipSync(new TextEncoder().encode(JSON.stringify(forged))), undefined, meta);
    const report = call(w, 'ValidateLogs', { TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`, StartTime: T0 / 1000 });
    expect(report['valid']).toBe(false);
    const lines = report['lines'] as string[];
    expect(lines).toContain(`Log file\ts3://logs/${tampered}\tINVALID: hash value doesn't match`);
    expect(lines).toContain(`Log file\ts3://logs/${deleted}\tINVALID: not found`);
    expect(lines).toContain(`Digest file\ts3://logs/${digest}\tINVALID: signature verification failed`);
  });

  it('reports a deleted digest as not found and keeps walking the chain', () => {
    const w = validated();
    const middle = digestKeys(w)[1]!;
    w.store.deleteObject('logs', middle);
    const report = call(w, 'ValidateLogs', { TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`, StartTime: T0 / 1000 });
    const lines = report['lines'] as string[];
    expect(lines).toContain(`Digest file\ts3://logs/${middle}\tINVALID: not found`);
    expect(lines).toContain('2/3 digest files valid, 1/3 digest files INVALID');
  });

  it('ends the chain with a final digest on StopLogging and starts a new one on StartLogging', () => {
    const w = validated();
    advance(w, 20 * MIN);
    call(w, 'StopLogging', { Name: 'main' });
    expect(digestKeys(w)).toHaveLength(4);
    advance(w, 3 * 60 * MIN);
    expect(digestKeys(w)).toHaveLength(4);
    call(w, 'StartLogging', { Name: 'main' });
    advance(w, 60 * MIN);
    const keys = digestKeys(w);
    const restart = JSON.parse(text(w.store.getObject('logs', keys[keys.length - 1]!)!)) as JsonObject;
    expect(restart['previousDigestS3Object']).toBeNull();
  });
});
