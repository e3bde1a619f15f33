import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { runScript } from '../../../simulator/cli/script';
import { START, newAccount, ok, onlyRecord, recordingCloudTrail, rootConsole, userWithKey } from '../support';

const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();
type Ctx = ReturnType<typeof rootConsole>;

function stats(acct: Account, c: Ctx, metric: string, filterId: string, statistics: string[], region = c.region, bucket = 'logs-bucket') {
  const r = ok(acct.call('cloudwatch:GetMetricStatistics', {
    Namespace: 'AWS/S3', MetricName: metric, Dimensions: [{ Name: 'BucketName', Value: bucket }, { Name: 'FilterId', Value: filterId }],
    StartTime: iso(START), EndTime: iso(START + 10 * MIN), Period: 600, Statistics: statistics,
  }, { ...c, region }));
  return (r['Datapoints'] as Record<string, unknown>[])[0];
}

function setup() {
  const { acct } = newAccount();
  const c = rootConsole(acct);
  ok(acct.call('s3:CreateBucket', { Bucket: 'logs-bucket' }, c));
  return { acct, c };
}

describe('S3 request metrics', () => {
  it('a bucket publishes nothing until a metrics configuration is put', () => {
    const { acct, c } = setup();
    ok(acct.call('s3:PutObject', { Bucket: 'logs-bucket', Key: 'a.txt', Body: 'hello' }, c));
    const listed = ok(acct.call('cloudwatch:ListMetrics', { Namespace: 'AWS/S3' }, c));
    expect(listed['Metrics']).toEqual([]);
  });

  it('an unfiltered configuration counts every request with AWS/S3 names, units and dimensions', () => {
    const { acct, c } = setup();
    const put = acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'EntireBucket', MetricsConfiguration: { Id: 'EntireBucket' } }, c);
    ok(put);
    ok(acct.call('s3:PutObject', { Bucket: 'logs-bucket', Key: 'a.txt', Body: 'x'.repeat(250_000) }, c));
    ok(acct.call('s3:GetObject', { Bucket: 'logs-bucket', Key: 'a.txt' }, c));
    ok(acct.call('s3:HeadObject', { Bucket: 'logs-bucket', Key: 'a.txt' }, c));
    ok(acct.call('s3:ListObjectsV2', { Bucket: 'logs-bucket' }, c));
    expect(acct.call('s3:GetObject', { Bucket: 'logs-bucket', Key: 'missing' }, c).ok).toBe(false);
    ok(acct.call('s3:DeleteObject', { Bucket: 'logs-bucket', Key: 'a.txt' }, c));
    expect(acct.call('s3:GetBucketPolicy', { Bucket: 'logs-bucket' }, c).ok).toBe(false);
    acct.advance('PT2M');
    // 7 requests after the configuration existed: the PutBucketMetricsConfiguration itself is not counted.
    expect(stats(acct, c, 'AllRequests', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 7, Unit: 'Count' });
    expect(stats(acct, c, 'GetRequests', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 2 });
    expect(stats(acct, c, 'PutRequests', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 1 });
    expect(stats(acct, c, 'HeadRequests', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 1 });
    expect(stats(acct, c, 'ListRequests', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 1 });
    expect(stats(acct, c, 'DeleteRequests', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 1 });
    // NoSuchKey (404) and NoSuchBucketPolicy (404) are the two 4xx answers: 0/1 per request, Average = error rate.
    expect(stats(acct, c, '4xxErrors', 'EntireBucket', ['Sum', 'Average', 'SampleCount'])).toMatchObject({ Sum: 2, SampleCount: 7, Average: 2 / 7 });
    expect(stats(acct, c, '5xxErrors', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 0 });
    expect(stats(acct, c, 'BytesUploaded', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 250_000, Unit: 'Bytes' });
    expect(stats(acct, c, 'BytesDownloaded', 'EntireBucket', ['Sum'])).toMatchObject({ Sum: 250_000, Unit: 'Bytes' });
    // Latency model: PUT 15 ms to first byte + 3 ms to move 250 kB; GET 10 + 3; errors 4.
    expect(stats(acct, c, 'FirstByteLatency', 'EntireBucket', ['Maximum', 'Minimum'])).toMatchObject({ Maximum: 20, Minimum: 4, Unit: 'Milliseconds' });
    expect(stats(acct, c, 'TotalRequestLatency', 'EntireBucket', ['Maximum'])).toMatchObject({ Maximum: 20 });
    const put1 = stats(acct, c, 'TotalRequestLatency', 'EntireBucket', ['Sum']);
    expect(put1?.['Sum']).toBe(18 + 13 + 5 + 20 + 4 + 8 + 4);
    const names = (ok(acct.call('cloudwatch:ListMetrics', { Namespace: 'AWS/S3' }, c))['Metrics'] as { MetricName: string; Dimensions: unknown }[]);
    expect(names.every((m) => JSON.stringify(m.Dimensions) === JSON.stringify([{ Name: 'BucketName', Value: 'logs-bucket' }, { Name: 'FilterId', Value: 'EntireBucket' }]))).toBe(true);
  });

  it('a prefix filter counts only object requests under the prefix; requests IAM refuses count as 4xx', () => {
    const { acct, c } = setup();
    ok(acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'images', MetricsConfiguration: { Id: 'images', Filter: { Prefix: 'img/' } } }, c));
    ok(acct.call('s3:PutObject', { Bucket: 'logs-bucket', Key: 'img/cat.png', Body: 'meow' }, c));
    ok(acct.call('s3:PutObject', { Bucket: 'logs-bucket', Key: 'doc/readme.md', Body: 'hi' }, c));
    ok(acct.call('s3:ListObjectsV2', { Bucket: 'logs-bucket', Prefix: 'img/' }, c));
    userWithKey(acct, 'reader', []);
    const denied = acct.call('s3:GetObject', { Bucket: 'logs-bucket', Key: 'img/cat.png' }, { as: 'reader', region: 'us-east-1', via: 'cli' });
    expect(denied.ok ? '' : denied.error.code).toBe('AccessDenied');
    expect(stats(acct, c, 'AllRequests', 'images', ['Sum'])).toMatchObject({ Sum: 2 });
    expect(stats(acct, c, 'ListRequests', 'images', ['Sum'])).toBeUndefined();
    expect(stats(acct, c, '4xxErrors', 'images', ['Sum'])).toMatchObject({ Sum: 1 });
  });

  it('metrics go to the bucket Region; tag and access point filters match no request of the simulation', () => {
    const { acct, c } = setup();
    const seoul = { ...c, region: 'ap-northeast-2' };
    ok(acct.call('s3:CreateBucket', { Bucket: 'seoul-bucket', CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' } }, seoul));
    ok(acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'seoul-bucket', Id: 'all', MetricsConfiguration: { Id: 'all' } }, seoul));
    ok(acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'seoul-bucket', Id: 'tagged', MetricsConfiguration: { Id: 'tagged', Filter: { Tag: { Key: 'team', Value: 'a' } } } }, seoul));
    ok(acct.call('s3:PutObject', { Bucket: 'seoul-bucket', Key: 'k', Body: 'v' }, c));
    expect(stats(acct, c, 'AllRequests', 'all', ['Sum'], 'ap-northeast-2', 'seoul-bucket')).toMatchObject({ Sum: 2 });
    expect(stats(acct, c, 'AllRequests', 'all', ['Sum'], 'us-east-1', 'seoul-bucket')).toBeUndefined();
    expect(stats(acct, c, 'AllRequests', 'tagged', ['Sum'], 'ap-northeast-2', 'seoul-bucket')).toBeUndefined();
  });

  it('Put/Get/List/Delete answer and fail as S3 does and are recorded as management events', () => {
    const { acct, c } = setup();
    const put = acct.call('s3:PutBucketMetricsConfiguration', {
      Bucket: 'logs-bucket', Id: 'both', MetricsConfiguration: { Id: 'both', Filter: { And: { Prefix: 'p/', Tags: [{ Key: 'k', Value: 'v' }] } } },
    }, c);
    ok(put);
    const rec = onlyRecord(put);
    expect(rec.eventName).toBe('PutBucketMetricsConfiguration');
    expect(rec.eventCategory).toBe('Management');
    expect(rec.managementEvent).toBe(true);
    expect(rec.readOnly).toBe(false);
    expect(rec.requestParameters).toEqual({
      MetricsConfiguration: { Id: 'both', Filter: { And: { Prefix: 'p/', Tags: [{ Key: 'k', Value: 'v' }] } }, xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      bucketName: 'logs-bucket', Host: 'logs-bucket.s3.us-east-1.amazonaws.com', metrics: [''], id: 'both',
    });
    const got = acct.call('s3:GetBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'both' }, c);
    expect(ok(got)).toEqual({ MetricsConfiguration: { Id: 'both', Filter: { And: { Prefix: 'p/', Tags: [{ Key: 'k', Value: 'v' }] } } } });
    expect(onlyRecord(got).readOnly).toBe(true);
    // A put replaces the whole configuration.
    ok(acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'both', MetricsConfiguration: { Id: 'both' } }, c));
    expect(ok(acct.call('s3:GetBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'both' }, c))).toEqual({ MetricsConfiguration: { Id: 'both' } });
    const missing = acct.call('s3:GetBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'nope' }, c);
    expect(missing.ok ? '' : missing.error).toEqual({ code: 'NoSuchConfiguration', message: 'The specified configuration does not exist.' });
    const badFilter = acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'x', MetricsConfiguration: { Id: 'x', Filter: { Prefix: 'a', AccessPointArn: 'arn' } } }, c);
    expect(badFilter.ok ? '' : badFilter.error.code).toBe('MalformedXML');
    const noBucket = acct.call('s3:ListBucketMetricsConfigurations', { Bucket: 'nobody-bucket' }, c);
    expect(noBucket.ok ? '' : noBucket.error.code).toBe('NoSuchBucket');
    ok(acct.call('s3:DeleteBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'both' }, c));
    const again = acct.call('s3:DeleteBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'both' }, c);
    expect(again.ok ? '' : again.error.code).toBe('NoSuchConfiguration');
    expect(ok(acct.call('s3:ListBucketMetricsConfigurations', { Bucket: 'logs-bucket' }, c))).toEqual({ IsTruncated: false });
    // After deletion nothing more is published for that filter.
    ok(acct.call('s3:PutObject', { Bucket: 'logs-bucket', Key: 'p/x', Body: 'v' }, c));
    expect(stats(acct, c, 'PutRequests', 'both', ['Sum'])).toBeUndefined();
  });

  it('ListBucketMetricsConfigurations pages 100 at a time in Id order; the 1,001st configuration is refused', () => {
    const { acct, c } = setup();
    for (let i = 0; i < 1000; i++) {
      const id = `f${String(i).padStart(4, '0')}`;
      ok(acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: id, MetricsConfiguration: { Id: id, Filter: { Prefix: `${id}/` } } }, c));
    }
    const over = acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'one-more', MetricsConfiguration: { Id: 'one-more' } }, c);
    expect(over.ok ? '' : over.error).toEqual({ code: 'TooManyConfigurations', message: 'You are attempting to create a new configuration but have already reached the 1,000-configuration limit.' });
    // Replacing an existing one is still allowed at the limit.
    ok(acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'f0000', MetricsConfiguration: { Id: 'f0000' } }, c));
    const first = ok(acct.call('s3:ListBucketMetricsConfigurations', { Bucket: 'logs-bucket' }, c));
    const list = first['MetricsConfigurationList'] as { Id: string }[];
    expect(list).toHaveLength(100);
    expect(list[0]).toEqual({ Id: 'f0000' });
    expect(first['IsTruncated']).toBe(true);
    const next = ok(acct.call('s3:ListBucketMetricsConfigurations', { Bucket: 'logs-bucket', ContinuationToken: first['NextContinuationToken'] as string }, c));
    expect((next['MetricsConfigurationList'] as { Id: string }[])[0]).toEqual({ Id: 'f0100', Filter: { Prefix: 'f0100/' } });
    const bad = acct.call('s3:ListBucketMetricsConfigurations', { Bucket: 'logs-bucket', ContinuationToken: 'not a token' }, c);
    expect(bad.ok ? '' : bad.error.code).toBe('InvalidArgument');
  });

  it('configurations survive snapshot/restore byte for byte and keep publishing', () => {
    const { acct, c } = setup();
    ok(acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'all', MetricsConfiguration: { Id: 'all', Filter: { And: { Prefix: 'a/', Tags: [{ Key: 't', Value: '1' }] } } } }, c));
    ok(acct.call('s3:PutBucketMetricsConfiguration', { Bucket: 'logs-bucket', Id: 'root', MetricsConfiguration: { Id: 'root' } }, c));
    const snap = acct.snapshot();
    const back = Account.restore(snap, () => recordingCloudTrail().port);
    expect(JSON.stringify(back.snapshot())).toBe(JSON.stringify(snap));
    ok(back.call('s3:PutObject', { Bucket: 'logs-bucket', Key: 'b', Body: 'v' }, c));
    expect(stats(back, c, 'PutRequests', 'root', ['Sum'])).toMatchObject({ Sum: 1 });
  });

  it('a sim script enables request metrics and reads them back', () => {
    const at = { as: 'root', region: 'us-east-1', via: 'console' };
    const script = {
      seed: 7,
      start: '2026-11-01T00:00:00Z',
      steps: [
        { call: 's3:CreateBucket', params: { Bucket: 'script-bucket' }, ...at },
        { call: 's3:PutBucketMetricsConfiguration', params: { Bucket: 'script-bucket', Id: 'EntireBucket', MetricsConfiguration: { Id: 'EntireBucket' } }, ...at },
        { call: 's3:PutObject', params: { Bucket: 'script-bucket', Key: 'k', Body: 'hello' }, ...at, repeat: 3, every: 'PT1M' },
        { advance: 'PT1M' },
        {
          call: 'cloudwatch:GetMetricStatistics', ...at,
          params: {
            Namespace: 'AWS/S3', MetricName: 'PutRequests', Dimensions: [{ Name: 'BucketName', Value: 'script-bucket' }, { Name: 'FilterId', Value: 'EntireBucket' }],
            StartTime: '2026-11-01T00:00:00Z', EndTime: '2026-11-01T00:10:00Z', Period: 60, Statistics: ['Sum'],
          },
        },
      ],
    };
    const out = runScript(JSON.stringify(script), { cloudTrail: () => recordingCloudTrail().port });
    const r = out.results.find((x) => x.step === 4);
    const points = (r && 'response' in r ? r.response['Datapoints'] : []) as { Sum: number; Timestamp: string }[];
    expect(points.map((p) => p.Sum)).toEqual([1, 1, 1]);
  });
});
