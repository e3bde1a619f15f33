import { lookups, trailSetup } from './checks';
import type { CallLogEntry, ScenarioDef, StepWorld } from './types';

const DELETE = { api: 's3:DeleteBucket', params: { Bucket: 'tmp-reports' } };
const WEEK_MINUTES = 7 * 24 * 60;
const insightLookup = { api: 'cloudtrail:LookupEvents', params: { EventCategory: 'insight', LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DeleteBucket' }] } };

/** Insights events a learner's LookupEvents(EventCategory: insight) returned, by state. */
const insightStates = (w: { calls: CallLogEntry[] }): string[] =>
  lookups(w)
    .filter((e) => e.params['EventCategory'] === 'insight')
    .flatMap((e) => ((e.result.ok ? e.result.response['Events'] : []) as { CloudTrailEvent?: string }[]) ?? [])
    .map((ev) => (JSON.parse(ev.CloudTrailEvent ?? '{}') as { insightDetails?: { state?: string } }).insightDetails?.state ?? '');
const trafficOf = (w: StepWorld, perMinuteAtLeast: number) =>
  w.calls.filter((e) => e.api === 's3:DeleteBucket' && (e.count ?? 1) >= perMinuteAtLeast).reduce((n, e) => n + (e.count ?? 1), 0);

export const insightsBurst: ScenarioDef = {
  id: 'insights-burst',
  order: 12,
  titleKo: 'Insights로 DeleteBucket 폭주 잡기 (분당 20회 → 100회)',
  goalKo: '평소 분당 약 20회 호출되던 DeleteBucket이 분당 100회로 치솟으면 CloudTrail Insights가 비정상 활동의 시작(Start)과 끝(End)을 기록하는 것을 봅니다.',
  noteId: 'cloudtrail-insights',
  defaults: { as: 'root', region: 'us-east-1', via: 'console' },
  setup: [...trailSetup('main', 'insights-logs-123456789012')],
  steps: [
    {
      id: 'enable',
      titleKo: 'Insights 켜기',
      instructionKo: '추적 main에 API 호출량 Insights(ApiCallRateInsight)를 켜세요(cloudtrail:PutInsightSelectors).',
      hintKo: 'InsightSelectors: [{ InsightType: "ApiCallRateInsight" }]. Insights는 쓰기 관리 API 호출의 분당 건수를 지난 7일 기준선과 비교합니다.',
      solution: [{ api: 'cloudtrail:PutInsightSelectors', params: { TrailName: 'main', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] } }],
      done: (w) => w.calls.some((e) => e.api === 'cloudtrail:PutInsightSelectors' && e.result.ok && JSON.stringify(e.params).includes('ApiCallRateInsight')),
    },
    {
      id: 'baseline',
      titleKo: '평소 활동 일주일',
      instructionKo: '일주일 동안 DeleteBucket을 분당 20회 호출하는 평소 활동을 만드세요(트래픽 생성: 분당 20회, 7일). 없는 버킷이라 NoSuchBucket 오류가 나지만, 호출량 Insights는 오류 여부와 상관없이 호출을 셉니다.',
      hintKo: '트래픽 생성으로 s3:DeleteBucket {Bucket: "tmp-reports"}를 분당 20회, 10080분(7일) 실행하세요. 기준선은 7일치 기록으로 만들어집니다.',
      solution: [{ traffic: { ...DELETE, perMinute: 20, minutes: WEEK_MINUTES } }],
      done: (w) => trafficOf(w, 1) >= 20 * (WEEK_MINUTES - 60),
      mistakes: [
        {
          when: (w, last) => last.api === 's3:DeleteBucket' && (last.count ?? 1) < 20 * 24 * 60 && trafficOf(w, 1) < 20 * (WEEK_MINUTES - 60),
          hintKo: '기준선에는 약 7일치 기록이 필요합니다. 분당 20회로 7일(10080분)을 채우세요.',
        },
      ],
    },
    {
      id: 'burst',
      titleKo: '폭주와 Start 이벤트',
      instructionKo: 'DeleteBucket을 10분 동안 분당 100회로 올린 뒤, 이벤트 기록을 Insights 이벤트(EventCategory: insight)로 조회해 Start 이벤트를 찾으세요.',
      hintKo: '트래픽 분당 100회 × 10분 → 시계 +10분(전달은 약 5분 뒤) → LookupEvents {EventCategory: "insight"}.',
      solution: [{ traffic: { ...DELETE, perMinute: 100, minutes: 10 } }, { advance: 'PT10M' }, insightLookup],
      done: (w) => insightStates(w).includes('Start'),
      mistakes: [
        {
          when: (_w, last) => last.api === 'cloudtrail:LookupEvents' && last.params['EventCategory'] !== 'insight',
          hintKo: 'Insights 이벤트는 일반 조회에는 나오지 않습니다. EventCategory를 "insight"로 지정하세요.',
        },
      ],
    },
    {
      id: 'back-to-normal',
      titleKo: '정상으로 돌아오면 End',
      instructionKo: '다시 분당 20회로 20분 호출한 뒤 Insights 이벤트를 조회해 End 이벤트를 찾으세요. Start와 End는 sharedEventID가 같습니다.',
      hintKo: '트래픽 분당 20회 × 20분 → 시계 +10분 → LookupEvents {EventCategory: "insight"}.',
      solution: [{ traffic: { ...DELETE, perMinute: 20, minutes: 20 } }, { advance: 'PT10M' }, insightLookup],
      done: (w) => insightStates(w).includes('End'),
    },
  ],
};
