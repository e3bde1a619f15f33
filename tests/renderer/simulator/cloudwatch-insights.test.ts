import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../simulator';
import { accountWithInsights, deleteBuckets, HOUR, MIN, ROOT } from '../../simulator/cloudtrail/insights-support';
import { ok, START } from '../../simulator/support';
import { callRate } from '../../../renderer/src/areas/simulator/worker/call-rate';
import { insightWindow, pairInsights } from '../../../renderer/src/areas/simulator/insights-data';
import { SimHost } from '../../../renderer/src/areas/simulator/worker/sim-host';
import { valueSchemas } from '../../../renderer/src/areas/simulator/worker/protocol';

describe('the Insights chart data', () => {
  it('pairs Start and End by sharedEventID and counts the API per minute from the event history', () => {
    const acct = accountWithInsights(['ApiCallRateInsight']);
    // Past the learning period, a burst of 10 DeleteBucket calls a minute for 3 minutes, then quiet.
    acct.advance(START + 40 * HOUR - acct.clock.now());
    const burstAt = acct.clock.now();
    deleteBuckets(acct, 10, 3);
    acct.advance(15 * MIN);
    const res = ok(acct.call('cloudtrail:LookupEvents', { EventCategory: 'insight' }, ROOT));
    const records = (res['Events'] as JsonObject[]).map((e) => JSON.parse(String(e['CloudTrailEvent'])) as Record<string, unknown>);
    const [inc] = pairInsights(records);
    expect(pairInsights(records)).toHaveLength(1);
    expect(inc).toMatchObject({ eventName: 'DeleteBucket', eventSource: 's3.amazonaws.com', insightType: 'ApiCallRateInsight', startMs: burstAt, endMs: burstAt + 3 * MIN, insightDuration: 3 });
    expect(inc!.records).toHaveLength(2);
    expect(inc!.insightAverage).toBe(10);

    const win = insightWindow(inc!, acct.clock.now());
    expect(win).toEqual({ startMs: burstAt - HOUR, endMs: acct.clock.now() });
    const page = (p: JsonObject) => ok(acct.call('sim:Inspect', { Action: 'cloudtrail:LookupEvents', Params: p }, ROOT)) as JsonObject;
    const rate = callRate({ region: 'us-east-1', eventSource: 's3.amazonaws.com', eventName: 'DeleteBucket', ...win }, page);
    expect(rate.truncated).toBe(false);
    expect(rate.minutes).toHaveLength(60 + 18);
    const busy = rate.minutes.filter((m) => m.n > 0);
    expect(busy).toEqual([0, 1, 2].map((i) => ({ t: burstAt + i * MIN, n: 10 })));
    // Only the API the Insights event is about is counted.
    expect(callRate({ region: 'us-east-1', eventSource: 's3.amazonaws.com', eventName: 'CreateBucket', ...win }, page).minutes.every((m) => m.n === 0)).toBe(true);
  });

  it('an Insights event still open has no End and the chart runs to now', () => {
    const start = Date.parse('2026-11-24T10:00:00Z');
    const [inc] = pairInsights([{ eventTime: '2026-11-24T10:00:00Z', eventID: 'a', sharedEventID: 's', insightDetails: { state: 'Start', eventName: 'X', eventSource: 'y', insightType: 'ApiCallRateInsight', insightContext: { statistics: { baseline: { average: 2 }, insight: { average: 9 }, baselineDuration: 10080 } } } }]);
    expect(inc!.endMs).toBeUndefined();
    expect(inc!.baselineAverage).toBe(2);
    expect(insightWindow(inc!, start + 20 * MIN)).toEqual({ startMs: start - HOUR, endMs: start + 20 * MIN });
  });

  it('the worker answers a callRate request in the protocol\'s shape', () => {
    const out: unknown[] = [];
    const host = new SimHost((m) => out.push(m), { setInterval: () => 0, clearInterval: () => {} });
    host.receive({ id: 1, req: { kind: 'start', snapshot: null } });
    const now = (out[out.length - 1] as { value: { nowMs: number } }).value.nowMs;
    host.receive({ id: 2, req: { kind: 'callRate', region: 'us-east-1', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', startMs: now - 10 * MIN, endMs: now + MIN } });
    const reply = out.find((m) => (m as { id?: number }).id === 2) as { ok: boolean; value: unknown };
    expect(reply.ok).toBe(true);
    const value = valueSchemas.callRate.parse(reply.value);
    // The sandbox's setup made alice and bob with CreateUser in its first minute.
    expect(value.minutes.reduce((n, m) => n + m.n, 0)).toBe(2);
  });
});
