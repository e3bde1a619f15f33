import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import type { JsonObject } from '../../../simulator/core/contract';
import type { SimEvent } from '../../../simulator/core/events';
import { START, newAccount, ok, recordingCloudTrail, rootConsole } from '../support';
import { alarmState, createFunction, describeOne, instanceState, runInstance, topicWithEmail } from './account-support';

const history = (acct: Account, c: ReturnType<typeof rootConsole>, name: string, type?: string) =>
  ok(acct.call('cloudwatch:DescribeAlarmHistory', { AlarmName: name, ScanBy: 'TimestampAscending', ...(type ? { HistoryItemType: type } : {}) }, c))['AlarmHistoryItems'] as JsonObject[];

describe('CloudWatch alarms on the account', () => {
  it('a Lambda Errors alarm (2 of 3) goes OK -> ALARM after failing invokes and emails the topic', () => {
    const { acct, ingested } = newAccount();
    const c = rootConsole(acct);
    const events: SimEvent[] = [];
    acct.bus.on((e) => events.push(e));
    createFunction(acct, c, 'orders');
    const topic = topicWithEmail(acct, c, 'ops', 'ops@example.com');
    const put = acct.call('cloudwatch:PutMetricAlarm', {
      AlarmName: 'orders-errors', Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'orders' }],
      Statistic: 'Sum', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [topic], OKActions: [topic],
    }, c);
    ok(put);
    expect(put.records[0]?.eventName).toBe('PutMetricAlarm');
    expect(put.records[0]?.managementEvent).toBe(true);
    expect(alarmState(acct, c, 'orders-errors')).toBe('INSUFFICIENT_DATA');

    ok(acct.call('lambda:Invoke', { FunctionName: 'orders' }, c));
    acct.advance('PT1M');
    expect(alarmState(acct, c, 'orders-errors')).toBe('OK');

    // The function starts failing: one failing minute is not yet enough, the second one is.
    ok(acct.call('sim:SetFunctionBehavior', { FunctionName: 'orders', Outcome: 'Error' }, c));
    ok(acct.call('lambda:Invoke', { FunctionName: 'orders' }, c));
    acct.advance('PT1M');
    expect(alarmState(acct, c, 'orders-errors')).toBe('OK');
    ok(acct.call('lambda:Invoke', { FunctionName: 'orders' }, c));
    acct.advance('PT1M');
    const alarm = describeOne(acct, c, 'orders-errors');
    expect(alarm['StateValue']).toBe('ALARM');
    expect(alarm['StateReason']).toBe('Threshold Crossed: 2 out of the last 3 datapoints [1.0 (01/11/26 00:02:00), 1.0 (01/11/26 00:01:00)] were greater than or equal to the threshold (1.0) (minimum 2 datapoints for OK -> ALARM transition).');

    const inbox = acct.sns.model.deliveries.filter((d) => d.endpoint === 'ops@example.com');
    const last = inbox[inbox.length - 1]!;
    expect(last.subject).toBe('ALARM: "orders-errors" in US East (N. Virginia)');
    const msg = JSON.parse(last.message) as Record<string, unknown>;
    expect(msg).toMatchObject({ AlarmName: 'orders-errors', NewStateValue: 'ALARM', OldStateValue: 'OK', AWSAccountId: '123456789012', Region: 'US East (N. Virginia)' });
    expect(msg['Trigger']).toMatchObject({ MetricName: 'Errors', Namespace: 'AWS/Lambda', Statistic: 'SUM', Dimensions: [{ name: 'FunctionName', value: 'orders' }] });
    expect(last.origin).toEqual({ kind: 'alarm', alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-errors' });
    // CloudWatch published on its own: the Publish record names the service.
    const publish = ingested.filter((r) => r.eventName === 'Publish');
    expect(publish.at(-1)?.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'cloudwatch.amazonaws.com' });

    const changes = events.filter((e) => e.type === 'alarm.stateChanged').map((e) => (e.type === 'alarm.stateChanged' ? `${e.from}->${e.to}@${new Date(e.atMs).toISOString()}` : ''));
    expect(changes).toEqual(['INSUFFICIENT_DATA->OK@2026-11-01T00:01:00.000Z', 'OK->ALARM@2026-11-01T00:03:00.000Z']);
    expect(history(acct, c, 'orders-errors').map((h) => h['HistorySummary'])).toEqual([
      'Alarm "orders-errors" created',
      'Alarm updated from INSUFFICIENT_DATA to OK',
      `Successfully executed action ${topic}`,
      'Alarm updated from OK to ALARM',
      `Successfully executed action ${topic}`,
    ]);
    const action = JSON.parse(String(history(acct, c, 'orders-errors', 'Action').at(-1)?.['HistoryData'])) as Record<string, unknown>;
    expect(action).toMatchObject({ actionState: 'Succeeded', notificationResource: topic });
    expect(JSON.parse(String((JSON.parse(String(action['publishedMessage'])) as Record<string, unknown>)['default']))).toEqual(msg);
  });

  it('an EC2 stop action really stops the instance, and CloudTrail records the StopInstances call', () => {
    const { acct, ingested } = newAccount();
    const c = rootConsole(acct);
    const id = runInstance(acct, c);
    acct.advance('PT1M');
    ok(acct.call('cloudwatch:PutMetricAlarm', {
      AlarmName: 'cpu-high', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: id }],
      Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: ['arn:aws:automate:us-east-1:ec2:stop'],
    }, c));
    const load = acct.call('sim:SetInstanceLoad', { InstanceId: id, CpuPercent: 95 }, c);
    expect(load.ok && load.records).toEqual([]);
    acct.advance('PT5M');
    expect(alarmState(acct, c, 'cpu-high')).toBe('ALARM');
    acct.advance('PT2M');
    expect(instanceState(acct, c, id)).toBe('stopped');
    const stop = ingested.find((r) => r.eventName === 'StopInstances');
    expect(stop?.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'events.amazonaws.com' });
    expect(stop?.sourceIPAddress).toBe('events.amazonaws.com');
    expect(stop?.eventTime).toBe('2026-11-01T00:05:00Z');
    expect(stop?.requestParameters).toEqual({ instancesSet: { items: [{ instanceId: id }] }, force: false });
    expect(history(acct, c, 'cpu-high', 'Action').map((h) => h['HistorySummary'])).toEqual(['Successfully executed action arn:aws:automate:us-east-1:ec2:stop']);
    // A stopped instance publishes nothing: once its data has left the range the alarm has nothing to evaluate.
    acct.advance('PT1H');
    expect(alarmState(acct, c, 'cpu-high')).toBe('INSUFFICIENT_DATA');
  });

  it('SetAlarmState fires the actions of the new state, and the next evaluation puts the alarm back', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const topic = topicWithEmail(acct, c, 'ops', 'ops@example.com');
    ok(acct.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Latency', Value: 120, Unit: 'Milliseconds' }] }, c));
    ok(acct.call('cloudwatch:PutMetricAlarm', {
      AlarmName: 'latency', Namespace: 'Shop', MetricName: 'Latency', Statistic: 'Maximum', Period: 300, EvaluationPeriods: 1,
      Threshold: 500, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [topic],
    }, c));
    acct.advance('PT1M');
    expect(alarmState(acct, c, 'latency')).toBe('OK');
    const missing = acct.call('cloudwatch:SetAlarmState', { AlarmName: 'nope', StateValue: 'ALARM', StateReason: 'test' }, c);
    expect(missing.ok ? '' : missing.error.code).toBe('ResourceNotFound');
    ok(acct.call('cloudwatch:SetAlarmState', { AlarmName: 'latency', StateValue: 'ALARM', StateReason: 'Testing the pager' }, c));
    const now = describeOne(acct, c, 'latency');
    expect([now['StateValue'], now['StateReason']]).toEqual(['ALARM', 'Testing the pager']);
    acct.advance('PT1M');
    expect(alarmState(acct, c, 'latency')).toBe('OK');
    const mails = acct.sns.model.deliveries.filter((d) => d.topicArn === topic);
    expect(mails.map((d) => d.subject)).toEqual(['ALARM: "latency" in US East (N. Virginia)']);
    expect((JSON.parse(mails[0]!.message) as Record<string, unknown>)['NewStateReason']).toBe('Testing the pager');
    expect(history(acct, c, 'latency', 'StateUpdate').map((h) => h['HistorySummary'])).toEqual([
      'Alarm updated from INSUFFICIENT_DATA to OK', 'Alarm updated from OK to ALARM', 'Alarm updated from ALARM to OK',
    ]);
  });

  it('a composite alarm follows its rule over its children', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const metric = (name: string) => ({
      AlarmName: name, Namespace: 'Shop', MetricName: name, Statistic: 'Sum', Period: 60, EvaluationPeriods: 1,
      Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching',
    });
    ok(acct.call('cloudwatch:PutMetricAlarm', metric('Errors5xx'), c));
    ok(acct.call('cloudwatch:PutMetricAlarm', metric('Timeouts'), c));
    ok(acct.call('cloudwatch:PutCompositeAlarm', { AlarmName: 'site-down', AlarmRule: 'ALARM(Errors5xx) AND ALARM("Timeouts")' }, c));
    const created = describeOne(acct, c, 'site-down');
    expect([created['StateValue'], created['StateReason']]).toEqual(['OK', 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:site-down was created and its alarm rule evaluates to OK']);
    const cycle = acct.call('cloudwatch:PutCompositeAlarm', { AlarmName: 'loop', AlarmRule: 'ALARM(loop)' }, c);
    expect(cycle.ok ? '' : cycle.error.code).toBe('ValidationError');
    const ghost = acct.call('cloudwatch:PutCompositeAlarm', { AlarmName: 'g', AlarmRule: 'ALARM(Errors5xx) OR ALARM(Ghost)' }, c);
    expect(ghost.ok ? '' : ghost.error).toEqual({ code: 'ValidationError', message: 'Could not save the composite alarm as alarms [Ghost] in the alarm rule do not exist' });

    ok(acct.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Errors5xx', Value: 3 }] }, c));
    acct.advance('PT1M');
    expect([alarmState(acct, c, 'Errors5xx'), alarmState(acct, c, 'Timeouts'), alarmState(acct, c, 'site-down')]).toEqual(['ALARM', 'OK', 'OK']);
    ok(acct.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Errors5xx', Value: 2 }, { MetricName: 'Timeouts', Value: 1 }] }, c));
    acct.advance('PT1M');
    const site = describeOne(acct, c, 'site-down');
    expect(site['StateValue']).toBe('ALARM');
    expect(site['StateReason']).toBe('arn:aws:cloudwatch:us-east-1:123456789012:alarm:Timeouts transitioned to ALARM at Sunday 1 November, 2026 00:02:00 UTC');
    // DescribeAlarms without AlarmTypes lists metric alarms only.
    const plain = ok(acct.call('cloudwatch:DescribeAlarms', {}, c));
    expect((plain['MetricAlarms'] as JsonObject[]).map((a) => a['AlarmName'])).toEqual(['Errors5xx', 'Timeouts']);
    expect(plain['CompositeAlarms']).toEqual([]);
    // Once their data has left the evaluation range both children recover, and so does the composite.
    acct.advance('PT4M');
    expect(alarmState(acct, c, 'site-down')).toBe('ALARM');
    acct.advance('PT1M');
    expect(alarmState(acct, c, 'site-down')).toBe('OK');
  });

  it('PutMetricAlarm validates as CloudWatch does', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const base = { AlarmName: 'a', Namespace: 'Shop', MetricName: 'm', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' };
    const err = (p: JsonObject) => {
      const r = acct.call('cloudwatch:PutMetricAlarm', p, c);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(err({ ...base, Period: 45 })).toBe('InvalidParameterValue');
    expect(err({ ...base, ExtendedStatistic: 'p99' })).toBe('InvalidParameterCombination');
    expect(err({ ...base, Statistic: 'Median' })).toBe('ValidationError');
    expect(err({ ...base, DatapointsToAlarm: 2 })).toBe('ValidationError');
    expect(err({ ...base, Period: 3000, EvaluationPeriods: 30 })).toBe('ValidationError');
    expect(err({ ...base, ComparisonOperator: 'Bigger' })).toBe('ValidationError');
    expect(err({ ...base, AlarmActions: ['arn:aws:automate:us-east-1:ec2:stop'] })).toBe('ValidationError');
    expect(err({ ...base, TreatMissingData: 'sometimes' })).toBe('ValidationError');
    expect(err(base)).toBe('ok');
    // Deleting an unknown alarm deletes none.
    const del = acct.call('cloudwatch:DeleteAlarms', { AlarmNames: ['a', 'ghost'] }, c);
    expect(del.ok ? '' : del.error.code).toBe('ResourceNotFound');
    expect(alarmState(acct, c, 'a')).toBe('INSUFFICIENT_DATA');
    ok(acct.call('cloudwatch:DeleteAlarms', { AlarmNames: ['a'] }, c));
    expect(ok(acct.call('cloudwatch:DescribeAlarms', {}, c))['MetricAlarms']).toEqual([]);
    // The history of a deleted alarm is kept.
    expect(history(acct, c, 'a').map((h) => h['HistorySummary'])).toEqual(['Alarm "a" created']);
  });

  it('disabled actions do not fire; enabling them again does not replay the transition', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const topic = topicWithEmail(acct, c, 'ops', 'ops@example.com');
    ok(acct.call('cloudwatch:PutMetricAlarm', {
      AlarmName: 'q', Namespace: 'Shop', MetricName: 'Queue', Statistic: 'Maximum', Period: 60, EvaluationPeriods: 1,
      Threshold: 10, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [topic],
    }, c));
    ok(acct.call('cloudwatch:DisableAlarmActions', { AlarmNames: ['q'] }, c));
    expect(describeOne(acct, c, 'q')['ActionsEnabled']).toBe(false);
    ok(acct.call('cloudwatch:PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: 'Queue', Value: 50 }] }, c));
    acct.advance('PT1M');
    expect(alarmState(acct, c, 'q')).toBe('ALARM');
    ok(acct.call('cloudwatch:EnableAlarmActions', { AlarmNames: ['q'] }, c));
    acct.advance('PT1M');
    expect(acct.sns.model.deliveries.filter((d) => d.topicArn === topic)).toEqual([]);
  });

  it('snapshot and restore in the middle of an ALARM continue exactly as the original', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const topic = topicWithEmail(acct, c, 'ops', 'ops@example.com');
    const id = runInstance(acct, c);
    ok(acct.call('ec2:MonitorInstances', { InstanceIds: [id] }, c));
    ok(acct.call('sim:SetInstanceLoad', { InstanceId: id, CpuPercent: 90 }, c));
    ok(acct.call('cloudwatch:PutMetricAlarm', {
      AlarmName: 'cpu', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: id }],
      Statistic: 'Average', Period: 60, EvaluationPeriods: 3, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [topic], OKActions: [topic],
    }, c));
    ok(acct.call('cloudwatch:PutDashboard', { DashboardName: 'ops', DashboardBody: JSON.stringify({ widgets: [{ type: 'text', properties: { markdown: '# ops' } }] }) }, c));
    acct.advance('PT5M');
    expect(alarmState(acct, c, 'cpu')).toBe('ALARM');

    const snap = acct.snapshot();
    const copy = Account.restore(JSON.parse(JSON.stringify(snap)), () => recordingCloudTrail().port);
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(snap));
    for (const a of [acct, copy]) {
      ok(a.call('sim:SetInstanceLoad', { InstanceId: id, CpuPercent: 10 }, c));
      a.advance('PT10M');
    }
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(acct.snapshot()));
    expect(alarmState(copy, c, 'cpu')).toBe('OK');
    expect(copy.sns.model.deliveries.map((d) => d.subject)).toEqual(['ALARM: "cpu" in US East (N. Virginia)', 'OK: "cpu" in US East (N. Virginia)']);
    expect(ok(copy.call('cloudwatch:GetDashboard', { DashboardName: 'ops' }, c))['DashboardName']).toBe('ops');
    expect(START).toBeLessThan(copy.clock.now());
  });
});
