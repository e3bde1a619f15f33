// Catalog entries for the CloudTrail API actions this service answers.
import type { ActionDef } from '../core/contract';
import { apiDef } from '../core/service';

const TRAIL = ['AWS::CloudTrail::Trail'];

export const CLOUDTRAIL_CATALOG: ActionDef[] = [
  apiDef('cloudtrail:CreateTrail', { readOnly: false, resourceTypes: TRAIL, summaryKo: '트레일을 만든다(로깅은 StartLogging 전까지 꺼져 있음).' }),
  apiDef('cloudtrail:UpdateTrail', { readOnly: false, resourceTypes: TRAIL, summaryKo: '트레일의 버킷·멀티 리전·로그 파일 검증 등 설정을 바꾼다.' }),
  apiDef('cloudtrail:DeleteTrail', { readOnly: false, resourceTypes: TRAIL, summaryKo: '트레일을 삭제한다(홈 리전에서만 가능).' }),
  apiDef('cloudtrail:StartLogging', { readOnly: false, resourceTypes: TRAIL, summaryKo: '트레일의 로깅을 시작한다.' }),
  apiDef('cloudtrail:StopLogging', { readOnly: false, resourceTypes: TRAIL, summaryKo: '트레일의 로깅을 멈춘다.' }),
  apiDef('cloudtrail:PutEventSelectors', { readOnly: false, resourceTypes: TRAIL, summaryKo: '트레일이 기록할 관리·데이터 이벤트를 기본 또는 고급 이벤트 선택기로 정한다.' }),
  apiDef('cloudtrail:GetEventSelectors', { readOnly: true, resourceTypes: TRAIL, summaryKo: '트레일의 이벤트 선택기를 조회한다.' }),
  apiDef('cloudtrail:PutInsightSelectors', { readOnly: false, resourceTypes: TRAIL, summaryKo: '트레일에 Insights(API 호출량·오류율 이상 탐지)를 켠다.' }),
  apiDef('cloudtrail:GetInsightSelectors', { readOnly: true, resourceTypes: TRAIL, summaryKo: '트레일의 Insights 선택기를 조회한다.' }),
  apiDef('cloudtrail:GetTrailStatus', { readOnly: true, resourceTypes: TRAIL, summaryKo: '트레일의 로깅 여부와 최근 전달 시각·오류를 조회한다.' }),
  apiDef('cloudtrail:DescribeTrails', { readOnly: true, resourceTypes: TRAIL, summaryKo: '현재 리전에서 보이는 트레일(섀도 트레일 포함)의 설정을 조회한다.' }),
  apiDef('cloudtrail:ListTrails', { readOnly: true, summaryKo: '계정의 모든 트레일 이름과 홈 리전을 나열한다.' }),
  apiDef('cloudtrail:LookupEvents', { readOnly: true, summaryKo: '이벤트 기록(최근 90일 관리 이벤트)을 속성 하나와 시간 범위로 조회한다.' }),
  apiDef('cloudtrail:ListPublicKeys', { readOnly: true, summaryKo: '다이제스트 파일 서명 검증용 리전 공개 키를 나열한다.' }),
  // `aws cloudtrail validate-logs` runs on the learner's machine (it reads the bucket and the public keys);
  // CloudTrail has no such API, so nothing records it and it is no AWS catalog entry (eventSource "sim").
  {
    api: 'sim:ValidateLogs',
    eventSource: 'sim',
    eventName: 'ValidateLogs',
    readOnly: true,
    category: 'Management',
    apiCall: false,
    eventType: 'AwsApiCall',
    resourceTypes: TRAIL,
    globalService: false,
    summaryKo: '트레일의 다이제스트·로그 파일 무결성을 검증한다(aws cloudtrail validate-logs, 시뮬레이터 전용, CloudTrail에 기록되지 않음).',
    recordedByCloudTrail: false,
  },
];
