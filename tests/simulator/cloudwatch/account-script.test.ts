import { describe, expect, it } from 'vitest';
import { runScript } from '../../../simulator/cli/script';
import { recordingCloudTrail } from '../support';

describe('CloudWatch through the sim script runner', () => {
  it('a sim script drives metric -> alarm -> email end to end', () => {
    const script = {
      seed: 3,
      start: '2026-11-01T00:00:00Z',
      steps: [
        { call: 'sns:CreateTopic', params: { Name: 'pager' }, as: 'root', region: 'us-east-1', via: 'console' },
        { call: 'sns:Subscribe', params: { TopicArn: '{{steps[0].TopicArn}}', Protocol: 'email', Endpoint: 'me@example.com' }, as: 'root', region: 'us-east-1', via: 'console' },
        {
          call: 'cloudwatch:PutMetricAlarm', as: 'root', region: 'us-east-1', via: 'console',
          params: { AlarmName: 'queue-deep', Namespace: 'Jobs', MetricName: 'QueueDepth', Statistic: 'Maximum', Period: 60, EvaluationPeriods: 2, Threshold: 100, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: ['{{steps[0].TopicArn}}'] },
        },
        { call: 'cloudwatch:PutMetricData', params: { Namespace: 'Jobs', MetricData: [{ MetricName: 'QueueDepth', Value: 250 }] }, as: 'root', region: 'us-east-1', via: 'console', repeat: 2, every: 'PT1M' },
        { advance: 'PT1M' },
        { call: 'cloudwatch:DescribeAlarms', params: { AlarmNames: ['queue-deep'] }, as: 'root', region: 'us-east-1', via: 'console' },
        { call: 'cloudwatch:DescribeAlarmHistory', params: { AlarmName: 'queue-deep', HistoryItemType: 'Action' }, as: 'root', region: 'us-east-1', via: 'console' },
      ],
    };
    const out = runScript(JSON.stringify(script), { cloudTrail: () => recordingCloudTrail().port });
    const answer = (step: number) => {
      const r = out.results.find((x) => x.step === step);
      return r && 'response' in r ? r.response : undefined;
    };
    const describe = answer(5) as unknown as { MetricAlarms: { StateValue: string; StateReason: string }[] };
    expect(describe.MetricAlarms[0]?.StateValue).toBe('ALARM');
    expect(describe.MetricAlarms[0]?.StateReason).toBe('Threshold Crossed: 2 datapoints [250.0 (01/11/26 00:01:00), 250.0 (01/11/26 00:00:00)] were greater than the threshold (100.0).');
    const hist = answer(6) as unknown as { AlarmHistoryItems: { HistorySummary: string }[] };
    expect(hist.AlarmHistoryItems.map((h) => h.HistorySummary)).toEqual(['Successfully executed action arn:aws:sns:us-east-1:123456789012:pager']);
  });
});
