// CloudTrail Insights through the account's one call surface: the learning period, error-rate Insights, and
// snapshots. The learner's week-long DeleteBucket example is in insights-learner-example.test.ts.
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { ok, START } from '../support';
import { accountWithInsights, addTrail, deleteBuckets, details, HOUR, insightEvents, insightFiles, MIN, ROOT } from './insights-support';

describe('the learning period', () => {
  it('delivers nothing for up to 36 hours after Insights are enabled on a trail, per trail', () => {
    const acct = accountWithInsights(['ApiCallRateInsight']);
    acct.advance(2 * HOUR);
    deleteBuckets(acct, 10, 3);
    acct.advance(10 * MIN);
    expect(insightEvents(acct)).toEqual([]);
    acct.advance(START + 30 * HOUR - acct.clock.now());
    addTrail(acct, 'late', ['ApiCallRateInsight']);
    // 40 hours in: "main" has learned (36 h), "late" has not (it started at 30 h).
    acct.advance(START + 40 * HOUR - acct.clock.now());
    deleteBuckets(acct, 10, 3);
    acct.advance(15 * MIN);
    const first = insightEvents(acct);
    expect(first.map((e) => details(e)['state'])).toEqual(['Start', 'End']);
    expect(details(first[1]!).insightContext.statistics['insightDuration']).toBe(3);
    expect(insightFiles(acct, 'main-bucket').flatMap((f) => f.records)).toHaveLength(2);
    expect(insightFiles(acct, 'late-bucket')).toEqual([]);
    // 70 hours in both trails have learned.
    acct.advance(START + 70 * HOUR - acct.clock.now());
    deleteBuckets(acct, 10, 2);
    acct.advance(15 * MIN);
    expect(insightEvents(acct)).toHaveLength(4);
    expect(insightFiles(acct, 'late-bucket').flatMap((f) => f.records.map((r) => details(r)['state']))).toEqual(['Start', 'End']);
  });

  it('starts over when logging is stopped and started again', () => {
    const acct = accountWithInsights(['ApiCallRateInsight']);
    acct.advance(37 * HOUR);
    ok(acct.call('cloudtrail:StopLogging', { Name: 'main' }, ROOT));
    ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, ROOT));
    deleteBuckets(acct, 10, 3);
    acct.advance(15 * MIN);
    expect(insightEvents(acct)).toEqual([]);
    acct.advance(36 * HOUR);
    deleteBuckets(acct, 10, 3);
    acct.advance(15 * MIN);
    expect(insightEvents(acct)).toHaveLength(2);
  });

  it('analyses management events only for selectors that include them (EventCategories)', () => {
    const acct = new Account({ seed: 7, startMs: START });
    addTrail(acct, 'data-only', []);
    ok(acct.call('cloudtrail:PutInsightSelectors', { TrailName: 'data-only', InsightSelectors: [{ InsightType: 'ApiCallRateInsight', EventCategories: ['Data'] }] }, ROOT));
    acct.advance(37 * HOUR);
    deleteBuckets(acct, 10, 3);
    acct.advance(15 * MIN);
    expect(insightEvents(acct)).toEqual([]);
  });

  it('does not count the minutes of a quiet API as unusual: a few calls to a rarely used API stay below the rule', () => {
    const acct = accountWithInsights(['ApiCallRateInsight']);
    acct.advance(37 * HOUR);
    deleteBuckets(acct, 3, 5);
    acct.advance(15 * MIN);
    expect(insightEvents(acct)).toEqual([]);
  });
});

describe('ApiErrorRateInsight', () => {
  it('analyses calls that returned an error, per error code, attributed to identities and user agents only', () => {
    const acct = accountWithInsights(['ApiErrorRateInsight']);
    acct.advance(37 * HOUR);
    // Successful write calls are not errors: no error-rate Insights event, and no call-rate one (not selected).
    for (let i = 0; i < 10; i++) ok(acct.call('s3:CreateBucket', { Bucket: `ok-${i}` }, ROOT));
    acct.advance(MIN);
    deleteBuckets(acct, 8, 4);
    acct.advance(15 * MIN);
    const events = insightEvents(acct);
    expect(events.map((e) => details(e)['state'])).toEqual(['Start', 'End']);
    const start = details(events[0]!);
    expect(start).toMatchObject({ state: 'Start', eventSource: 's3.amazonaws.com', eventName: 'DeleteBucket', insightType: 'ApiErrorRateInsight', errorCode: 'NoSuchBucket' });
    expect(start.insightContext.attributions.map((a) => a['attribute'])).toEqual(['userIdentityArn', 'userAgent']);
    expect(start.insightContext.statistics['insight']).toEqual({ average: 8 });
    expect(details(events[1]!).insightContext.statistics).toMatchObject({ insight: { average: 8 }, insightDuration: 4 });
  });
});

describe('snapshots', () => {
  it('carry an open Insights event across restore: the End after restore shares the Start’s sharedEventID, byte for byte', () => {
    const run = (restoreMidway: boolean) => {
      let acct = accountWithInsights(['ApiCallRateInsight'], 11);
      acct.advance(37 * HOUR);
      deleteBuckets(acct, 10, 2);
      if (restoreMidway) acct = Account.restore(JSON.parse(JSON.stringify(acct.snapshot())));
      deleteBuckets(acct, 10, 2);
      acct.advance(15 * MIN);
      return acct;
    };
    const plain = run(false);
    const restored = run(true);
    // Compared before anything else is called: LookupEvents is itself a recorded call.
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(plain.snapshot()));
    const events = insightEvents(restored);
    expect(events.map((e) => details(e)['state'])).toEqual(['Start', 'End']);
    expect(events[0]!.sharedEventID).toBe(events[1]!.sharedEventID);
    expect(details(events[1]!).insightContext.statistics['insightDuration']).toBe(4);
  });

  it('refuses a malformed Insights part', () => {
    const acct = accountWithInsights(['ApiCallRateInsight']);
    deleteBuckets(acct, 2, 1);
    const snap = JSON.parse(JSON.stringify(acct.snapshot())) as { cloudtrail: { insights: unknown[] } };
    snap.cloudtrail.insights = [{ key: { region: 'us-east-1', insightType: 'Nope', eventSource: 's', eventName: 'n' } }];
    expect(() => Account.restore(snap as never)).toThrow(/malformed insights/);
  });
});
