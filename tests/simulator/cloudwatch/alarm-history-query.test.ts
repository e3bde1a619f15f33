import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { alarmMachine } from '../../../simulator/cloudwatch/alarm-machine';
import { appendKept, describeAlarmHistory, HISTORY_RETENTION, keptHistory } from '../../../simulator/cloudwatch/alarm-history-query';
import type { AlarmHistoryItem } from '../../../simulator/cloudwatch/alarm-history';
import { CloudWatchModel } from '../../../simulator/cloudwatch/model';
import type { Json } from '../../../simulator/core/contract';
import type { CompositeAlarmConfig, MetricAlarmConfig } from '../../../simulator/cloudwatch/alarm-types';
import { DAY, MINUTE } from '../../../simulator/cloudwatch/metric-types';

const T0 = Date.UTC(2026, 10, 1);
const metric: MetricAlarmConfig = {
  AlarmName: 'm', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:m', Namespace: 'N', MetricName: 'X',
  Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold',
};
const composite: CompositeAlarmConfig = { AlarmName: 'c', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:c', AlarmRule: 'ALARM(m)' };

function history() {
  const m = createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config: metric, now: T0 } }).start();
  m.send({ type: 'alarm.setState', now: T0 + MINUTE, state: 'ALARM', reason: 'test' });
  m.send({ type: 'alarm.setState', now: T0 + 10 * DAY, state: 'OK', reason: 'test' });
  const c = createActor(alarmMachine, { input: { alarmType: 'CompositeAlarm', config: composite, now: T0 } }).start();
  return [...m.getSnapshot().context.history, ...c.getSnapshot().context.history];
}

describe('DescribeAlarmHistory', () => {
  it('returns only metric alarms unless AlarmTypes says otherwise, newest first', () => {
    const out = describeAlarmHistory(history(), {}, T0 + 11 * DAY);
    expect(out.AlarmHistoryItems.map((h) => h.HistorySummary)).toEqual([
      'Alarm updated from ALARM to OK', 'Alarm updated from INSUFFICIENT_DATA to ALARM', 'Alarm "m" created',
    ]);
    expect(describeAlarmHistory(history(), { AlarmTypes: ['CompositeAlarm'] }, T0 + DAY).AlarmHistoryItems.map((h) => h.AlarmName)).toEqual(['c']);
  });

  it('filters by item type, dates and keeps two weeks only', () => {
    const items = history();
    expect(describeAlarmHistory(items, { HistoryItemType: 'StateUpdate', ScanBy: 'TimestampAscending' }, T0 + 11 * DAY).AlarmHistoryItems.map((h) => h.HistorySummary))
      .toEqual(['Alarm updated from INSUFFICIENT_DATA to ALARM', 'Alarm updated from ALARM to OK']);
    expect(describeAlarmHistory(items, { StartDate: T0 + DAY }, T0 + 11 * DAY).AlarmHistoryItems).toHaveLength(1);
    expect(describeAlarmHistory(items, {}, T0 + 20 * DAY).AlarmHistoryItems.map((h) => h.HistorySummary)).toEqual(['Alarm updated from ALARM to OK']);
  });

  it('an alarm keeps only the items of the last two weeks, and answers exactly as if it kept them all', () => {
    const m = createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config: metric, now: T0 } }).start();
    const all = [...m.getSnapshot().context.history];
    // Two state changes an hour for 40 days.
    for (let h = 1; h <= 40 * 24; h++) {
      for (const [i, state] of (['ALARM', 'OK'] as const).entries()) {
        m.send({ type: 'alarm.setState', now: T0 + h * 3_600_000 + i * MINUTE, state, reason: 'test' });
        all.push(m.getSnapshot().context.history.at(-1)!);
      }
    }
    const kept = keptHistory(m.getSnapshot().context.history);
    expect(kept.length).toBeLessThanOrEqual(14 * 24 * 2 + 2);
    expect(kept.at(-1)).toBe(all.at(-1));
    const now = T0 + 40 * DAY + 2 * MINUTE;
    for (const input of [{}, { ScanBy: 'TimestampAscending' as const, MaxRecords: 100 }, { StartDate: T0 + 20 * DAY, EndDate: T0 + 30 * DAY }, { NextToken: '300' }]) {
      expect(describeAlarmHistory(kept, input, now)).toEqual(describeAlarmHistory(all, input, now));
    }
  });

  it('pages with MaxRecords and NextToken', () => {
    const first = describeAlarmHistory(history(), { MaxRecords: 2 }, T0 + 11 * DAY);
    expect(first.AlarmHistoryItems).toHaveLength(2);
    const second = describeAlarmHistory(history(), { MaxRecords: 2, NextToken: first.NextToken }, T0 + 11 * DAY);
    expect(second).toEqual({ AlarmHistoryItems: [expect.objectContaining({ HistorySummary: 'Alarm "m" created' })] });
  });
});

describe('an alarm history appended in place', () => {
  const item = (ms: number): AlarmHistoryItem => ({
    AlarmName: 'm', AlarmType: 'MetricAlarm', Timestamp: new Date(ms).toISOString().replace('Z', '+0000'), HistoryItemType: 'StateUpdate', HistorySummary: String(ms), HistoryData: '{}',
  });

  it('drops from the front exactly the items older than two weeks, then appends, in the same array', () => {
    const h = [item(T0), item(T0 + DAY), item(T0 + 2 * DAY), item(T0 + 2 * DAY + MINUTE)];
    const same = appendKept(h, item(T0 + 2 * DAY + HISTORY_RETENTION), T0 + 2 * DAY + HISTORY_RETENTION);
    expect(same).toBe(h);
    // Exactly two weeks old is still kept; older is not.
    expect(keptHistory(h).map((x) => x.HistorySummary)).toEqual([T0 + 2 * DAY, T0 + 2 * DAY + MINUTE, T0 + 2 * DAY + HISTORY_RETENTION].map(String));
    appendKept(h, item(T0 + 40 * DAY), T0 + 40 * DAY);
    expect(keptHistory(h).map((x) => x.HistorySummary)).toEqual([String(T0 + 40 * DAY)]);
  });

  it('keeps exactly what dropping the aged-out items at every append would keep, and stays within a third more', () => {
    // The model: the array as it was before aged-out items left in batches (shifted off one by one).
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 * 3_600_000 }), { minLength: 1, maxLength: 3000, size: 'max' }), fc.integer({ min: 0, max: 400 }), (gaps, snapshotAt) => {
        const h: AlarmHistoryItem[] = [];
        const model: AlarmHistoryItem[] = [];
        let now = T0;
        for (const [i, gap] of gaps.entries()) {
          now += gap;
          const x = item(now);
          appendKept(h, x, now);
          while (model.length > 0 && now - Date.parse(model[0]!.Timestamp) > HISTORY_RETENTION) model.shift();
          model.push(x);
          if (i % (snapshotAt + 1) === 0) expect(keptHistory(h)).toEqual(model);
          expect(h.length).toBeLessThanOrEqual(Math.max(model.length + 64, Math.ceil((model.length * 4) / 3) + 1));
        }
        expect(keptHistory(h)).toEqual(model);
      }),
      { numRuns: 60 },
    );
  });

  it('a snapshot, DescribeAlarmHistory and a deleted alarm see only the kept items', () => {
    const model = new CloudWatchModel('us-east-1', T0);
    const actor = createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config: metric, now: T0 } }).start();
    // Two state changes every 10 minutes for 20 days: after two weeks the oldest age out, a few at a time.
    for (let t = 10 * MINUTE, i = 0; t <= 20 * DAY; t += 5 * MINUTE, i++) {
      actor.send({ type: 'alarm.setState', now: T0 + t, state: i % 2 === 0 ? 'ALARM' : 'OK', reason: 'test' });
    }
    const raw = actor.getSnapshot().context.history;
    const kept = keptHistory(raw);
    // The batch is pending here (some aged-out items are still in the array), so the readers are put to the test.
    expect(raw.length).toBeGreaterThan(kept.length);
    expect(kept.every((x) => T0 + 20 * DAY - Date.parse(x.Timestamp) <= HISTORY_RETENTION)).toBe(true);
    model.region('us-east-1').alarms.set('m', { actor, nextEvalAt: Infinity });
    expect(model.history('us-east-1')).toEqual(kept);
    const snap = model.snapshot() as { regions: Record<string, { alarms: { context: { history: unknown[] } }[] }> };
    expect(snap.regions['us-east-1']!.alarms[0]!.context.history).toEqual(JSON.parse(JSON.stringify(kept)));
  });

  it('never reaches into a snapshot a restored alarm came from', () => {
    const model = new CloudWatchModel('us-east-1', T0);
    const actor = createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config: metric, now: T0 } }).start();
    actor.send({ type: 'alarm.setState', now: T0 + MINUTE, state: 'ALARM', reason: 'test' });
    model.region('us-east-1').alarms.set('m', { actor, nextEvalAt: Infinity });
    const snap: Json = model.snapshot();
    const pristine = JSON.stringify(snap);
    const restored = [new CloudWatchModel('us-east-1', T0), new CloudWatchModel('us-east-1', T0)];
    for (const r of restored) r.restore(snap);
    restored[0]!.region('us-east-1').alarms.get('m')!.actor.send({ type: 'alarm.setState', now: T0 + 2 * MINUTE, state: 'OK', reason: 'later' });
    expect(JSON.stringify(snap)).toBe(pristine);
    expect(restored[0]!.history('us-east-1')).toHaveLength(3);
    expect(restored[1]!.history('us-east-1')).toHaveLength(2);
    expect(model.history('us-east-1')).toHaveLength(2);
  });
});
