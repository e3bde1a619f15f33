import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { alarmMachine } from '../../../simulator/cloudwatch/alarm-machine';
import { describeAlarmHistory } from '../../../simulator/cloudwatch/alarm-history-query';
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
    const kept = m.getSnapshot().context.history;
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
