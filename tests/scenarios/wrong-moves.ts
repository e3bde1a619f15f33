import type { ScenarioAction } from '../../content/scenarios/types';

/** Per scenario: a step, the wrong moves a learner makes there, and part of the hint they must get. */
export const WRONG_MOVES: Record<string, { atStep: number; moves: ScenarioAction[]; hintContains: string }> = {
  'console-login': {
    atStep: 1,
    // Looks in the Region they were working in, where the global-endpoint sign-in is not.
    moves: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }] }, region: 'ap-northeast-2' }],
    hintContains: 'us-east-1',
  },
  'management-vs-data': {
    atStep: 1,
    // Turns management events off while adding the data selector.
    moves: [
      {
        api: 'cloudtrail:PutEventSelectors',
        params: { TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::photos/'] }] }] },
      },
    ],
    hintContains: 'IncludeManagementEvents',
  },
  'vpc-subnet': {
    atStep: 1,
    moves: [{ api: 'ec2:CreateVpc', params: { CidrBlock: '10.0.0.0/16' } }, { api: 'ec2:CreateSubnet', params: { VpcId: 'vpc-00000000000000000', CidrBlock: '10.0.1.0/24' } }],
    hintContains: 'InvalidVpcID.NotFound',
  },
  'security-change': {
    atStep: 1,
    moves: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AttachRolePolicy' }] } }],
    hintContains: '2021년 11월',
  },
  'after-90-days': {
    atStep: 2,
    // Looks again without moving the clock: the event is still there.
    moves: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateBucket' }] } }],
    hintContains: '+91일',
  },
  'read-write-trails': {
    atStep: 0,
    moves: [{ api: 'cloudtrail:PutEventSelectors', params: { TrailName: 'writes', EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true }] } }],
    hintContains: 'WriteOnly',
  },
  'global-service-events': {
    atStep: 0,
    // Creates the user in the wrong way: a different name, so the step's check is not satisfied.
    moves: [{ api: 'iam:CreateUser', params: { UserName: 'caroll' } }],
    hintContains: 'carol',
  },
  'log-integrity': {
    atStep: 1,
    // Changes an object that is not a CloudTrail log file.
    moves: [{ api: 's3:PutObject', params: { Bucket: 'evidence', Key: 'note.txt', Body: 'x' } }],
    hintContains: 'CloudTrail 로그 파일이 아닌',
  },
  'lambda-alarm': {
    atStep: 0,
    moves: [
      {
        api: 'cloudwatch:PutMetricAlarm',
        params: {
          AlarmName: 'orders-errors', Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'orders' }],
          Statistic: 'Sum', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        },
      },
    ],
    hintContains: 'AlarmActions',
  },
  'eventbridge-transformer': {
    atStep: 0,
    // Matches API calls, which a console sign-in is not.
    moves: [{ api: 'events:PutRule', params: { Name: 'console-logins', EventPattern: JSON.stringify({ 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['ConsoleLogin'] } }) } }],
    hintContains: 'AWS Console Sign In via CloudTrail',
  },
  'cis-root-usage': {
    atStep: 0,
    moves: [{ api: 'sim:ApplyCisPreset', params: { PresetId: 'CloudWatch.1', LogGroupName: 'CloudTrail/audit' } }],
    hintContains: 'TopicArn',
  },
  'insights-burst': {
    atStep: 2,
    // Bursts, then looks in the ordinary event history, where Insights events are not listed.
    moves: [
      { traffic: { api: 's3:DeleteBucket', params: { Bucket: 'tmp-reports' }, perMinute: 100, minutes: 10 } },
      { advance: 'PT10M' },
      { api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DeleteBucket' }] } },
    ],
    hintContains: 'EventCategory',
  },
};
