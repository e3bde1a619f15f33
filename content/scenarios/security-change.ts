import { ADMIN, foundInHistory, recordsOf } from './checks';
import type { ScenarioDef } from './types';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

export const securityChange: ScenarioDef = {
  id: 'security-change',
  order: 4,
  titleKo: '보안 구성 변경 추적하기 (AttachRolePolicy)',
  goalKo: '역할에 AdministratorAccess를 붙이는 보안 구성 변경을 하고, 글로벌 서비스인 IAM의 이벤트가 어느 리전에 남는지 찾아 누가 했는지 확인합니다.',
  noteId: 'event-types',
  defaults: { as: 'root', region: 'ap-northeast-2', via: 'console' },
  setup: [{ api: 'iam:CreateRole', params: { RoleName: 'app-role', AssumeRolePolicyDocument: TRUST } }],
  steps: [
    {
      id: 'attach',
      titleKo: '역할에 정책 붙이기',
      instructionKo: 'app-role 역할에 AdministratorAccess 관리형 정책을 붙이세요(iam:AttachRolePolicy).',
      hintKo: `PolicyArn은 ${ADMIN} 입니다.`,
      solution: [{ api: 'iam:AttachRolePolicy', params: { RoleName: 'app-role', PolicyArn: ADMIN } }],
      done: (w) => w.calls.some((e) => e.api === 'iam:AttachRolePolicy' && e.result.ok && e.params['RoleName'] === 'app-role'),
    },
    {
      id: 'find',
      titleKo: '변경 기록 찾기',
      instructionKo: '이벤트 기록에서 이 AttachRolePolicy 이벤트를 찾으세요. 지금 선택한 리전은 ap-northeast-2입니다.',
      hintKo: 'IAM은 글로벌 서비스라 2021년 11월부터 이벤트가 us-east-1에만 기록됩니다. us-east-1에서 EventName=AttachRolePolicy로 조회하세요.',
      solution: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AttachRolePolicy' }] }, region: 'us-east-1' }],
      done: (w) => {
        const change = recordsOf(w.all, 'AttachRolePolicy').find((r) => !r.errorCode);
        return change !== undefined && foundInHistory(w, change.eventID, 'us-east-1');
      },
      mistakes: [
        {
          when: (_w, last) => last.api === 'cloudtrail:LookupEvents' && last.ctx.region !== 'us-east-1',
          hintKo: `${'이 리전'}의 이벤트 기록에는 IAM 이벤트가 없습니다. 예전에는 글로벌 서비스 이벤트가 모든 리전에 보였지만, 2021년 11월부터 us-east-1에만 기록됩니다.`,
        },
      ],
    },
  ],
};
