import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { defaults, upgradeDocument, wrapDocument } from '../../../electron/common/documents';
import { ReviewDataError } from '../../../renderer/src/review/errors';
import type { AnswerResult } from '../../../renderer/src/review/grade';
import { addSession, answerAndSchedule, finishSession, inProgressSession, reviewParams, withReviewParams, type ReviewData } from '../../../renderer/src/review/review-document';
import { answer, currentItem, finish, resume, startSession, type ReviewSession } from '../../../renderer/src/review/session';
import type { PlanInput } from '../../../renderer/src/review/session-plan';

const START = new Date('2026-11-28T01:00:00Z');
const calendar = { reviewDays: [6, 0], timeZone: 'Asia/Seoul' };
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

const input: PlanInput = {
  lengthMinutes: 15,
  items: [
    { id: 'cq-trails-1', category: 'trails' },
    { id: 'cq-trails-2', category: 'trails' },
    { id: 'cq-alarms-1', category: 'alarms' },
    { id: 'note:alarms:1', category: 'alarms' },
    { id: 'cq-insights-1', category: 'insights' },
  ],
  cards: {},
  quizStats: { trails: { answered: 4, correct: 1 } },
  scenarioIds: [],
  now: START,
  seed: 'resume-test',
};

const RESULTS: AnswerResult[] = [
  { correct: true, responseMs: 5_000, confidence: 'sure' },
  { correct: false, responseMs: 12_000 },
  { correct: true, responseMs: 20_000 },
  { correct: true, responseMs: 9_000 },
  { correct: true, responseMs: 4_000, confidence: 'unsure' },
];

/** What the app does: save the whole review document after every answer, as JSON text with its version. */
const saveAndReload = (review: ReviewData): ReviewData => upgradeDocument('review', JSON.parse(JSON.stringify(wrapDocument('review', review))));

function play(review: ReviewData, session: ReviewSession, from: number, to: number) {
  let state = { review, session };
  for (let i = from; i < to; i++) {
    const item = currentItem(state.session)!;
    state = answerAndSchedule(state.review, state.session, item.itemId, RESULTS[i]!, at(30 * (i + 1)), calendar);
  }
  return state;
}

describe('review session', () => {
  it('records answers in order with the FSRS grade and refuses the wrong item', () => {
    let s = startSession(input);
    expect(s.items).toHaveLength(5);
    expect(s.status).toBe('in-progress');
    const first = currentItem(s)!;
    expect(() => answer(s, 'cq-nope', RESULTS[0]!, at(5))).toThrow(`지금 답할 문항은 '${first.itemId}'입니다 ('cq-nope'가 아님).`);
    s = answer(s, first.itemId, RESULTS[0]!, at(5));
    expect(s.index).toBe(1);
    expect(s.answers[0]).toEqual({ itemId: first.itemId, correct: true, responseMs: 5_000, confidence: 'sure', rating: Rating.Easy, answeredAt: at(5).toISOString() });
    const done = finish(s, {}, at(60));
    expect(() => answer(done, currentItem(done)!.itemId, RESULTS[1]!, at(61))).toThrow('이미 끝난 복습 세션에는 답할 수 없습니다.');
    expect(() => finish(done, {}, at(62))).toThrow(ReviewDataError);
  });

  it('closed mid-session and reopened, it ends exactly as if never interrupted', () => {
    const session = startSession(input);
    const review = addSession(defaults.review(), session);
    const straight = play(review, session, 0, 5);

    const half = play(saveAndReload(review), inProgressSession(saveAndReload(review))!, 0, 2);
    const reopened = saveAndReload(half.review);
    const resumed = inProgressSession(reopened)!;
    expect(resumed.index).toBe(2);
    expect(currentItem(resumed)).toEqual(session.items[2]);
    const rest = play(reopened, resumed, 2, 5);

    expect(rest.review).toEqual(straight.review);
    const end = at(200);
    const a = finishSession(straight.review, straight.session, end);
    const b = finishSession(saveAndReload(rest.review), rest.session, end);
    expect(b.review).toEqual(a.review);
    expect(inProgressSession(b.review)).toBeNull();
    expect(b.session.status).toBe('finished');
    expect(Object.keys(b.session.nextDue).sort()).toEqual(session.items.map((i) => i.itemId).sort());
    expect(b.review.logs.map((l) => l.rating)).toEqual([Rating.Easy, Rating.Again, Rating.Hard, Rating.Good, Rating.Hard]);
    expect(b.review.logs.map((l) => l.itemId)).toEqual(session.items.map((i) => i.itemId));
  });

  it('schedules with the retention the learner saved, and refuses an impossible one', () => {
    const stored = saveAndReload(withReviewParams(defaults.review(), { request_retention: 0.97, maximum_interval: 365 }));
    expect(reviewParams(stored)).toEqual({ request_retention: 0.97, maximum_interval: 365 });
    expect(reviewParams(defaults.review())).toEqual({ request_retention: 0.9, maximum_interval: 36_500 });
    // Two quick correct answers a week apart: with a stricter target the second interval is shorter.
    const interval = (review: ReviewData) => {
      const item = { ...input, items: [{ id: 'cq-one', category: 'trails' }], cards: review.cards };
      let s = startSession(item);
      let state = answerAndSchedule(addSession(review, s), s, 'cq-one', { correct: true, responseMs: 3_000 }, START, { reviewDays: [], timeZone: 'UTC' });
      const week = new Date(START.getTime() + 7 * 86_400_000);
      s = startSession({ ...item, cards: state.review.cards, now: week });
      state = answerAndSchedule(addSession(state.review, s), s, 'cq-one', { correct: true, responseMs: 3_000 }, week, { reviewDays: [], timeZone: 'UTC' });
      return Date.parse(state.review.cards['cq-one']!.due) - week.getTime();
    };
    expect(interval(stored)).toBeLessThan(interval(defaults.review()));
    expect(() => withReviewParams(defaults.review(), { request_retention: 1.2, maximum_interval: 365 })).toThrow(
      '복습 설정이 올바르지 않습니다 (request_retention)',
    );
  });

  describe('corrupted saved sessions are rejected with a Korean reason', () => {
    const s = answer(startSession(input), startSession(input).items[0]!.itemId, RESULTS[0]!, at(5));
    it.each([
      ['text that is not JSON', '{"id": "session-', '저장된 복습 세션을 읽을 수 없습니다: JSON 형식이 아닙니다.'],
      ['not an object', 42, '저장된 복습 세션이 손상되었습니다 ((최상위)).'],
      ['a bad rating', { ...s, answers: [{ ...s.answers[0]!, rating: 9 }] }, '저장된 복습 세션이 손상되었습니다 (answers.0.rating).'],
      ['a bad start time', { ...s, startedAt: 'yesterday' }, '저장된 복습 세션이 손상되었습니다 (startedAt).'],
      ['an index that disagrees with the answers', { ...s, index: 3 }, '진행 위치(index)가 답의 수와 맞지 않습니다'],
      ['an answer to another item', { ...s, answers: [{ ...s.answers[0]!, itemId: 'cq-other' }] }, '1번째 답이 계획된 문항과 다릅니다'],
      ['a duplicated item', { ...s, items: [s.items[0]!, ...s.items] }, '같은 문항이 두 번 들어 있습니다'],
      ['finished without a finish time', { ...s, status: 'finished' }, '완료 상태와 완료 시각이 맞지 않습니다'],
    ])('%s', (_case, saved, message) => {
      expect(() => resume(saved)).toThrow(ReviewDataError);
      expect(() => resume(saved)).toThrow(message);
    });

    it('accepts the same session when intact, as text or value', () => {
      expect(resume(JSON.stringify(s))).toEqual(s);
      expect(resume(JSON.parse(JSON.stringify(s)))).toEqual(s);
    });

    it('the persisted review document rejects a corrupted session too', () => {
      expect(() => upgradeDocument('review', { version: 1, data: { cards: {}, logs: [], sessions: [{ ...s, answers: 'lost' }] } })).toThrow(
        'review: 내용이 올바르지 않습니다 (sessions.0.answers).',
      );
    });
  });
});
