// Alarm-state questions from the documented decision over an evaluation range (missing-data tables, M of N).
import { decideAlarmState, type RangePoint } from '../../simulator/cloudwatch/alarm-decide';
import type { TreatMissingData } from '../../simulator/cloudwatch/alarm-types';
import type { QuizItem } from './types';

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
const THRESHOLD = 80;

/** One alarm question's data: values oldest first (null = no datapoint in that minute). */
export interface AlarmCase {
  id: string;
  n: number;
  m: number;
  treat: TreatMissingData;
  values: (number | null)[];
  /** The state before this evaluation (what "retain current state" keeps). */
  current: 'OK';
}

const TREATS: TreatMissingData[] = ['missing', 'notBreaching', 'breaching', 'ignore'];
// Patterns over a 5-minute range: B breaching (90), o not breaching (50), - missing.
const SHAPES = ['ooBBB', 'oBoBo', '--B-B', '----B', '-----', 'BB---', 'oo--o', '-B-o-', 'BBBoo', '---BB'];
const SIZES: [number, number][] = [[3, 2], [3, 3], [2, 1]];

export function alarmCases(): AlarmCase[] {
  const cases: AlarmCase[] = [];
  SHAPES.forEach((shape, s) => {
    const [n, m] = SIZES[s % SIZES.length]!;
    for (const treat of TREATS) {
      const values = [...shape].map((c) => (c === 'B' ? 90 : c === 'o' ? 50 : null));
      cases.push({ id: `${shape}-${n}of${m}-${treat}`, n, m, treat, values, current: 'OK' });
    }
  });
  return cases;
}

export function alarmAnswer(c: AlarmCase): (typeof ALARM_STATES)[number] {
  const range: RangePoint[] = c.values.map((v) => (v === null ? undefined : v > THRESHOLD));
  return decideAlarmState(range, c.n, c.m, c.treat).state ?? c.current;
}

export function alarmQuestions(): QuizItem[] {
  return alarmCases().map((c) => {
    const answer = alarmAnswer(c);
    const shown = c.values.map((v) => (v === null ? '없음' : String(v))).join(', ');
    return {
      id: `gen-alarm-${c.id}`,
      category: 'alarms',
      format: 'multiple-choice',
      prompt: `임계값 ${THRESHOLD} 초과(GreaterThanThreshold), 기간 1분, EvaluationPeriods ${c.n}, DatapointsToAlarm ${c.m}, TreatMissingData ${c.treat}인 경보가 지금 OK 상태입니다. 최근 5분의 데이터가 오래된 순으로 [${shown}]이면 평가 뒤 상태는?`,
      choices: [...ALARM_STATES],
      answerIndex: ALARM_STATES.indexOf(answer),
      explanation: explainAlarm(c, answer),
      noteId: 'cloudwatch-alarms',
    };
  });
}

function explainAlarm(c: AlarmCase, answer: string): string {
  const real = c.values.filter((v) => v !== null).length;
  if (real >= c.n) {
    return `실제 데이터 포인트가 ${real}개로 N(${c.n})개 이상이라 누락 데이터 설정은 쓰이지 않습니다. 가장 최근 실제 포인트 ${c.n}개 중 ${c.m}개 이상이 임계값을 넘으면 ALARM, 아니면 OK → ${answer}.`;
  }
  if (real === 0) {
    return `평가 범위에 데이터가 하나도 없습니다. missing이면 INSUFFICIENT_DATA, notBreaching이면 OK, breaching이면 ALARM, ignore면 현재 상태를 유지합니다 → ${answer}.`;
  }
  return `실제 포인트가 ${real}개로 N(${c.n})개보다 적어, 모자란 ${c.n - real}개를 TreatMissingData(${c.treat})에 따라 채우거나 건너뜁니다(문서의 누락 데이터 표). 너무 이른 ALARM 전환을 막는 규칙도 적용됩니다 → ${answer}.`;
}
