import { foundInHistory, recordsOf } from './checks';
import type { ScenarioDef } from './types';

export const vpcSubnet: ScenarioDef = {
  id: 'vpc-subnet',
  order: 3,
  titleKo: 'VPC와 서브넷 만들기',
  goalKo: 'CreateDefaultVpc와 CreateSubnet을 호출하고, 실패한 호출도 기록된다는 것과 레코드의 필드를 이벤트 기록에서 확인합니다.',
  noteId: 'record-contents',
  defaults: { as: 'root', region: 'ap-northeast-2', via: 'console' },
  setup: [],
  steps: [
    {
      id: 'default-vpc',
      titleKo: 'CreateDefaultVpc 호출',
      instructionKo: 'ap-northeast-2에서 ec2:CreateDefaultVpc를 호출하세요. 계정에는 이미 기본 VPC가 있어서 오류가 납니다. 그래도 CloudTrail에는 남을까요?',
      hintKo: 'AWS는 계정을 만들 때 리전마다 기본 VPC를 만듭니다. 호출이 실패해도 CloudTrail 레코드는 errorCode(Client.DefaultVpcAlreadyExists)와 함께 남습니다.',
      solution: [{ api: 'ec2:CreateDefaultVpc', params: {} }],
      done: (w) => recordsOf(w.calls, 'CreateDefaultVpc').some((r) => r.awsRegion === 'ap-northeast-2'),
    },
    {
      id: 'vpc-and-subnet',
      titleKo: '새 VPC에 서브넷 만들기',
      instructionKo: '10.0.0.0/16 VPC를 만들고(ec2:CreateVpc), 그 안에 10.0.1.0/24 서브넷을 만드세요(ec2:CreateSubnet).',
      hintKo: '서브넷의 CIDR은 VPC의 CIDR 안에 있어야 합니다. CreateVpc 응답의 VpcId를 CreateSubnet에 넣으세요.',
      solution: [
        { api: 'ec2:CreateVpc', params: { CidrBlock: '10.0.0.0/16' } },
        (w) => {
          const vpc = [...w.calls].reverse().find((e) => e.api === 'ec2:CreateVpc' && e.result.ok);
          const id = vpc?.result.ok ? String((vpc.result.response['Vpc'] as Record<string, unknown>)['VpcId']) : '';
          return { api: 'ec2:CreateSubnet', params: { VpcId: id, CidrBlock: '10.0.1.0/24' } };
        },
      ],
      done: (w) => w.calls.some((e) => e.api === 'ec2:CreateSubnet' && e.result.ok && e.params['CidrBlock'] === '10.0.1.0/24'),
      mistakes: [
        {
          when: (_w, last) => last.api === 'ec2:CreateSubnet' && !last.result.ok && last.result.error.code === 'InvalidSubnet.Range',
          hintKo: '서브넷 CIDR이 VPC 범위 밖입니다(InvalidSubnet.Range). 10.0.0.0/16 안의 10.0.1.0/24를 쓰세요. 이 실패도 레코드로 남았습니다.',
        },
        {
          when: (_w, last) => last.api === 'ec2:CreateSubnet' && !last.result.ok && last.result.error.code === 'InvalidVpcID.NotFound',
          hintKo: '그런 VPC가 없습니다(InvalidVpcID.NotFound). 방금 CreateVpc 응답의 Vpc.VpcId를 그대로 넣으세요.',
        },
      ],
    },
    {
      id: 'look-up',
      titleKo: '이벤트 이름으로 찾기',
      instructionKo: '이벤트 기록에서 EventName=CreateSubnet으로 조회해 방금 만든 서브넷의 레코드를 찾으세요. requestParameters와 responseElements에 무엇이 들어 있나요?',
      hintKo: 'LookupEvents, LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "CreateSubnet" }], 리전 ap-northeast-2.',
      solution: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateSubnet' }] } }],
      done: (w) => {
        const made = recordsOf(w.all, 'CreateSubnet').find((r) => !r.errorCode);
        return made !== undefined && foundInHistory(w, made.eventID, made.awsRegion);
      },
    },
  ],
};
