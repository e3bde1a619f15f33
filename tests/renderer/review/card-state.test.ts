import { Rating, State, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { upgradeDocument, wrapDocument } from '../../../electron/common/documents';
import {
  DEFAULT_REVIEW_PARAMS,
  cardFromJson,
  cardToJson,
  newCard,
  reviewCardJson,
  reviewCardState,
  schedulerFor,
  type CardJson,
  type SchedulingContext,
} from '../../../renderer/src/review/card-state';
import { localDayNumber, weekdayOfDay } from '../../../renderer/src/review/calendar';

const ctx: SchedulingContext = { reviewDays: [6, 0], timeZone: 'Asia/Seoul', params: DEFAULT_REVIEW_PARAMS };
const facts = { correct: true, responseMs: 6_000 };

/** Reviews at the moment each card falls due (or the next Saturday 10:00 Seoul when due on another day). */
const GRADES: Grade[] = [Rating.Good, Rating.Good, Rating.Good, Rating.Hard, Rating.Good, Rating.Again, Rating.Good, Rating.Easy, Rating.Good, Rating.Good];

function nextStudyMoment(due: Date): Date {
  // The learner studies at 10:00 Seoul time on the first Saturday or Sunday on or after the due date.
  let t = Math.max(due.getTime(), 0);
  for (;;) {
    const day = localDayNumber(new Date(t), ctx.timeZone);
    const weekday = weekdayOfDay(day);
    const ten = Date.UTC(1970, 0, 1) + day * 86_400_000 + 1 * 3_600_000; // 10:00 Seoul = 01:00Z that day
    if ((weekday === 6 || weekday === 0) && ten >= due.getTime()) return new Date(ten);
    t = Date.UTC(1970, 0, 1) + (day + 1) * 86_400_000;
  }
}

describe('FSRS card state as JSON', () => {
  it('round-trips a ts-fsrs Card through JSON text exactly', () => {
    const start = new Date('2026-11-28T01:00:00Z');
    const { card } = reviewCardState(newCard(start), Rating.Good, start, ctx);
    const again = cardFromJson('cq-x', JSON.parse(JSON.stringify(cardToJson(card))));
    expect(again).toEqual(card);
    const blank = cardFromJson('cq-new', JSON.parse(JSON.stringify(cardToJson(newCard(start)))));
    expect(blank.last_review).toBeUndefined();
    expect(blank.state).toBe(State.New);
  });

  it('saving and reloading after every review gives the same due dates as continuing in memory', () => {
    let inMemory: Card = newCard(new Date('2026-11-28T01:00:00Z'));
    let stored: CardJson | undefined;
    let now = new Date('2026-11-28T01:00:00Z');
    const dues: string[] = [];
    let movedByWeekendRule = 0;
    for (const grade of GRADES) {
      const rawFsrs = schedulerFor(ctx.params).next(inMemory, now, grade).card.due;
      inMemory = reviewCardState(inMemory, grade, now, ctx).card;
      // The persisted path goes through the saved document: JSON text, version envelope, schema validation.
      const step = reviewCardJson('cq-x', stored, grade, now, ctx, facts);
      const doc = upgradeDocument('review', JSON.parse(JSON.stringify(wrapDocument('review', { cards: { 'cq-x': step.card }, logs: [step.log], sessions: [] }))));
      stored = doc.cards['cq-x'];
      expect(stored?.due).toBe(inMemory.due.toISOString());
      expect(stored).toEqual(cardToJson(inMemory));
      if (rawFsrs.getTime() !== inMemory.due.getTime()) movedByWeekendRule++;
      dues.push(inMemory.due.toISOString());
      now = nextStudyMoment(inMemory.due);
    }
    // The run must have exercised the weekend placement, and FSRS intervals must have grown past a week.
    expect(movedByWeekendRule).toBeGreaterThan(0);
    expect(Date.parse(dues[dues.length - 1]!) - Date.parse(dues[dues.length - 2]!)).toBeGreaterThan(7 * 86_400_000);
  });

  it('logs the rating, elapsed days, review time and item id', () => {
    const first = new Date('2026-11-28T01:00:00Z');
    const one = reviewCardJson('note:trails:2', undefined, Rating.Good, first, ctx, facts);
    const later = new Date('2026-12-05T01:00:00Z');
    const two = reviewCardJson('note:trails:2', one.card, Rating.Hard, later, ctx, { correct: true, responseMs: 17_250.4 });
    expect(two.log).toMatchObject({ itemId: 'note:trails:2', rating: Rating.Hard, review: later.toISOString(), elapsed_days: 7, correct: true, responseMs: 17_250 });
  });

  it('uses the learner retention: a higher target gives a shorter interval', () => {
    const start = new Date('2026-11-28T01:00:00Z');
    const grow = (request_retention: number) => {
      let card = newCard(start);
      let now = start;
      for (let i = 0; i < 4; i++) {
        card = reviewCardState(card, Rating.Good, now, { ...ctx, reviewDays: [], params: { ...DEFAULT_REVIEW_PARAMS, request_retention } }).card;
        now = card.due;
      }
      return card.scheduled_days;
    };
    expect(grow(0.95)).toBeLessThan(grow(0.8));
    expect(() => schedulerFor({ request_retention: 1.5, maximum_interval: 36_500 })).toThrow();
  });

  it('rejects corrupted saved card state in Korean, naming the field', () => {
    const good = cardToJson(newCard(new Date('2026-11-28T01:00:00Z')));
    expect(() => cardFromJson('cq-x', { ...good, due: 'next saturday' })).toThrow("복습 카드 'cq-x'의 저장된 상태가 손상되었습니다 (due).");
    expect(() => cardFromJson('cq-x', { ...good, state: 7 })).toThrow(/\(state\)/);
    expect(() => cardFromJson('cq-x', null)).toThrow(/\(최상위\)/);
    expect(() =>
      upgradeDocument('review', { version: 1, data: { cards: { 'cq-x': { ...good, reps: -1 } }, logs: [], sessions: [] } }),
    ).toThrow('review: 내용이 올바르지 않습니다 (cards.cq-x.reps).');
  });
});
