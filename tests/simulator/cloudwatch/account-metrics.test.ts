import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../../simulator/core/contract';
import type { SimEvent } from '../../../simulator/core/events';
import { Account } from '../../../simulator/account';
import { START, newAccount, ok, onlyRecord, recordingCloudTrail, rootConsole } from '../support';
import { createFunction, runInstance } from './account-support';

const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

describe('CloudWatch metrics on the account', () => {
  it('PutMetricData refuses what AWS refuses, and stores nothing from a refused request', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const put = (data: JsonObject[], ns = 'Shop') => {
      const r = acct.call('cloudwatch:PutMetricData', { Namespace: ns, MetricData: data }, c);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(put([{ MetricName: 'm', Value: 1 }], 'AWS/EC2')).toBe('InvalidParameterValue: The value AWS/EC2 for parameter Namespace is invalid.');
    expect(put(Array.from({ length: 1001 }, () => ({ MetricName: 'm', Value: 1 })))).toBe('InvalidParameterValue: The collection MetricData must not have a size greater than 1000.');
    expect(put([{ MetricName: 'm', Value: 1, Timestamp: iso(START - 15 * 86_400_000) }])).toMatch(/^InvalidParameterValue: The parameter MetricData.member.1.Timestamp must specify a time no more than two weeks in the past/);
    expect(put([{ MetricName: 'm', Value: 1, Timestamp: iso(START + 3 * 3_600_000) }])).toMatch(/^InvalidParameterValue: .*no more than two hours in the future\.$/);
    expect(put([{ MetricName: 'm', Value: 1, Dimensions: [{ Name: 'A', Value: 'x' }, { Name: 'A', Value: 'y' }] }])).toMatch(/^InvalidParameterValue/);
    expect(put([{ MetricName: 'm', Value: 1, Dimensions: Array.from({ length: 31 }, (_, i) => ({ Name: `d${i}`, Value: 'v' })) }])).toMatch(/^InvalidParameterValue: The collection MetricData.member.1.Dimensions must not have a size greater than 30\.$/);
    expect(put([{ MetricName: 'm', Value: 1, Unit: 'Furlongs' }])).toMatch(/^InvalidParameterValue: The parameter MetricData.member.1.Unit must be a value in the set/);
    expect(put([{ MetricName: 'm', Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }])).toMatch(/^InvalidParameterCombination/);
    expect(put([{ MetricName: 'm' }])).toMatch(/^InvalidParameterCombination/);
    expect(put([{ MetricName: 'm', Values: [1, 2], Counts: [1] }])).toMatch(/^InvalidParameterValue/);
    expect(put([{ MetricName: 'ok', Value: 1 }, { MetricName: 'bad', Value: 1, StorageResolution: 5 }])).toMatch(/^InvalidParameterValue: The parameter MetricData.member.2.StorageResolution/);
    expect(ok(acct.call('cloudwatch:ListMetrics', { Namespace: 'Shop' }, c))['Metrics']).toEqual([]);
  });

  it('GetMetricStatistics, GetMetricData and ListMetrics read what PutMetricData stored', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const r = acct.call('cloudwatch:PutMetricData', {
      Namespace: 'Shop',
      MetricData: [
        { MetricName: 'Latency', Dimensions: [{ Name: 'Page', Value: 'cart' }], Values: [100, 300], Counts: [3, 1], Unit: 'Milliseconds' },
        { MetricName: 'Latency', Dimensions: [{ Name: 'Page', Value: 'home' }], Value: 50, Unit: 'Milliseconds' },
        { MetricName: 'Orders', StatisticValues: { SampleCount: 4, Sum: 10, Minimum: 1, Maximum: 4 }, Unit: 'Count' },
      ],
    }, c);
    const rec = onlyRecord(r);
    expect([rec.eventSource, rec.eventCategory, rec.managementEvent, rec.readOnly]).toEqual(['monitoring.amazonaws.com', 'Data', false, false]);
    acct.advance('PT2M');
    const stats = ok(acct.call('cloudwatch:GetMetricStatistics', {
      Namespace: 'Shop', MetricName: 'Latency', Dimensions: [{ Name: 'Page', Value: 'cart' }],
      StartTime: iso(START), EndTime: iso(START + 5 * MIN), Period: 60, Statistics: ['SampleCount', 'Average', 'Maximum'], ExtendedStatistics: ['p50'],
    }, c));
    expect(stats).toEqual({ Label: 'Latency', Datapoints: [{ Timestamp: iso(START), SampleCount: 4, Average: 150, Maximum: 300, Unit: 'Milliseconds', ExtendedStatistics: { p50: 100 } }] });
    const data = ok(acct.call('cloudwatch:GetMetricData', {
      StartTime: iso(START), EndTime: iso(START + 5 * MIN),
      MetricDataQueries: [
        { Id: 'cart', MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Latency', Dimensions: [{ Name: 'Page', Value: 'cart' }] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'home', MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Latency', Dimensions: [{ Name: 'Page', Value: 'home' }] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'total', Expression: 'cart + home', Label: 'All pages' },
      ],
    }, c));
    expect(data['MetricDataResults']).toEqual([{ Id: 'total', Label: 'All pages', Timestamps: [iso(START)], Values: [650], StatusCode: 'Complete' }]);
    const byPage = ok(acct.call('cloudwatch:ListMetrics', { Namespace: 'Shop', Dimensions: [{ Name: 'Page' }] }, c))['Metrics'] as JsonObject[];
    expect(byPage.map((m) => (m['Dimensions'] as JsonObject[])[0]?.['Value'])).toEqual(['cart', 'home']);
    const cartOnly = ok(acct.call('cloudwatch:ListMetrics', { Dimensions: [{ Name: 'Page', Value: 'cart' }] }, c))['Metrics'];
    expect(cartOnly).toEqual([{ Namespace: 'Shop', MetricName: 'Latency', Dimensions: [{ Name: 'Page', Value: 'cart' }] }]);
    // A dimension set that was never published is a different metric: nothing comes back for it.
    const none = ok(acct.call('cloudwatch:GetMetricStatistics', { Namespace: 'Shop', MetricName: 'Latency', StartTime: iso(START), EndTime: iso(START + 5 * MIN), Period: 60, Statistics: ['Sum'] }, c));
    expect(none['Datapoints']).toEqual([]);
    const badPeriod = acct.call('cloudwatch:GetMetricStatistics', { Namespace: 'Shop', MetricName: 'Latency', StartTime: iso(START), EndTime: iso(START + 5 * MIN), Period: 45, Statistics: ['Sum'] }, c);
    expect(badPeriod.ok ? '' : badPeriod.error.code).toBe('InvalidParameterValue');
  });

  it('Lambda Invoke publishes AWS/Lambda metrics per function and for all functions', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const points: SimEvent[] = [];
    acct.bus.on((e) => {
      if (e.type === 'metric.datapoint') points.push(e);
    });
    createFunction(acct, c, 'thumbs');
    ok(acct.call('lambda:Invoke', { FunctionName: 'thumbs' }, c));
    ok(acct.call('sim:SetFunctionBehavior', { FunctionName: 'thumbs', Outcome: 'Timeout' }, c));
    ok(acct.call('lambda:Invoke', { FunctionName: 'thumbs', InvocationType: 'Event' }, c));
    ok(acct.call('lambda:Invoke', { FunctionName: 'thumbs', InvocationType: 'DryRun' }, c));
    acct.advance('PT1M');
    const stat = (metric: string, statistic: string, dims: JsonObject[]) => {
      const r = ok(acct.call('cloudwatch:GetMetricStatistics', { Namespace: 'AWS/Lambda', MetricName: metric, Dimensions: dims, StartTime: iso(START), EndTime: iso(START + MIN), Period: 60, Statistics: [statistic] }, c));
      return (r['Datapoints'] as JsonObject[]).map((d) => [d[statistic], d['Unit']]);
    };
    const fn = [{ Name: 'FunctionName', Value: 'thumbs' }];
    expect(stat('Invocations', 'Sum', fn)).toEqual([[2, 'Count']]);
    expect(stat('Errors', 'Sum', fn)).toEqual([[1, 'Count']]);
    expect(stat('Errors', 'Sum', [])).toEqual([[1, 'Count']]);
    // The default timeout is 3 seconds: the timed-out invocation ran for all of it.
    expect(stat('Duration', 'Maximum', fn)).toEqual([[3000, 'Milliseconds']]);
    expect(stat('ConcurrentExecutions', 'Maximum', [])).toEqual([[2, 'Count']]);
    expect(stat('ConcurrentExecutions', 'Maximum', fn)).toEqual([]);
    expect(stat('Throttles', 'Sum', fn)).toEqual([]);
    expect(points.filter((p) => p.type === 'metric.datapoint' && p.metricName === 'Invocations')).toHaveLength(4);
    const bad = acct.call('sim:SetFunctionBehavior', { FunctionName: 'thumbs', Outcome: 'Explode' }, c);
    expect(bad.ok ? '' : bad.error.code).toBe('Sim.InvalidParameter');
  });

  it('EC2 publishes every 5 minutes, every minute with detailed monitoring, and follows the load', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const id = runInstance(acct, c);
    acct.advance('PT10M');
    const cpu = (from: number, to: number) => {
      const r = ok(acct.call('cloudwatch:GetMetricStatistics', { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: id }], StartTime: iso(from), EndTime: iso(to), Period: 60, Statistics: ['Average'] }, c));
      return (r['Datapoints'] as JsonObject[]).map((d) => [d['Timestamp'], d['Average']]);
    };
    expect(cpu(START, START + 10 * MIN)).toEqual([[iso(START), 0.5], [iso(START + 5 * MIN), 0.5]]);
    const mon = acct.call('ec2:MonitorInstances', { InstanceIds: [id] }, c);
    expect(ok(mon)['InstanceMonitorings']).toEqual([{ InstanceId: id, Monitoring: { State: 'pending' } }]);
    expect(onlyRecord(mon).responseElements).toEqual({ requestId: onlyRecord(mon).requestID ?? '', instancesSet: { items: [{ instanceId: id, monitoring: { state: 'pending' } }] } });
    ok(acct.call('sim:SetInstanceLoad', { InstanceId: id, CpuPercent: 40 }, c));
    acct.advance('PT3M');
    expect(cpu(START + 10 * MIN, START + 13 * MIN)).toEqual([[iso(START + 10 * MIN), 40], [iso(START + 11 * MIN), 40], [iso(START + 12 * MIN), 40]]);
    ok(acct.call('ec2:UnmonitorInstances', { InstanceIds: [id] }, c));
    acct.advance('PT12M');
    // Back on basic monitoring: one datapoint per 5 minutes, stamped with the start of its period.
    expect(cpu(START + 13 * MIN, START + 25 * MIN)).toEqual([[iso(START + 15 * MIN), 40], [iso(START + 20 * MIN), 40]]);
    ok(acct.call('ec2:StopInstances', { InstanceIds: [id] }, c));
    acct.advance('PT30M');
    expect(cpu(START + 25 * MIN, START + 55 * MIN)).toEqual([]);
    const unknown = acct.call('ec2:MonitorInstances', { InstanceIds: ['i-0123456789abcdef0'] }, c);
    expect(unknown.ok ? '' : unknown.error.code).toBe('InvalidInstanceID.NotFound');
  });

  it('S3 reports bucket size and object count once a day', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('s3:CreateBucket', { Bucket: 'photos-123' }, c));
    ok(acct.call('s3:PutObject', { Bucket: 'photos-123', Key: 'a.txt', Body: 'hello' }, c));
    ok(acct.call('s3:PutObject', { Bucket: 'photos-123', Key: 'b.txt', Body: 'world!' }, c));
    acct.advance('P1D');
    const day = (metric: string, storage: string) => ok(acct.call('cloudwatch:GetMetricStatistics', {
      Namespace: 'AWS/S3', MetricName: metric, Dimensions: [{ Name: 'BucketName', Value: 'photos-123' }, { Name: 'StorageType', Value: storage }],
      StartTime: iso(START), EndTime: iso(START + 86_400_000), Period: 86_400, Statistics: ['Average'],
    }, c))['Datapoints'];
    expect(day('BucketSizeBytes', 'StandardStorage')).toEqual([{ Timestamp: iso(START), Average: 11, Unit: 'Bytes' }]);
    expect(day('NumberOfObjects', 'AllStorageTypes')).toEqual([{ Timestamp: iso(START), Average: 2, Unit: 'Count' }]);
  });

  it('a snapshot from before alarms existed (raw PutMetricData data) still restores', () => {
    const { acct } = newAccount();
    const snap = acct.snapshot() as { services: Record<string, unknown> };
    snap.services['cloudwatch'] = {
      'us-east-1': {
        data: [{ namespace: 'Shop', metricName: 'Orders', dimensions: [], timestamp: START, receivedAt: START, values: [3], counts: [1], statistics: null, unit: 'Count', storageResolution: 60 }],
        alarms: [],
      },
    };
    const copy = Account.restore(JSON.parse(JSON.stringify(snap)), () => recordingCloudTrail().port);
    const c = rootConsole(copy);
    expect(ok(copy.call('cloudwatch:ListMetrics', {}, c))['Metrics']).toEqual([{ Namespace: 'Shop', MetricName: 'Orders', Dimensions: [] }]);
    const bad = JSON.parse(JSON.stringify(snap)) as { services: Record<string, Json> };
    bad.services['cloudwatch'] = { version: 9 };
    expect(() => Account.restore(bad as unknown as Json, () => recordingCloudTrail().port)).toThrow(/cloudwatch snapshot/);
  });
});
