// The Insights engine on its own: the documented baseline window, the unusual-rate rule, attributions, and
// the cost of counting a busy account's calls (per-minute counters, never record lists).
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { attributedArn, InsightsEngine, type InsightDetection } from '../../../simulator/cloudtrail/insights/engine';
import { buildInsightRecord } from '../../../simulator/cloudtrail/insights/insight-record';
import { baselineStartMinute, unusualThreshold } from '../../../simulator/cloudtrail/insights/rule';
import { insightsReadyMs, INSIGHTS_LEARNING_MS } from '../../../simulator/cloudtrail/insights/learning';
import { trailMachine } from '../../../simulator/cloudtrail/trails/trail-machine';
import { defaultSelectors, type TrailConfig } from '../../../simulator/cloudtrail/trails/trail-types';
import { record, T0, TestRandom } from './helpers';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const always = () => true;

describe('the baseline window and the rule', () => {
  it('starts at 00:00 UTC of the day seven days before, so baselineDuration is 10080 to 11519 minutes', () => {
    const at = (iso: string) => Date.parse(iso) / MIN;
    const m1 = at('2026-11-08T00:00:00Z');
    expect(m1 - baselineStartMinute(m1)).toBe(10080);
    const m2 = at('2026-11-08T01:41:00Z');
    expect(m2 - baselineStartMinute(m2)).toBe(10181);
    const m3 = at('2026-11-08T23:59:00Z');
    expect(m3 - baselineStartMinute(m3)).toBe(11519);
  });

  it('needs five deviations (history or Poisson) and more than three calls above the average', () => {
    expect(unusualThreshold(20, 0)).toBeCloseTo(20 + 5 * Math.sqrt(20));
    expect(unusualThreshold(20, 10)).toBe(70);
    expect(unusualThreshold(0, 0)).toBe(3);
    expect(unusualThreshold(0.01, 0.1)).toBeCloseTo(3.01);
  });

  it('attributes assumed-role sessions to the role, as AWS examples show', () => {
    expect(attributedArn('arn:aws:sts::123456789012:assumed-role/CodeDeployRole1/session-1')).toBe('arn:aws:sts::123456789012:assumed-role/CodeDeployRole1');
    expect(attributedArn('arn:aws:iam::123456789012:user/alice')).toBe('arn:aws:iam::123456789012:user/alice');
    expect(attributedArn(undefined)).toBeUndefined();
  });
});

describe('attributions', () => {
  it('list at most five values per attribute, highest average first, and "null" for calls without errors', () => {
    const engine = new InsightsEngine(new TestRandom());
    const start = T0 + 7 * DAY;
    for (let u = 0; u < 7; u++) {
      for (let i = 0; i <= u; i++) {
        engine.count(record({ atMs: start, eventName: 'TerminateInstances', userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::123456789012:user/u${u}` } }), start);
      }
    }
    const found = engine.advanceTo(start + MIN, always);
    expect(found.map((d) => d.state)).toEqual(['Start']);
    const r = buildInsightRecord({ ...found[0]!, accountId: '123456789012', eventID: 'e1' });
    const attrs = (r.insightDetails as { insightContext: { attributions: { attribute: string; insight: { value: string; average: number }[] }[] } }).insightContext.attributions;
    expect(attrs[0]!.insight.map((v) => [v.value.split('/')[1], v.average])).toEqual([['u6', 7], ['u5', 6], ['u4', 5], ['u3', 4], ['u2', 3]]);
    expect(attrs[2]).toEqual({ attribute: 'errorCode', insight: [{ value: 'null', average: 28 }], baseline: [] });
  });

  it('ignores read-only calls for call rates and successful calls for error rates', () => {
    const engine = new InsightsEngine(new TestRandom());
    const at = T0 + 7 * DAY;
    for (let i = 0; i < 50; i++) engine.count(record({ atMs: at, eventName: 'DescribeInstances', readOnly: true }), at);
    expect(engine.advanceTo(at + MIN, always)).toEqual([]);
  });
});

describe('a busy account', () => {
  it('counts 2 million calls over 90 days, minute by minute, in seconds, with bounded memory', () => {
    const engine = new InsightsEngine(new TestRandom());
    const apis = ['RunInstances', 'CreateTags', 'PutObjectAcl', 'AttachRolePolicy', 'CreateSubnet'].map((eventName) => record({ eventName }));
    const burstDay = 40;
    const found: InsightDetection[] = [];
    let calls = 0;
    const t = performance.now();
    for (let minute = 0; minute < 90 * 1440; minute++) {
      const at = T0 + minute * MIN;
      for (let i = 0; i < 15 + (minute % 3); i++) {
        engine.count(apis[(minute + i) % apis.length] as CloudTrailRecord, at);
        calls++;
      }
      // A runaway script on day 40: 300 RunInstances a minute for 20 minutes.
      if (minute >= burstDay * 1440 && minute < burstDay * 1440 + 20) {
        for (let i = 0; i < 300; i++) engine.count(apis[0]!, at);
        calls += 300;
      }
      // Insights were enabled at T0: the learning period holds them back for 36 hours.
      found.push(...engine.advanceTo(at + MIN, (_r, _t, atMs) => atMs >= T0 + 1.5 * DAY));
    }
    const seconds = (performance.now() - t) / 1000;
    expect(calls).toBeGreaterThan(2_000_000);
    expect(found.map((d) => [d.state, d.key.eventName, d.eventMinute - (T0 / MIN + burstDay * 1440)])).toEqual([
      ['Start', 'RunInstances', 0],
      ['End', 'RunInstances', 20],
    ]);
    // Each series keeps at most one baseline window of minutes (8 days), whatever the history's length.
    const series = engine.snapshot() as { window: unknown[] }[];
    expect(series).toHaveLength(apis.length);
    for (const s of series) expect(s.window.length).toBeLessThanOrEqual(11520);
    expect(seconds).toBeLessThan(30);
  }, 120_000);
});

describe('the learning period on the trail', () => {
  const config: TrailConfig = {
    name: 'main', arn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main', homeRegion: 'us-east-1', s3BucketName: 'logs',
    includeGlobalServiceEvents: true, isMultiRegionTrail: false, logFileValidationEnabled: false, selectors: defaultSelectors(), insightSelectors: [],
  };

  it('keeps the start of a type that stays selected, starts a newly added one, and restarts all on StartLogging', () => {
    const actor = createActor(trailMachine, { input: { config } }).start();
    actor.send({ type: 'trail.startLogging', atMs: 1000 });
    actor.send({ type: 'trail.putInsightSelectors', insightSelectors: [{ InsightType: 'ApiCallRateInsight' }], atMs: 2000 });
    actor.send({ type: 'trail.putInsightSelectors', insightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }], atMs: 3000 });
    expect(actor.getSnapshot().context.status.insightsSinceMs).toEqual({ ApiCallRateInsight: 2000, ApiErrorRateInsight: 3000 });
    const ctx = () => actor.getSnapshot().context;
    expect(insightsReadyMs(ctx().config, ctx().status, 'ApiCallRateInsight')).toBe(2000 + INSIGHTS_LEARNING_MS);
    actor.send({ type: 'trail.stopLogging', atMs: 4000 });
    expect(insightsReadyMs(ctx().config, ctx().status, 'ApiCallRateInsight')).toBeUndefined();
    actor.send({ type: 'trail.startLogging', atMs: 5000 });
    expect(ctx().status.insightsSinceMs).toEqual({ ApiCallRateInsight: 5000, ApiErrorRateInsight: 5000 });
    actor.send({ type: 'trail.putInsightSelectors', insightSelectors: [], atMs: 6000 });
    expect(insightsReadyMs(ctx().config, ctx().status, 'ApiErrorRateInsight')).toBeUndefined();
  });
});
