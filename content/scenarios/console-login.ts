import { consoleUser, foundInHistory, lookups, lookedUpIds, recordsOf } from './checks';
import type { ScenarioDef, StepWorld } from './types';

const aliceLogin = (w: { calls: StepWorld['calls'] }) =>
  recordsOf(w.calls, 'ConsoleLogin').find(
    (r) => r.userIdentity.userName === 'alice' && r.responseElements?.['ConsoleLogin'] === 'Success' && r.additionalEventData?.['MFAUsed'] === 'No',
  );

export const consoleLogin: ScenarioDef = {
  id: 'console-login',
  order: 1,
  titleKo: '콘솔 로그인을 추적하기',
  goalKo: 'IAM 사용자 alice로 MFA 없이 콘솔에 로그인하고, 그 ConsoleLogin 이벤트를 올바른 리전의 이벤트 기록에서 찾습니다.',
  noteId: 'event-types',
  defaults: { as: 'alice', region: 'ap-northeast-2', via: 'console' },
  setup: consoleUser('alice'),
  steps: [
    {
      id: 'sign-in',
      titleKo: 'MFA 없이 로그인',
      instructionKo: 'alice로 AWS 관리 콘솔에 로그인하세요. MFA는 사용하지 않습니다(signin:ConsoleLogin, mfa: false).',
      hintKo: '콘솔 로그인은 API 호출이 아닌 비 API 이벤트지만 CloudTrail에 ConsoleLogin으로 기록됩니다. 작업 목록의 "콘솔 로그인"에서 성공(success: true), MFA 없음(mfa: false)으로 실행하세요.',
      solution: [{ api: 'signin:ConsoleLogin', params: { success: true, mfa: false } }],
      done: (w) => aliceLogin(w) !== undefined,
      mistakes: [
        {
          when: (_w, last) => last.api === 'signin:ConsoleLogin' && recordsOf([last], 'ConsoleLogin').some((r) => r.responseElements?.['ConsoleLogin'] === 'Failure'),
          hintKo: '로그인 실패도 ConsoleLogin(errorMessage "Failed authentication")으로 기록됩니다. 이번 단계는 성공한 로그인이 필요합니다.',
        },
        {
          when: (_w, last) => last.api === 'signin:ConsoleLogin' && recordsOf([last], 'ConsoleLogin').some((r) => r.additionalEventData?.['MFAUsed'] === 'Yes'),
          hintKo: 'MFAUsed가 "Yes"인 로그인입니다. 이번에는 MFA 없이(mfa: false) 로그인해 보세요.',
        },
      ],
    },
    {
      id: 'find-in-history',
      titleKo: '올바른 리전의 이벤트 기록에서 찾기',
      instructionKo: 'CloudTrail 이벤트 기록(LookupEvents)에서 방금 그 ConsoleLogin 이벤트를 찾으세요. 어느 리전의 이벤트 기록에 있을까요?',
      hintKo: '콘솔에서 ap-northeast-2를 선택해 두었어도, 전역 로그인 엔드포인트(signin.aws.amazon.com)로 로그인하면 ConsoleLogin은 us-east-1에 기록됩니다. 리전을 us-east-1로 바꾸고 EventName=ConsoleLogin으로 조회하세요.',
      solution: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }] }, region: 'us-east-1' }],
      done: (w) => {
        const login = aliceLogin({ calls: w.all });
        return login !== undefined && foundInHistory(w, login.eventID, login.awsRegion);
      },
      mistakes: [
        {
          when: (w, last) => {
            const login = aliceLogin({ calls: w.all });
            return login !== undefined && lookups({ calls: [last] }).length > 0 && !lookedUpIds(last).includes(login.eventID);
          },
          hintKo: '이 조회에는 alice의 로그인이 없습니다. 이벤트 기록은 리전마다 따로입니다. ConsoleLogin 레코드의 awsRegion을 떠올려 보세요(전역 엔드포인트 로그인은 us-east-1).',
        },
      ],
    },
  ],
};
