// "Does this EventBridge pattern match?" questions, over the EventBridge events of real simulator records.
import { cloudTrailRecordToEvent, type EventBridgeEvent } from '../../simulator/events/cloudtrail-event';
import { matchesPattern, parseEventPattern } from '../../simulator/events/pattern';
import type { RecordSample } from './generate';
import type { QuizItem } from './types';

export const QUIZ_PATTERNS: { id: string; pattern: object; saysKo: string }[] = [
  { id: 'console-sign-in', pattern: { source: ['aws.signin'], 'detail-type': ['AWS Console Sign In via CloudTrail'] }, saysKo: '콘솔 로그인 이벤트' },
  { id: 'iam-attach', pattern: { source: ['aws.iam'], detail: { eventName: [{ prefix: 'Attach' }] } }, saysKo: 'IAM에서 이름이 Attach로 시작하는 호출' },
  { id: 'root', pattern: { detail: { userIdentity: { type: ['Root'] } } }, saysKo: '루트 사용자가 한 일' },
  { id: 'errors', pattern: { detail: { errorCode: [{ exists: true }] } }, saysKo: '오류로 끝난 호출(errorCode가 있음)' },
  { id: 'not-root-write', pattern: { detail: { userIdentity: { type: [{ 'anything-but': 'Root' }] }, readOnly: [false] } }, saysKo: '루트가 아닌 주체의 쓰기 호출' },
  { id: 's3-bucket-changes', pattern: { source: ['aws.s3'], detail: { eventName: ['CreateBucket', 'DeleteBucket', 'PutBucketPolicy'] } }, saysKo: 'S3 버킷 생성·삭제·정책 변경' },
];

/** The event a rule on the default bus would see for this record (ids derived from the record, not random). */
export function eventFor(sample: RecordSample): EventBridgeEvent {
  return cloudTrailRecordToEvent(sample.record, { uuid: () => sample.record.eventID });
}

export function patternQuestions(samples: RecordSample[]): QuizItem[] {
  const items: QuizItem[] = [];
  for (const p of QUIZ_PATTERNS) {
    const compiled = parseEventPattern(JSON.stringify(p.pattern));
    const judged = samples.map((s) => ({ s, event: eventFor(s), match: matchesPattern(compiled, eventFor(s)) }));
    // Two that match and two that do not, where the samples allow: both answers must be learnable.
    const picks = [...judged.filter((j) => j.match).slice(0, 2), ...judged.filter((j) => !j.match).slice(0, 2)];
    for (const { s, event, match } of picks) {
      items.push({
        id: `gen-pattern-${p.id}-${s.id}`,
        category: 'eventbridge',
        format: 'read-json',
        prompt: `이벤트 패턴 ${JSON.stringify(p.pattern)}(${p.saysKo})은 아래 EventBridge 이벤트와 일치하나요?`,
        choices: ['일치한다', '일치하지 않는다'],
        answerIndex: match ? 0 : 1,
        json: JSON.stringify(event, null, 2),
        explanation: match
          ? `패턴에 적힌 모든 필드가 이벤트에 있고 값이 조건에 맞습니다(source ${event.source}, detail-type "${event['detail-type']}", eventName ${s.record.eventName}). 패턴에 없는 필드는 상관하지 않습니다.`
          : `패턴의 필드 중 하나라도 이벤트에 없거나 값이 맞지 않으면 일치하지 않습니다. 이 이벤트는 source ${event.source}, eventName ${s.record.eventName}, userIdentity.type ${s.record.userIdentity.type}${s.record.errorCode ? `, errorCode ${s.record.errorCode}` : ', errorCode 없음'}입니다.`,
        noteId: 'eventbridge-notifications',
      });
    }
  }
  return items;
}
