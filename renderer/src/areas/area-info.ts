import type { Area } from '../store/app-store';

export interface AreaInfo {
  label: string;
  /** What the area is for, in one sentence. */
  purpose: string;
}

export const AREA_INFO: Record<Area, AreaInfo> = {
  home: { label: '홈', purpose: 'Trailwatch의 학습 영역과 지금까지의 진도를 한눈에 봅니다.' },
  notes: {
    label: '노트',
    purpose: 'CloudTrail과 CloudWatch를 AWS 문서에 맞춰 정리한 한국어 학습 노트입니다.',
  },
  simulator: {
    label: '시뮬레이터',
    purpose: 'AWS 계정을 흉내 낸 시뮬레이터에서 API를 호출하고 CloudTrail·CloudWatch에 어떻게 기록되는지 봅니다.',
  },
  quiz: {
    label: '퀴즈',
    purpose: '이벤트 분류(관리/데이터/인사이트, 읽기/쓰기, API/비 API)를 문제로 익힙니다.',
  },
  review: {
    label: '복습',
    purpose: '주말 복습: 간격 반복(FSRS)으로 잊을 때쯤 다시 봅니다.',
  },
  scenarios: {
    label: '시나리오',
    purpose: '시뮬레이터에서 직접 해 보는 단계별 실습이며, 각 단계는 시뮬레이터 상태로 확인됩니다.',
  },
  settings: { label: '설정', purpose: '테마, 학습 데이터 내보내기·가져오기·초기화.' },
};
