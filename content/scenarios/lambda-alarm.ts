import type { ScenarioDef, StepWorld } from './types';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ops';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const toAlarm = (w: StepWorld) => w.events.some((e) => e.type === 'alarm.stateChanged' && e.to === 'ALARM' && e.alarmArn.endsWith(':alarm:orders-errors'));

export const lambdaAlarm: ScenarioDef = {
  id: 'lambda-alarm',
  order: 9,
  titleKo: 'Lambda 오류 경보 (M/N과 누락 데이터)',
  goalKo: 'Lambda 함수 orders의 Errors 지표에 "3개 중 2개" 경보를 만들고, 함수가 실패하기 시작하면 ALARM이 되어 이메일 알림이 오는 것을 확인합니다.',
  noteId: 'cloudwatch-alarms',
  defaults: { as: 'root', region: 'us-east-1', via: 'console' },
  setup: [
    { api: 'iam:CreateRole', params: { RoleName: 'fn-role', AssumeRolePolicyDocument: TRUST } },
    {
      api: 'lambda:CreateFunction',
      params: { FunctionName: 'orders', Runtime: 'python3.12', Role: 'arn:aws:iam::123456789012:role/fn-role', Handler: 'app.handler', Code: { ZipFile: btoa('PK\u0003\u0004 code') } },
    },
    { api: 'sns:CreateTopic', params: { Name: 'ops' } },
    { api: 'sns:Subscribe', params: { TopicArn: TOPIC, Protocol: 'email', Endpoint: 'ops@example.com' } },
  ],
  steps: [
    {
      id: 'create-alarm',
      titleKo: '3개 중 2개 경보 만들기',
      instructionKo:
        'AWS/Lambda Errors(FunctionName=orders)에 경보 orders-errors를 만드세요: 통계 Sum, 기간 60초, EvaluationPeriods 3, DatapointsToAlarm 2, 임계값 1 이상, 누락 데이터는 notBreaching, 알림은 ops 토픽.',
      hintKo: `cloudwatch:PutMetricAlarm — ComparisonOperator: GreaterThanOrEqualToThreshold, TreatMissingData: notBreaching, AlarmActions: ["${TOPIC}"]`,
      solution: [
        {
          api: 'cloudwatch:PutMetricAlarm',
          params: {
            AlarmName: 'orders-errors', Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'orders' }],
            Statistic: 'Sum', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            TreatMissingData: 'notBreaching', AlarmActions: [TOPIC],
          },
        },
      ],
      done: (w) =>
        w.calls.some(
          (e) => e.api === 'cloudwatch:PutMetricAlarm' && e.result.ok && e.params['AlarmName'] === 'orders-errors' &&
            e.params['EvaluationPeriods'] === 3 && e.params['DatapointsToAlarm'] === 2 && JSON.stringify(e.params['AlarmActions'] ?? []).includes(TOPIC),
        ),
      mistakes: [
        {
          when: (_w, last) => last.api === 'cloudwatch:PutMetricAlarm' && last.result.ok && !JSON.stringify(last.params['AlarmActions'] ?? []).includes(TOPIC),
          hintKo: '경보는 만들어졌지만 AlarmActions에 ops 토픽이 없어 ALARM이 되어도 알림이 가지 않습니다. 같은 이름으로 다시 만들면 덮어씁니다.',
        },
        {
          when: (_w, last) => last.api === 'cloudwatch:PutMetricAlarm' && last.result.ok && last.params['DatapointsToAlarm'] !== 2,
          hintKo: 'M/N 경보는 DatapointsToAlarm(M)=2, EvaluationPeriods(N)=3입니다. 최근 3개 기간 중 2개가 임계값을 넘으면 ALARM이 됩니다.',
        },
      ],
    },
    {
      id: 'break-function',
      titleKo: '함수가 실패하게 하고 호출하기',
      instructionKo: '함수가 오류를 내도록 바꾸고(sim:SetFunctionBehavior, Outcome=Error), 1분 간격으로 두 번 이상 호출하세요(lambda:Invoke, 시계 +1분). 경보가 ALARM이 될 때까지 지켜보세요.',
      hintKo: '한 번의 실패는 "3개 중 1개"라 아직 OK입니다. 두 번째 실패한 분이 지나면 "3개 중 2개"가 되어 ALARM이 됩니다.',
      solution: [
        { api: 'sim:SetFunctionBehavior', params: { FunctionName: 'orders', Outcome: 'Error' } },
        { api: 'lambda:Invoke', params: { FunctionName: 'orders' } },
        { advance: 'PT1M' },
        { api: 'lambda:Invoke', params: { FunctionName: 'orders' } },
        { advance: 'PT1M' },
      ],
      done: toAlarm,
      mistakes: [
        {
          when: (w, last) => last.api === 'lambda:Invoke' && !w.calls.some((e) => e.api === 'sim:SetFunctionBehavior' && e.params['Outcome'] === 'Error'),
          hintKo: '함수가 아직 성공하고 있습니다. 먼저 sim:SetFunctionBehavior로 Outcome=Error를 설정하세요.',
        },
      ],
    },
    {
      id: 'read-mail',
      titleKo: '알림 메일 읽기',
      instructionKo: '받은 편지함(sim:ReadInbox)에서 경보 알림을 여세요. NewStateValue와 NewStateReason에 무엇이 적혀 있나요?',
      hintKo: 'ALARM으로 바뀔 때 한 번만 알림이 갑니다(상태가 바뀔 때만 동작). 받은 편지함을 읽으세요.',
      solution: [{ api: 'sim:ReadInbox', params: {} }],
      done: (w) => w.calls.some((e) => e.api === 'sim:ReadInbox' && e.result.ok && JSON.stringify(e.result.response).includes('orders-errors') && JSON.stringify(e.result.response).includes('ALARM')),
    },
  ],
};
