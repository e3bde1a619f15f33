import { foundInHistory, lookups, recordsOf } from './checks';
import type { ScenarioDef } from './types';

const created = (calls: Parameters<typeof recordsOf>[0]) => recordsOf(calls, 'CreateUser').find((r) => r.requestParameters?.['userName'] === 'carol' && !r.errorCode);

export const globalServiceEvents: ScenarioDef = {
  id: 'global-service-events',
  order: 7,
  titleKo: '글로벌 서비스 이벤트는 어디에',
  goalKo: '서울 리전에서 IAM 사용자를 만들고, 그 이벤트가 서울이 아니라 us-east-1 이벤트 기록에만 있다는 것을 두 리전을 조회해 확인합니다.',
  noteId: 'event-history',
  defaults: { as: 'root', region: 'ap-northeast-2', via: 'console' },
  setup: [],
  steps: [
    {
      id: 'create-user',
      titleKo: '서울 리전에서 IAM 사용자 만들기',
      instructionKo: 'ap-northeast-2를 선택한 채로 IAM 사용자 carol을 만드세요(iam:CreateUser).',
      hintKo: '작업 목록 IAM → CreateUser, UserName=carol.',
      solution: [{ api: 'iam:CreateUser', params: { UserName: 'carol' } }],
      done: (w) => created(w.calls) !== undefined,
      mistakes: [
        {
          when: (_w, last) => last.api === 'iam:CreateUser' && last.params['UserName'] !== 'carol',
          hintKo: '다른 이름의 사용자를 만들었습니다. 이 실습은 carol이라는 사용자로 이어집니다(UserName=carol).',
        },
      ],
    },
    {
      id: 'not-in-seoul',
      titleKo: '서울의 이벤트 기록을 조회',
      instructionKo: 'ap-northeast-2의 이벤트 기록에서 EventName=CreateUser로 조회하세요. 보이나요?',
      hintKo: '리전 ap-northeast-2에서 LookupEvents, EventName=CreateUser.',
      solution: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }, region: 'ap-northeast-2' }],
      done: (w) => {
        const r = created(w.all);
        return r !== undefined && lookups(w).some((e) => e.ctx.region === 'ap-northeast-2' && !foundInHistory({ calls: [e] }, r.eventID));
      },
    },
    {
      id: 'in-virginia',
      titleKo: 'us-east-1에서 찾기',
      instructionKo: '이번에는 us-east-1의 이벤트 기록에서 같은 조회를 하세요.',
      hintKo: '2021년 11월부터 IAM, 글로벌 STS, CloudFront 이벤트는 us-east-1에만 기록됩니다(그 전에는 모든 리전의 이벤트 기록에 보였습니다).',
      solution: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }, region: 'us-east-1' }],
      done: (w) => {
        const r = created(w.all);
        return r !== undefined && foundInHistory(w, r.eventID, 'us-east-1');
      },
    },
  ],
};
