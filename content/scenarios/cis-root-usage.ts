import { ACCOUNT, ADMIN, trailBucketPolicy } from './checks';
import type { ScenarioDef, StepWorld } from './types';

const GROUP = 'CloudTrail/audit';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:security';
const CT_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const WRITE_LOGS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${GROUP}:*` }],
});
const ADMIN_CTX = { as: 'admin', region: 'us-east-1', via: 'cli' as const };
const rootAlarm = (w: StepWorld) => w.events.some((e) => e.type === 'alarm.stateChanged' && e.to === 'ALARM' && /root/i.test(e.alarmName));

export const cisRootUsage: ScenarioDef = {
  id: 'cis-root-usage',
  order: 11,
  titleKo: 'CIS 경보: 루트 계정 사용 감지',
  goalKo: 'CIS AWS Foundations 모니터링 항목(CloudWatch.1)을 적용해 추적 → CloudWatch Logs → 지표 필터 → 경보 → 이메일을 잇고, 루트 로그인이 경보를 울리는 것을 봅니다.',
  noteId: 'metric-filters-cis',
  // The learner works as an IAM administrator, so their own set-up is not root usage.
  defaults: ADMIN_CTX,
  setup: [
    { api: 'iam:CreateUser', params: { UserName: 'admin' } },
    { api: 'iam:CreateAccessKey', params: { UserName: 'admin' } },
    { api: 'iam:AttachUserPolicy', params: { UserName: 'admin', PolicyArn: ADMIN } },
    { api: 's3:CreateBucket', params: { Bucket: 'audit-123456789012' }, ...ADMIN_CTX },
    { api: 's3:PutBucketPolicy', params: { Bucket: 'audit-123456789012', Policy: trailBucketPolicy('audit-123456789012') }, ...ADMIN_CTX },
    { api: 'logs:CreateLogGroup', params: { logGroupName: GROUP }, ...ADMIN_CTX },
    { api: 'iam:CreateRole', params: { RoleName: 'ct-to-logs', AssumeRolePolicyDocument: CT_TRUST }, ...ADMIN_CTX },
    { api: 'iam:PutRolePolicy', params: { RoleName: 'ct-to-logs', PolicyName: 'write', PolicyDocument: WRITE_LOGS }, ...ADMIN_CTX },
    {
      api: 'cloudtrail:CreateTrail',
      params: {
        Name: 'audit', S3BucketName: 'audit-123456789012', IsMultiRegionTrail: true,
        CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${GROUP}:*`, CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/ct-to-logs`,
      },
      ...ADMIN_CTX,
    },
    { api: 'cloudtrail:StartLogging', params: { Name: 'audit' }, ...ADMIN_CTX },
    { api: 'sns:CreateTopic', params: { Name: 'security' }, ...ADMIN_CTX },
    { api: 'sns:Subscribe', params: { TopicArn: TOPIC, Protocol: 'email', Endpoint: 'security@example.com' }, ...ADMIN_CTX },
  ],
  steps: [
    {
      id: 'apply-preset',
      titleKo: 'CIS 루트 사용 경보 적용',
      instructionKo: `로그 그룹 ${GROUP}에 CIS 항목 CloudWatch.1(루트 사용자 사용)을 적용하세요. 지표 필터와 경보가 만들어지고 경보는 security 토픽으로 알립니다.`,
      hintKo: `sim:ApplyCisPreset {PresetId: "CloudWatch.1", LogGroupName: "${GROUP}", TopicArn: "${TOPIC}"} — 실제로는 logs:PutMetricFilter와 cloudwatch:PutMetricAlarm 두 호출입니다.`,
      solution: [{ api: 'sim:ApplyCisPreset', params: { PresetId: 'CloudWatch.1', LogGroupName: GROUP, TopicArn: TOPIC } }],
      done: (w) =>
        w.calls.some((e) => e.api === 'logs:PutMetricFilter' && e.result.ok) && w.calls.some((e) => e.api === 'cloudwatch:PutMetricAlarm' && e.result.ok && JSON.stringify(e.params).includes(TOPIC))
        || w.calls.some((e) => e.api === 'sim:ApplyCisPreset' && e.result.ok && e.params['PresetId'] === 'CloudWatch.1' && e.params['TopicArn'] === TOPIC),
      mistakes: [
        {
          when: (_w, last) => last.api === 'sim:ApplyCisPreset' && last.result.ok && last.params['TopicArn'] === undefined,
          hintKo: '필터와 경보는 생겼지만 알릴 토픽(TopicArn)이 없습니다. security 토픽을 넣어 다시 적용하세요.',
        },
      ],
    },
    {
      id: 'root-signs-in',
      titleKo: '루트로 로그인',
      instructionKo: '루트 사용자로 콘솔에 로그인하세요(as: root, signin:ConsoleLogin). CIS는 루트 사용을 최소화하라고 권합니다. 이 로그인이 감지되어야 합니다.',
      hintKo: '신원 전환에서 root를 고르고 콘솔 로그인을 실행하세요.',
      solution: [{ api: 'signin:ConsoleLogin', params: { success: true, mfa: true }, as: 'root', via: 'console' }],
      done: (w) => w.calls.some((e) => e.result.records.some((r) => r.eventName === 'ConsoleLogin' && r.userIdentity.type === 'Root')),
    },
    {
      id: 'alarm-fires',
      titleKo: '경보가 울릴 때까지 기다리기',
      instructionKo: '시계를 앞으로 돌리세요. 추적이 레코드를 CloudWatch Logs로 보내고, 지표 필터가 1을 기록하고, 5분 기간 경보가 ALARM이 되어 메일을 보낼 때까지.',
      hintKo: '+10분 정도면 충분합니다. 레코드 전달 → 지표 필터 → 5분 기간 평가 순서로 일어납니다.',
      solution: [{ advance: 'PT10M' }],
      done: (w) => rootAlarm(w) && w.events.some((e) => e.type === 'notification.delivered' && e.topicArn === TOPIC),
    },
  ],
};
