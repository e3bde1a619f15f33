import { trailSetup } from './checks';
import type { CallLogEntry, ScenarioDef } from './types';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';
const TOPIC_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AllowEventBridge', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: TOPIC }],
});
const PATTERN = { source: ['aws.signin'], 'detail-type': ['AWS Console Sign In via CloudTrail'] };
const TRANSFORMER = {
  InputPathsMap: { who: '$.detail.userIdentity.arn', when: '$.detail.eventTime', ip: '$.detail.sourceIPAddress', mfa: '$.detail.additionalEventData.MFAUsed' },
  InputTemplate: '"콘솔 로그인: <who> (<when>, IP <ip>, MFA <mfa>)"',
};

const patternOf = (e: CallLogEntry): Record<string, unknown> | null => {
  try {
    return JSON.parse(String(e.params['EventPattern'] ?? 'null')) as Record<string, unknown> | null;
  } catch {
    return null;
  }
};
const targetsOf = (e: CallLogEntry) => (Array.isArray(e.params['Targets']) ? (e.params['Targets'] as Record<string, unknown>[]) : []);
const inboxMessages = (e: CallLogEntry): string[] =>
  e.api === 'sim:ReadInbox' && e.result.ok ? ((e.result.response['Notifications'] ?? []) as { Message?: string }[]).map((n) => String(n.Message ?? '')) : [];

export const eventbridgeTransformer: ScenarioDef = {
  id: 'eventbridge-transformer',
  order: 10,
  titleKo: '긴 JSON에서 필요한 부분만 알림으로 (EventBridge 입력 변환기)',
  goalKo: '콘솔 로그인 이벤트에 EventBridge 규칙을 걸고, 입력 변환기로 긴 CloudTrail 레코드에서 누가·언제·어디서만 뽑아 한 줄짜리 알림을 받습니다.',
  noteId: 'eventbridge-notifications',
  defaults: { as: 'root', region: 'us-east-1', via: 'console' },
  setup: [
    ...trailSetup('main', 'bus-logs-123456789012'),
    { api: 'sns:CreateTopic', params: { Name: 'alerts' } },
    { api: 'sns:Subscribe', params: { TopicArn: TOPIC, Protocol: 'email', Endpoint: 'security@example.com' } },
    { api: 'sns:SetTopicAttributes', params: { TopicArn: TOPIC, AttributeName: 'Policy', AttributeValue: TOPIC_POLICY } },
  ],
  steps: [
    {
      id: 'rule',
      titleKo: '콘솔 로그인 규칙 만들기',
      instructionKo: '기본 이벤트 버스에 규칙 console-logins를 만드세요(events:PutRule). 이벤트 패턴은 콘솔 로그인 이벤트("AWS Console Sign In via CloudTrail")와 일치해야 합니다.',
      hintKo: `EventPattern: ${JSON.stringify(PATTERN)}`,
      solution: [{ api: 'events:PutRule', params: { Name: 'console-logins', EventPattern: JSON.stringify(PATTERN) } }],
      done: (w) => w.calls.some((e) => e.api === 'events:PutRule' && e.result.ok && JSON.stringify(patternOf(e) ?? {}).includes('AWS Console Sign In via CloudTrail')),
      mistakes: [
        {
          when: (_w, last) => last.api === 'events:PutRule' && last.result.ok && JSON.stringify(patternOf(last) ?? {}).includes('AWS API Call via CloudTrail'),
          hintKo: '콘솔 로그인은 API 호출이 아니라서 detail-type이 "AWS API Call via CloudTrail"이 아니라 "AWS Console Sign In via CloudTrail"입니다.',
        },
      ],
    },
    {
      id: 'target',
      titleKo: '입력 변환기를 단 대상 추가',
      instructionKo: '규칙의 대상으로 alerts 토픽을 추가하세요(events:PutTargets). 이벤트 전체가 아니라 사용자 ARN, 시각, IP, MFA 사용 여부만 담은 한 줄 메시지를 보내도록 InputTransformer를 쓰세요.',
      hintKo: `InputTransformer: ${JSON.stringify(TRANSFORMER)}`,
      solution: [{ api: 'events:PutTargets', params: { Rule: 'console-logins', Targets: [{ Id: 'mail', Arn: TOPIC, InputTransformer: TRANSFORMER }] } }],
      done: (w) => w.calls.some((e) => e.api === 'events:PutTargets' && e.result.ok && targetsOf(e).some((t) => t['Arn'] === TOPIC && t['InputTransformer'] !== undefined)),
      mistakes: [
        {
          when: (_w, last) => last.api === 'events:PutTargets' && last.result.ok && targetsOf(last).every((t) => t['InputTransformer'] === undefined),
          hintKo: '변환기가 없으면 긴 이벤트 JSON 전체가 메일로 갑니다. InputPathsMap으로 필요한 값을 뽑고 InputTemplate으로 문장을 만드세요.',
        },
      ],
    },
    {
      id: 'sign-in-and-read',
      titleKo: '로그인하고 알림 읽기',
      instructionKo: '콘솔에 로그인한 뒤(signin:ConsoleLogin) 받은 편지함(sim:ReadInbox)에서 한 줄짜리 알림을 확인하세요.',
      hintKo: '로그인 레코드가 추적에 기록되면 기본 이벤트 버스로 가고, 규칙이 일치하면 변환된 메시지가 토픽으로 갑니다.',
      solution: [{ api: 'signin:ConsoleLogin', params: { success: true, mfa: false } }, { api: 'sim:ReadInbox', params: {} }],
      done: (w) => w.calls.some((e) => inboxMessages(e).some((m) => m.includes('콘솔 로그인: arn:aws:iam::123456789012:') && !m.includes('"eventVersion"'))),
    },
  ],
};
