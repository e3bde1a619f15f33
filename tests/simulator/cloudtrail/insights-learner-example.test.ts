// The learner's example, as the issue states it: DeleteBucket at about 20 calls a minute for a week, then a
// burst of 100 a minute, gives an Insights Start when the burst begins and an End after it stops. A week of
// calls through the account is about 200,000 calls, so this file takes a while on a busy machine.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../simulator/account';
import type { CloudTrailRecord, JsonObject } from '../../../simulator/core/contract';
import { ok, START } from '../support';
import { ACCT, accountWithInsights, DAY, deleteBuckets, details, insightEvents, insightFiles, MIN, ROOT, ROOT_ARN } from './insights-support';

describe('the learner example: DeleteBucket at about 20 a minute for a week, then a burst of 100 a minute', () => {
  let acct: Account;
  let burstStart: number;
  const CONSOLE_UA = '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.224-190.876.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.412-b09 java/1.8.0_412 vendor/Oracle_Corporation cfg/retry-mode/standard]';

  beforeAll(() => {
    acct = accountWithInsights(['ApiCallRateInsight']);
    deleteBuckets(acct, 20, 7 * 24 * 60);
    burstStart = acct.clock.now();
    deleteBuckets(acct, 100, 10);
    deleteBuckets(acct, 20, 30);
  }, 180_000);

  it('writes a Start when the burst begins and an End when it stops, sharing one sharedEventID', () => {
    const events = insightEvents(acct);
    expect(events.map((e) => details(e)['state'])).toEqual(['Start', 'End']);
    const [start, end] = events as [CloudTrailRecord, CloudTrailRecord];
    expect(burstStart).toBe(START + 7 * DAY);
    expect(start.eventTime).toBe('2026-11-08T00:00:00Z');
    expect(end.eventTime).toBe('2026-11-08T00:10:00Z');
    expect(start.sharedEventID).toBe(end.sharedEventID);
    expect(start.eventID).not.toBe(end.eventID);
    // Field order and contents of AWS's Insights record for trails: no caller fields at the top level.
    expect(Object.keys(start)).toEqual(['eventVersion', 'eventTime', 'awsRegion', 'eventID', 'eventType', 'recipientAccountId', 'sharedEventID', 'insightDetails', 'eventCategory']);
    expect(start).toMatchObject({ eventVersion: '1.08', awsRegion: 'us-east-1', eventType: 'AwsCloudTrailInsight', recipientAccountId: ACCT, eventCategory: 'Insight' });
  });

  it('reports the baseline over the preceding seven days and the burst rate, with attributions', () => {
    const [start, end] = insightEvents(acct) as [CloudTrailRecord, CloudTrailRecord];
    const attributions = (insight: number) => [
      { attribute: 'userIdentityArn', insight: [{ value: ROOT_ARN, average: insight }], baseline: [{ value: ROOT_ARN, average: 20 }] },
      { attribute: 'userAgent', insight: [{ value: CONSOLE_UA, average: insight }], baseline: [{ value: CONSOLE_UA, average: 20 }] },
      { attribute: 'errorCode', insight: [{ value: 'NoSuchBucket', average: insight }], baseline: [{ value: 'NoSuchBucket', average: 20 }] },
    ];
    expect(start.insightDetails).toEqual({
      state: 'Start',
      eventSource: 's3.amazonaws.com',
      eventName: 'DeleteBucket',
      insightType: 'ApiCallRateInsight',
      insightContext: {
        statistics: { baseline: { average: 20 }, insight: { average: 100 }, insightDuration: 1, baselineDuration: 10080 },
        attributions: attributions(100),
      },
    });
    expect(details(end).insightContext.statistics).toEqual({ baseline: { average: 20 }, insight: { average: 100 }, insightDuration: 10, baselineDuration: 10080 });
    expect(details(end).insightContext.attributions).toEqual(attributions(100));
  });

  it('delivers both records to the trail bucket under CloudTrail-Insight about 5 minutes after each was detected', () => {
    const files = insightFiles(acct, 'main-bucket');
    expect(files.map((f) => f.key)).toEqual([
      expect.stringMatching(new RegExp(`^AWSLogs/${ACCT}/CloudTrail-Insight/us-east-1/2026/11/08/${ACCT}_CloudTrail-Insight_us-east-1_20261108T0006Z_[A-Za-z0-9]{16}\\.json\\.gz$`)),
      expect.stringMatching(new RegExp(`^AWSLogs/${ACCT}/CloudTrail-Insight/us-east-1/2026/11/08/${ACCT}_CloudTrail-Insight_us-east-1_20261108T0016Z_[A-Za-z0-9]{16}\\.json\\.gz$`)),
    ]);
    expect(files.flatMap((f) => f.records)).toEqual(insightEvents(acct));
  });

  it('finds them by the API they describe, and keeps them out of the management event history', () => {
    expect(insightEvents(acct, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DeleteBucket' }] })).toHaveLength(2);
    expect(insightEvents(acct, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateBucket' }] })).toHaveLength(0);
    const mgmt = ok(acct.call('cloudtrail:LookupEvents', { StartTime: (burstStart - MIN) / 1000, EndTime: (burstStart + 20 * MIN) / 1000, MaxResults: 50 }, ROOT));
    expect((mgmt['Events'] as JsonObject[]).every((e) => e['EventName'] === 'DeleteBucket')).toBe(true);
  });
});

