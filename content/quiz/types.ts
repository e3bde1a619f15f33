import type { QuizCategory } from '../schema';

export type QuizFormat = 'multiple-choice' | 'true-false' | 'sort' | 'read-json';

/** One question as the quiz screen shows it, hand-written or generated from the simulator's action catalog. */
export interface QuizItem {
  id: string;
  category: QuizCategory;
  format: QuizFormat;
  prompt: string;
  /** multiple-choice, true-false and read-json: the choices and the right one. */
  choices: string[];
  answerIndex: number;
  /** sort: cards to put into buckets; each card's right bucket index. */
  sort?: { buckets: string[]; cards: { label: string; bucket: number }[] };
  /** read-json: a CloudTrail record (pretty JSON) the question is about. */
  json?: string;
  explanation: string;
  noteId: string;
  /** The simulator action the question is about, for "try it in the simulator". */
  api?: string;
}

export const CATEGORY_LABELS: Record<QuizCategory, string> = {
  'management-vs-data': '관리/데이터/인사이트',
  'read-vs-write': '읽기 전용/쓰기',
  'api-vs-nonapi': 'API/비 API',
  'event-history': '이벤트 기록',
  trails: '추적',
  insights: 'Insights',
  integrity: '무결성 검증',
  'cloudwatch-metrics': 'CloudWatch 지표',
  alarms: '경보',
  eventbridge: 'EventBridge',
  'metric-filters': '지표 필터',
};
