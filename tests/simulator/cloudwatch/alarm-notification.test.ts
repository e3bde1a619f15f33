import { describe, expect, it } from 'vitest';
import { cloudWatchIso } from '../../../simulator/cloudwatch/alarm-format';
import type { AlarmActionRequest, AlarmConfig, AlarmContext } from '../../../simulator/cloudwatch/alarm-machine';
import { alarmNotification, regionDisplayName } from '../../../simulator/cloudwatch/alarm-runner-actions';

/** The notification body built whole and serialized at once (how it was written before its parts were kept). */
function reference(region: string, accountId: string, ctx: AlarmContext, req: AlarmActionRequest): string {
  const c = ctx.config;
  const body: Record<string, unknown> = {
    AlarmName: c.AlarmName, AlarmDescription: c.AlarmDescription ?? null, AWSAccountId: accountId,
    AlarmConfigurationUpdatedTimestamp: cloudWatchIso(ctx.configUpdatedTimestamp), NewStateValue: req.newState, NewStateReason: req.reason,
    StateChangeTime: cloudWatchIso(req.timestamp), Region: regionDisplayName(region), AlarmArn: c.AlarmArn, OldStateValue: req.oldState,
    OKActions: c.OKActions ?? [], AlarmActions: c.AlarmActions ?? [], InsufficientDataActions: c.InsufficientDataActions ?? [],
  };
  if ('AlarmRule' in c) body['AlarmRule'] = c.AlarmRule;
  else {
    body['Trigger'] = {
      MetricName: c.MetricName, Namespace: c.Namespace, StatisticType: c.ExtendedStatistic !== undefined ? 'ExtendedStatistic' : 'Statistic',
      Statistic: c.ExtendedStatistic ?? (c.Statistic ?? '').toUpperCase(), Unit: c.Unit ?? null,
      Dimensions: (c.Dimensions ?? []).map((d) => ({ name: d.Name, value: d.Value })), Period: c.Period, EvaluationPeriods: c.EvaluationPeriods,
      ...(c.DatapointsToAlarm !== undefined ? { DatapointsToAlarm: c.DatapointsToAlarm } : {}),
      ComparisonOperator: c.ComparisonOperator, Threshold: c.Threshold, TreatMissingData: c.TreatMissingData ?? '',
      EvaluateLowSampleCountPercentile: c.EvaluateLowSampleCountPercentile ?? '',
    };
  }
  return JSON.stringify(body);
}

const ARN = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:';
const configs: AlarmConfig[] = [
  { AlarmName: 'plain', AlarmArn: `${ARN}plain`, Namespace: 'Bench', MetricName: 'M', Statistic: 'Sum', Period: 300, EvaluationPeriods: 2, Threshold: 10, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', AlarmActions: ['arn:aws:sns:us-east-1:123456789012:t'] },
  { AlarmName: 'full "quoted" 경보', AlarmArn: `${ARN}full`, AlarmDescription: 'CPU\nhigh', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: 'i-0abc' }], ExtendedStatistic: 'p90', Unit: 'Percent', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 80.5, ComparisonOperator: 'GreaterThanThreshold', EvaluateLowSampleCountPercentile: 'ignore', OKActions: ['a'], InsufficientDataActions: ['b'] },
  { AlarmName: 'composite', AlarmArn: `${ARN}composite`, AlarmRule: 'ALARM("plain") OR ALARM("full")', AlarmActions: ['arn:aws:sns:us-east-1:123456789012:t'] },
];

function context(config: AlarmConfig, configUpdatedTimestamp: number): AlarmContext {
  return {
    alarmType: 'AlarmRule' in config ? 'CompositeAlarm' : 'MetricAlarm', config, stateValue: 'ALARM', stateReason: 'r',
    stateUpdatedTimestamp: 0, stateTransitionedTimestamp: 0, configUpdatedTimestamp, history: [], outbox: [],
  };
}

describe('alarm notifications', () => {
  it('are the JSON of the whole body, whatever was written for the same configuration before', () => {
    for (const config of configs) {
      for (const [region, account] of [['us-east-1', '123456789012'], ['ap-northeast-2', '123456789012'], ['us-east-1', '210987654321']] as const) {
        for (const [i, reason] of ['Threshold Crossed: 1 datapoint [12.0 (26/11/26 10:01:00)] was "greater"', 'Insufficient Data: 5 datapoints were unknown.'].entries()) {
          const ctx = context(config, 1_764_000_000_000 + i);
          const req: AlarmActionRequest = {
            arn: 'arn:aws:sns:us-east-1:123456789012:t', alarmName: config.AlarmName, alarmArn: config.AlarmArn,
            newState: i === 0 ? 'ALARM' : 'INSUFFICIENT_DATA', oldState: i === 0 ? 'OK' : 'ALARM', reason, timestamp: 1_764_100_000_000 + i * 60_000,
          };
          const got = alarmNotification(region, account, ctx, req);
          expect(got.message).toBe(reference(region, account, ctx, req));
          expect(got.subject).toBe(`${req.newState}: "${config.AlarmName}" in ${regionDisplayName(region)}`);
        }
      }
    }
  });
});
