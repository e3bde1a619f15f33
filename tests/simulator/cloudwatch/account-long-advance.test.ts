import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../simulator/core/contract';
import { newAccount, ok, rootConsole } from '../support';
import { createFunction, runInstance, topicWithEmail } from './account-support';

describe('CloudWatch over a long advance', () => {
  it('advancing 91 days with 100 alarms and a running instance stays fast and ends where it should', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const topic = topicWithEmail(acct, c, 'ops', 'ops@example.com');
    const id = runInstance(acct, c);
    createFunction(acct, c, 'jobs');
    ok(acct.call('lambda:Invoke', { FunctionName: 'jobs' }, c));
    // 40 alarms on the instance's metrics (data every 5 minutes for 91 days), 30 on Lambda, 30 on custom metrics.
    for (let i = 0; i < 40; i++) {
      ok(acct.call('cloudwatch:PutMetricAlarm', {
        AlarmName: `ec2-${i}`, Namespace: 'AWS/EC2', MetricName: i % 2 ? 'CPUUtilization' : 'NetworkIn', Dimensions: [{ Name: 'InstanceId', Value: id }],
        Statistic: 'Average', Period: 300, EvaluationPeriods: 1 + (i % 3), Threshold: i % 2 ? 50 : 5_000_000, ComparisonOperator: 'GreaterThanThreshold',
        ...(i === 1 ? { AlarmActions: [topic] } : {}),
      }, c));
    }
    for (let i = 0; i < 30; i++) {
      ok(acct.call('cloudwatch:PutMetricAlarm', {
        AlarmName: `lambda-${i}`, Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'jobs' }],
        Statistic: 'Sum', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: ['missing', 'notBreaching', 'breaching', 'ignore'][i % 4] ?? 'missing',
      }, c));
    }
    for (let i = 0; i < 30; i++) {
      ok(acct.call('cloudwatch:PutMetricAlarm', {
        AlarmName: `custom-${i}`, Namespace: 'Shop', MetricName: `Orders${i % 5}`, Statistic: 'Sum', Period: 3600, EvaluationPeriods: 2, Threshold: 10, ComparisonOperator: 'LessThanThreshold',
      }, c));
    }
    acct.advance('P45D');
    // Halfway the load rises above the CPU alarms' threshold.
    ok(acct.call('sim:SetInstanceLoad', { InstanceId: id, CpuPercent: 75 }, c));
    const started = performance.now();
    acct.advance('P46D');
    const ms = performance.now() - started;
    console.log(`advance P46D (after P45D) with 100 alarms: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(30_000);

    const all = ok(acct.call('cloudwatch:DescribeAlarms', { MaxRecords: 100 }, c))['MetricAlarms'] as JsonObject[];
    const states = Object.fromEntries(all.map((a) => [a['AlarmName'], a['StateValue']]));
    expect(all).toHaveLength(100);
    expect(states['ec2-1']).toBe('ALARM');
    expect(states['ec2-0']).toBe('OK');
    // Lambda data is long gone: each TreatMissingData answers the all-missing range its own way.
    expect([states['lambda-0'], states['lambda-1'], states['lambda-2'], states['lambda-3']]).toEqual(['INSUFFICIENT_DATA', 'OK', 'ALARM', 'OK']);
    expect(states['custom-0']).toBe('INSUFFICIENT_DATA');
    expect(acct.sns.model.deliveries.filter((d) => d.topicArn === topic).map((d) => d.subject)).toEqual(['ALARM: "ec2-1" in US East (N. Virginia)']);
    // Retention: 91-day-old 5-minute data is kept only at one-hour resolution.
    const old = ok(acct.call('cloudwatch:GetMetricStatistics', {
      Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: id }],
      StartTime: new Date(acct.clock.now() - 90 * 86_400_000).toISOString(), EndTime: new Date(acct.clock.now() - 89 * 86_400_000).toISOString(),
      Period: 3600, Statistics: ['SampleCount', 'Average'],
    }, c))['Datapoints'] as JsonObject[];
    expect(old).toHaveLength(24);
    expect(old[0]).toMatchObject({ SampleCount: 12, Average: 0.5 });
  });
});
