import { routingOf, trailSetup } from './checks';
import type { CallLogEntry, ScenarioDef } from './types';

const landedIn = (e: CallLogEntry, eventName: string, trail: string) => routingOf(e, eventName)?.trails.some((t) => t.trailName === trail && t.landed) ?? false;

export const readWriteTrails: ScenarioDef = {
  id: 'read-write-trails',
  order: 6,
  titleKo: '읽기 전용과 쓰기 전용 추적',
  goalKo: '추적을 쓰기 전용(WriteOnly)으로 바꾸고, 읽기 호출(DescribeVpcs)은 빠지고 쓰기 호출(CreateSecurityGroup)은 남는 것을 확인합니다.',
  noteId: 'event-types',
  defaults: { as: 'root', region: 'us-east-1', via: 'console' },
  setup: trailSetup('writes', 'rw-logs-123456789012'),
  steps: [
    {
      id: 'write-only',
      titleKo: '추적을 WriteOnly로',
      instructionKo: '추적 writes의 관리 이벤트를 쓰기 전용으로 기록하도록 바꾸세요(cloudtrail:PutEventSelectors, ReadWriteType: WriteOnly).',
      hintKo: 'EventSelectors: [{ ReadWriteType: "WriteOnly", IncludeManagementEvents: true }]',
      solution: [{ api: 'cloudtrail:PutEventSelectors', params: { TrailName: 'writes', EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] } }],
      done: (w) => w.calls.some((e) => e.api === 'cloudtrail:PutEventSelectors' && e.result.ok && JSON.stringify(e.params).includes('"WriteOnly"')),
      mistakes: [
        {
          when: (_w, last) => last.api === 'cloudtrail:PutEventSelectors' && last.result.ok && JSON.stringify(last.params).includes('"ReadOnly"'),
          hintKo: 'ReadOnly는 읽기 전용 이벤트만 기록합니다. 이번에는 쓰기 전용(WriteOnly)입니다.',
        },
      ],
    },
    {
      id: 'read-skipped',
      titleKo: '읽기 호출은 빠진다',
      instructionKo: 'ec2:DescribeVpcs를 호출하고, 이벤트 흐름에서 추적 writes가 이 호출을 기록하지 않는 이유를 확인하세요.',
      hintKo: 'Describe*, List*, Get*은 readOnly: true인 읽기 전용 이벤트입니다.',
      solution: [{ api: 'ec2:DescribeVpcs', params: {} }],
      done: (w) => w.calls.some((e) => e.api === 'ec2:DescribeVpcs' && e.result.ok && !landedIn(e, 'DescribeVpcs', 'writes')),
    },
    {
      id: 'write-kept',
      titleKo: '쓰기 호출은 남는다',
      instructionKo: '보안 그룹을 하나 만드세요(ec2:CreateSecurityGroup, GroupName과 Description). 추적 writes에 기록되나요?',
      hintKo: 'CreateSecurityGroup은 리소스를 만드는 쓰기 이벤트(readOnly: false)입니다. 기본 VPC에 만들면 VpcId 없이도 됩니다.',
      solution: [{ api: 'ec2:CreateSecurityGroup', params: { GroupName: 'web', Description: 'web servers' } }],
      done: (w) => w.calls.some((e) => e.api === 'ec2:CreateSecurityGroup' && e.result.ok && landedIn(e, 'CreateSecurityGroup', 'writes')),
    },
  ],
};
