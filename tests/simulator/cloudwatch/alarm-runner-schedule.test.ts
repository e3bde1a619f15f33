// The runner keeps the earliest due evaluation between simulated minutes; every way an alarm's next
// evaluation can move must still be seen.
import { describe, expect, it } from 'vitest';
import { newAccount, ok, rootConsole } from '../support';
import { alarmState } from './account-support';

describe('alarm evaluation schedule', () => {
  it('a sleeping alarm set by SetAlarmState is evaluated at the next minute', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('cloudwatch:PutMetricAlarm', {
      AlarmName: 'quiet', Namespace: 'Shop', MetricName: 'Orders', Statistic: 'Sum', Period: 300, EvaluationPeriods: 1,
      Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    }, c));
    // No data at all: the first evaluation leaves it INSUFFICIENT_DATA and it sleeps until data arrives.
    acct.advance('PT10M');
    expect(alarmState(acct, c, 'quiet')).toBe('INSUFFICIENT_DATA');
    ok(acct.call('cloudwatch:SetAlarmState', { AlarmName: 'quiet', StateValue: 'ALARM', StateReason: 'drill' }, c));
    acct.advance('PT1M');
    expect(alarmState(acct, c, 'quiet')).toBe('INSUFFICIENT_DATA');
  });

  it('a sleeping alarm wakes when its metric gets data, and a new alarm is evaluated a minute after creation', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const put = (name: string) => ok(acct.call('cloudwatch:PutMetricAlarm', {
      AlarmName: name, Namespace: 'Shop', MetricName: 'Orders', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1,
      Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    }, c));
    put('first');
    acct.advance('PT10M');
    expect(alarmState(acct, c, 'first')).toBe('INSUFFICIENT_DATA');
    put('second');
    acct.advance('PT1M');
    expect(alarmState(acct, c, 'second')).toBe('INSUFFICIENT_DATA');
    expect(alarmState(acct, c, 'first')).toBe('INSUFFICIENT_DATA');
    ok(acct.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Orders', Value: 3 }] }, c));
    acct.advance('PT2M');
    expect([alarmState(acct, c, 'first'), alarmState(acct, c, 'second')]).toEqual(['ALARM', 'ALARM']);
  });
});
