import { describe, expect, it } from 'vitest';
import { evaluateMetricAlarm, lowSampleThreshold } from '../../../simulator/cloudwatch/alarm-evaluate';
import { javaDouble, reasonDate } from '../../../simulator/cloudwatch/alarm-format';
import type { MetricAlarmConfig } from '../../../simulator/cloudwatch/alarm-types';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import { MINUTE } from '../../../simulator/cloudwatch/metric-types';

const at = (iso: string) => Date.parse(iso);
const NS = 'Trailwatch/App';

function alarm(over: Partial<MetricAlarmConfig>): MetricAlarmConfig {
  return {
    AlarmName: 'a', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:a', Namespace: NS, MetricName: 'M',
    Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 50, ComparisonOperator: 'GreaterThanThreshold', ...over,
  };
}

function put(store: MetricStore, iso: string, values: number[], namespace = NS) {
  store.put(namespace, { MetricName: 'M', Values: values, Timestamp: at(iso) }, at(iso));
}

describe('formats', () => {
  it('prints numbers as Java doubles and reason dates as dd/MM/yy HH:mm:ss', () => {
    expect([5, 0, 50, 0.1, 99.50160229693434, 1e7, 0.0001, -3].map(javaDouble)).toEqual(['5.0', '0.0', '50.0', '0.1', '99.50160229693434', '1.0E7', '1.0E-4', '-3.0']);
    expect(reasonDate(at('2026-11-26T10:00:00Z'))).toBe('26/11/26 10:00:00');
  });
});

// Reasons below reproduce strings CloudWatch wrote (user guide examples and published DescribeAlarms output).
describe('StateReason and StateReasonData as AWS writes them', () => {
  it('1 of 1 to ALARM (user guide EventBridge example, period 300)', () => {
    const store = new MetricStore();
    put(store, '2019-10-02T16:59:00Z', [99.50160229693434]);
    const r = evaluateMetricAlarm(alarm({ Period: 300, DatapointsToAlarm: 1 }), store, at('2019-10-02T17:04:40.985Z'));
    expect(r.state).toBe('ALARM');
    expect(r.reason!.reason).toBe('Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).');
    expect(r.reason!.reasonData).toBe('{"version":"1.0","queryDate":"2019-10-02T17:04:40.985+0000","startDate":"2019-10-02T16:59:00.000+0000","statistic":"Average","period":300,"recentDatapoints":[99.50160229693434],"threshold":50.0,"evaluatedDatapoints":[{"timestamp":"2019-10-02T16:59:00.000+0000","sampleCount":1.0,"value":99.50160229693434}]}');
  });

  it('2 of 2 back to OK reaches past a missing newest minute', () => {
    const store = new MetricStore();
    put(store, '2021-04-13T16:03:00Z', [0.01575357001274824]);
    put(store, '2021-04-13T16:04:00Z', [0.01758096118768056]);
    const r = evaluateMetricAlarm(alarm({ Threshold: 40, EvaluationPeriods: 2, DatapointsToAlarm: 2 }), store, at('2021-04-13T16:06:38.066Z'));
    expect(r.state).toBe('OK');
    expect(r.reason!.reason).toBe('Threshold Crossed: 2 out of the last 2 datapoints [0.01758096118768056 (13/04/21 16:04:00), 0.01575357001274824 (13/04/21 16:03:00)] were not greater than the threshold (40.0) (minimum 1 datapoint for ALARM -> OK transition).');
    expect(r.reason!.reasonData).toBe('{"version":"1.0","queryDate":"2021-04-13T16:06:38.066+0000","startDate":"2021-04-13T16:03:00.000+0000","statistic":"Average","period":60,"recentDatapoints":[0.01575357001274824,0.01758096118768056],"threshold":40.0,"evaluatedDatapoints":[{"timestamp":"2021-04-13T16:04:00.000+0000","sampleCount":1.0,"value":0.01758096118768056}]}');
  });

  it('2 of 2 to ALARM over 5-minute periods with 5 samples each', () => {
    const store = new MetricStore();
    put(store, '2022-01-17T14:37:00Z', Array(5).fill(11.488333333333333));
    put(store, '2022-01-17T14:42:00Z', Array(5).fill(15.398333333333332));
    const r = evaluateMetricAlarm(alarm({ Period: 300, Threshold: 10, EvaluationPeriods: 2, DatapointsToAlarm: 2 }), store, at('2022-01-17T14:47:42.271Z'));
    expect(r.reason!.reason).toBe('Threshold Crossed: 2 out of the last 2 datapoints [15.398333333333332 (17/01/22 14:42:00), 11.488333333333333 (17/01/22 14:37:00)] were greater than the threshold (10.0) (minimum 2 datapoints for OK -> ALARM transition).');
    expect(r.reason!.reasonData).toContain('"recentDatapoints":[11.488333333333333,15.398333333333332],"threshold":10.0,"evaluatedDatapoints":[{"timestamp":"2022-01-17T14:42:00.000+0000","sampleCount":5.0,"value":15.398333333333332},{"timestamp":"2022-01-17T14:37:00.000+0000","sampleCount":5.0,"value":11.488333333333333}]}');
  });

  it('uses the short wording when DatapointsToAlarm was not set (SQS DescribeAlarms output)', () => {
    const store = new MetricStore();
    put(store, '2025-05-15T15:29:00Z', [1]);
    const r = evaluateMetricAlarm(alarm({ Statistic: 'Sum', Threshold: 0, TreatMissingData: 'notBreaching' }), store, at('2025-05-15T15:31:44.984Z'));
    expect(r.reason!.reason).toBe('Threshold Crossed: 1 datapoint [1.0 (15/05/25 15:29:00)] was greater than the threshold (0.0).');
    expect(r.reason!.reasonData).toBe('{"version":"1.0","queryDate":"2025-05-15T15:31:44.984+0000","startDate":"2025-05-15T15:29:00.000+0000","statistic":"Sum","period":60,"recentDatapoints":[1.0],"threshold":0.0,"evaluatedDatapoints":[{"timestamp":"2025-05-15T15:29:00.000+0000","sampleCount":1.0,"value":1.0}]}');
  });

  it('words a fully missing range filled as breaching', () => {
    const r = evaluateMetricAlarm(alarm({ Threshold: 1, TreatMissingData: 'breaching' }), new MetricStore(), at('2017-12-06T02:07:44.354Z'));
    expect(r.state).toBe('ALARM');
    expect(r.reason!.reason).toBe('Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Breaching].');
    expect(r.reason!.reasonData).toBe('{"version":"1.0","queryDate":"2017-12-06T02:07:44.354+0000","statistic":"Average","period":60,"recentDatapoints":[],"threshold":1.0}');
    const ok = evaluateMetricAlarm(alarm({ Threshold: 1, TreatMissingData: 'notBreaching' }), new MetricStore(), at('2017-12-06T02:07:44.354Z'));
    expect(ok.reason!.reason).toBe('Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].');
  });

  it('words INSUFFICIENT_DATA with the 5 unknown periods of the range, newest first', () => {
    const r = evaluateMetricAlarm(alarm({ Threshold: 5, Unit: 'Percent' }), new MetricStore(), at('2023-08-04T12:31:29.591Z'));
    expect(r.state).toBe('INSUFFICIENT_DATA');
    expect(r.reason!.reason).toBe('Insufficient Data: 5 datapoints were unknown.');
    expect(r.reason!.reasonData).toBe('{"version":"1.0","queryDate":"2023-08-04T12:31:29.591+0000","statistic":"Average","period":60,"recentDatapoints":[],"threshold":5.0,"evaluatedDatapoints":[{"timestamp":"2023-08-04T12:30:00.000+0000"},{"timestamp":"2023-08-04T12:29:00.000+0000"},{"timestamp":"2023-08-04T12:28:00.000+0000"},{"timestamp":"2023-08-04T12:27:00.000+0000"},{"timestamp":"2023-08-04T12:26:00.000+0000"}]}');
  });
});

describe('evaluation against the store', () => {
  const T = at('2026-11-26T10:00:00Z');

  it('slides a 5-minute period every minute', () => {
    const store = new MetricStore();
    put(store, '2026-11-26T10:00:00Z', [100]);
    const cfg = alarm({ Period: 300, Statistic: 'Maximum' });
    expect(evaluateMetricAlarm(cfg, store, T + 5 * MINUTE).range.at(-1)).toMatchObject({ timestamp: T, value: 100 });
    expect(evaluateMetricAlarm(cfg, store, T + 6 * MINUTE).range.at(-1)).toMatchObject({ timestamp: T + MINUTE, value: undefined });
  });

  it('plays - - - - X, - - - X -, - - X - - over three minutes: ALARM only on the third', () => {
    const store = new MetricStore();
    put(store, '2026-11-26T09:59:00Z', [100]);
    const cfg = alarm({ EvaluationPeriods: 3, DatapointsToAlarm: 3, Statistic: 'Maximum' });
    const states = [0, 1, 2, 3, 4, 5].map((k) => evaluateMetricAlarm(cfg, store, T + k * MINUTE).state);
    expect(states).toEqual(['INSUFFICIENT_DATA', 'INSUFFICIENT_DATA', 'ALARM', 'ALARM', 'ALARM', 'INSUFFICIENT_DATA']);
    const premature = evaluateMetricAlarm(cfg, store, T + 2 * MINUTE);
    expect(premature.reason!.reason).toBe('Threshold Crossed: 1 out of the last 1 datapoints [100.0 (26/11/26 09:59:00)] was greater than the threshold (50.0) (minimum 3 datapoints for OK -> ALARM transition).');
  });

  it('treats AWS/DynamoDB missing data as ignore whatever the setting', () => {
    const r = evaluateMetricAlarm(alarm({ Namespace: 'AWS/DynamoDB', TreatMissingData: 'breaching' }), new MetricStore(), T);
    expect(r.state).toBeUndefined();
  });

  it('keeps its state on low-sample percentiles when told to ignore them', () => {
    expect(lowSampleThreshold(99)).toBeCloseTo(1000);
    expect(lowSampleThreshold(10)).toBeCloseTo(100);
    const store = new MetricStore();
    put(store, '2026-11-26T09:59:00Z', [100, 200]);
    const cfg = alarm({ Statistic: undefined, ExtendedStatistic: 'p99', EvaluateLowSampleCountPercentile: 'ignore' });
    expect(evaluateMetricAlarm(cfg, store, T).state).toBeUndefined();
    expect(evaluateMetricAlarm({ ...cfg, EvaluateLowSampleCountPercentile: 'evaluate' }, store, T).state).toBe('ALARM');
  });

  it('compares with every threshold operator', () => {
    const store = new MetricStore();
    put(store, '2026-11-26T09:59:00Z', [50]);
    const state = (op: MetricAlarmConfig['ComparisonOperator']) => evaluateMetricAlarm(alarm({ ComparisonOperator: op }), store, T).state;
    expect(state('GreaterThanOrEqualToThreshold')).toBe('ALARM');
    expect(state('GreaterThanThreshold')).toBe('OK');
    expect(state('LessThanOrEqualToThreshold')).toBe('ALARM');
    expect(state('LessThanThreshold')).toBe('OK');
  });
});
