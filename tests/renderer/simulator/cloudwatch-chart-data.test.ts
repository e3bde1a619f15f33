import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { alarmQuery, alarmWindow, breaches, tickLabel, timeTicks, groupByNamespace, metricIdOf, metricQuery, seriesOf } from '../../../renderer/src/areas/simulator/chart-data';

const ROOT = { as: 'root', region: 'us-east-1', via: 'console' as const };
const START = Date.parse('2026-11-23T00:00:00Z');

function ok(r: ReturnType<Account['call']>): Record<string, unknown> {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.response;
}

describe('chart data from CloudWatch answers', () => {
  it('compares with each operator the way the alarm does, and never for anomaly bands', () => {
    expect(breaches('GreaterThanOrEqualToThreshold', 1, 1)).toBe(true);
    expect(breaches('GreaterThanThreshold', 1, 1)).toBe(false);
    expect(breaches('LessThanThreshold', 1, 0.5)).toBe(true);
    expect(breaches('LessThanOrEqualToThreshold', 1, 2)).toBe(false);
    expect(breaches('LessThanLowerOrGreaterThanUpperThreshold', 1, 99)).toBe(false);
  });

  it('draws the alarm metric from a real GetMetricData answer, oldest first, with the breaching points marked', () => {
    const a = new Account({ seed: 1, startMs: START });
    ok(a.call('cloudwatch:PutMetricAlarm', { AlarmName: 'errors', Namespace: 'App', MetricName: 'Errors', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 3, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }, ROOT));
    for (const value of [1, 5, 2]) {
      ok(a.call('cloudwatch:PutMetricData', { Namespace: 'App', MetricData: [{ MetricName: 'Errors', Value: value }] }, ROOT));
      a.advance(60_000);
    }
    a.advance(60_000);
    const alarm = (ok(a.call('cloudwatch:DescribeAlarms', { AlarmNames: ['errors'] }, ROOT))['MetricAlarms'] as Record<string, unknown>[])[0]!;
    const q = alarmQuery(alarm, a.clock.now())!;
    expect(q.resultId).toBe('m1');
    const res = ok(a.call('cloudwatch:GetMetricData', q.params as never, ROOT));
    const points = seriesOf((res['MetricDataResults'] as Record<string, unknown>[])[0], { operator: 'GreaterThanOrEqualToThreshold', value: 3 });
    expect(points.map((p) => [new Date(p.t).toISOString().slice(11, 16), p.v, p.breaching])).toEqual([
      ['00:00', 1, false],
      ['00:01', 5, true],
      ['00:02', 2, false],
    ]);
  });

  it('groups ListMetrics by namespace and asks GetMetricData for the chosen statistic and period', () => {
    const a = new Account({ seed: 1, startMs: START });
    ok(a.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Orders', Value: 2, Dimensions: [{ Name: 'Store', Value: 'seoul' }] }, { MetricName: 'Orders', Value: 4 }] }, ROOT));
    ok(a.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Orders', Value: 6 }] }, ROOT));
    ok(a.call('cloudwatch:PutMetricData', { Namespace: 'App', MetricData: [{ MetricName: 'Errors', Value: 1 }] }, ROOT));
    a.advance(120_000);
    const metrics = (ok(a.call('cloudwatch:ListMetrics', {}, ROOT))['Metrics'] as Record<string, unknown>[]).map(metricIdOf);
    const groups = groupByNamespace(metrics);
    expect(groups.map(([ns, ms]) => [ns, ms.length])).toEqual([['App', 1], ['Shop', 2]]);
    const plain = groups[1]![1].find((m) => m.Dimensions.length === 0)!;
    const res = ok(a.call('cloudwatch:GetMetricData', metricQuery(plain, 'Sum', 300, START - 600_000, START + 600_000) as never, ROOT));
    expect(seriesOf((res['MetricDataResults'] as Record<string, unknown>[])[0]).map((p) => p.v)).toEqual([10]);
    const avg = ok(a.call('cloudwatch:GetMetricData', metricQuery(plain, 'Average', 60, START - 600_000, START + 600_000) as never, ROOT));
    expect(seriesOf((avg['MetricDataResults'] as Record<string, unknown>[])[0]).map((p) => p.v)).toEqual([5]);
  });

  it('has nothing to draw for a composite alarm, and draws metric-math alarms from their returned query', () => {
    expect(alarmQuery({ AlarmName: 'c', AlarmRule: 'ALARM(a)' }, START)).toBeUndefined();
    const q = alarmQuery({ AlarmName: 'm', Period: 60, EvaluationPeriods: 1, Metrics: [{ Id: 'e', MetricStat: {}, ReturnData: false }, { Id: 'rate', Expression: 'e*100' }] }, START)!;
    expect(q.resultId).toBe('rate');
  });

  it('spaces time ticks on round minutes and shows the date once a window spans days', () => {
    const end = Date.parse('2026-11-23T03:05:00Z');
    expect(timeTicks(end - 3 * 3600_000, end).map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['00:30', '01:00', '01:30', '02:00', '02:30', '03:00']);
    expect(timeTicks(end - 3600_000, end)).toHaveLength(6);
    expect(tickLabel(7 * 86_400_000)(end)).toBe('11-23 03:05');
    expect(tickLabel(3600_000)(end)).toBe('03:05');
    // An alarm graph covers at least an hour and ends on the minute after now.
    expect(alarmWindow({ Period: 60, EvaluationPeriods: 1 }, end - 30_000)).toEqual({ startMs: end - 3600_000, endMs: end });
    expect(alarmWindow({ Period: 3600, EvaluationPeriods: 3 }, end).startMs).toBe(end - 23 * 3600_000);
  });
});
