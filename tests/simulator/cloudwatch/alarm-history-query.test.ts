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

  it('pages with MaxRecords and NextToken', () => {
    const first = describeAlarmHistory(history(), { MaxRecords: 2 }, T0 + 11 * DAY);
    expect(first.AlarmHistoryItems).toHaveLength(2);
    const second = describeAlarmHistory(history(), { MaxRecords: 2, NextToken: first.NextToken }, T0 + 11 * DAY);
    expect(second).toEqual({ AlarmHistoryItems: [expect.objectContaining({ HistorySummary: 'Alarm "m" created' })] });
  });
});
