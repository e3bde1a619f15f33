// Insights through the `sim` script runner: enable Insights, wait out the learning period, run a burst of
// DeleteBucket calls with "repeat"/"every", and find the Start and End with LookupEvents.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../simulator/cli/script';

const root = { as: 'root', region: 'us-east-1', via: 'console' };
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::trail-bucket' },
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::trail-bucket/AWSLogs/123456789012/*' },
  ],
});

const script = {
  seed: 3,
  start: '2026-11-01T00:00:00Z',
  steps: [
    { call: 's3:CreateBucket', params: { Bucket: 'trail-bucket' }, ...root },
    { call: 's3:PutBucketPolicy', params: { Bucket: 'trail-bucket', Policy: policy }, ...root },
    { call: 'cloudtrail:CreateTrail', params: { Name: 'main', S3BucketName: 'trail-bucket' }, ...root },
    { call: 'cloudtrail:StartLogging', params: { Name: 'main' }, ...root },
    { call: 'cloudtrail:PutInsightSelectors', params: { TrailName: 'main', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] }, ...root },
    { advance: 'PT37H' },
    // 12 calls a minute for 3 minutes, where the API was never called before.
    { call: 's3:DeleteBucket', params: { Bucket: 'gone-{{i}}' }, ...root, repeat: 36, every: 'PT5S' },
    { advance: 'PT15M' },
    { call: 'cloudtrail:LookupEvents', params: { EventCategory: 'insight' }, ...root },
  ],
};

describe('Insights in a sim script', () => {
  it('prints the Start and End Insights events, identically on every run', () => {
    const out = runScript(JSON.stringify(script));
    const last = out.results[out.results.length - 1] as unknown as { response: { Events: { EventName: string; CloudTrailEvent: string }[] } };
    const records = last.response.Events.map((e) => JSON.parse(e.CloudTrailEvent) as { eventTime: string; insightDetails: { state: string; eventName: string } });
    expect(last.response.Events.map((e) => e.EventName)).toEqual(['DeleteBucket', 'DeleteBucket']);
    expect(records.map((r) => [r.insightDetails.state, r.eventTime])).toEqual([
      ['End', '2026-11-02T13:03:00Z'],
      ['Start', '2026-11-02T13:00:00Z'],
    ]);
    expect(JSON.stringify(runScript(JSON.stringify(script)))).toBe(JSON.stringify(out));
  });
});
