// FSRS card state as plain JSON (what the review document stores) and the one step that reviews a card:
// ts-fsrs computes the next state, then the due date is placed on one of the learner's review days.
import { createEmptyCard, fsrs, generatorParameters, State, type Card, type FSRS, type Grade, type ReviewLog } from 'ts-fsrs';
import type { z } from 'zod';
import { reviewCardSchema, reviewLogSchema, reviewParamsSchema } from '../../../electron/common/documents';
import { ReviewDataError, issuePath } from './errors';
import { localDayNumber } from './calendar';
import { placeOnReviewDay, type ReviewCalendar } from './review-days';

export type CardJson = z.infer<typeof reviewCardSchema>;
export type ReviewLogJson = z.infer<typeof reviewLogSchema>;
export type ReviewParams = z.infer<typeof reviewParamsSchema>;

/** ts-fsrs's defaults (0.9 retention, 100-year cap), used until the learner changes them. */
export const DEFAULT_REVIEW_PARAMS: ReviewParams = {
  request_retention: generatorParameters().request_retention,
  maximum_interval: generatorParameters().maximum_interval,
};

export interface SchedulingContext extends ReviewCalendar {
  params: ReviewParams;
}

/**
 * Fuzz stays off: placing due dates on review days replaces it (as Anki's load balancer replaces fuzz), and it
 * keeps scheduling a pure function of the inputs. Short-term (minute) learning steps stay on, as ts-fsrs ships.
 */
export function schedulerFor(params: ReviewParams): FSRS {
  return fsrs(generatorParameters({ ...reviewParamsSchema.parse(params), enable_fuzz: false }));
}

export function cardToJson(card: Card): CardJson {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

/** Validates saved card JSON (untrusted) and rebuilds the ts-fsrs Card; throws ReviewDataError in Korean. */
export function cardFromJson(itemId: string, raw: unknown): Card {
  const parsed = reviewCardSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ReviewDataError(`복습 카드 '${itemId}'의 저장된 상태가 손상되었습니다 (${issuePath(parsed.error.issues)}).`);
  }
  const json = parsed.data;
  const card: Card = {
    due: new Date(json.due),
    stability: json.stability,
    difficulty: json.difficulty,
    elapsed_days: json.elapsed_days,
    scheduled_days: json.scheduled_days,
    learning_steps: json.learning_steps,
    reps: json.reps,
    lapses: json.lapses,
    state: json.state as State,
  };
  if (json.last_review !== null) card.last_review = new Date(json.last_review);
  return card;
}

export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

export interface ReviewedCard {
  card: Card;
  log: ReviewLog;
}

/** One review on in-memory ts-fsrs objects: FSRS's next state, with its due date moved onto a review day. */
export function reviewCardState(card: Card, grade: Grade, now: Date, ctx: SchedulingContext): ReviewedCard {
  const scheduler = schedulerFor(ctx.params);
  const { card: next, log } = scheduler.next(card, now, grade);
  const due = placeOnReviewDay(next.due, now, ctx, ctx.params.maximum_interval);
  if (due.getTime() === next.due.getTime()) return { card: next, log };
  // Keep scheduled_days true to the placed date (whole local days from the review day), so logs show what was planned.
  const scheduled_days = localDayNumber(due, ctx.timeZone) - localDayNumber(now, ctx.timeZone);
  return { card: { ...next, due, scheduled_days }, log };
}

export interface AnswerFacts {
  correct: boolean;
  responseMs: number;
}

/** The same review on the stored JSON form, producing the card to store and the log line to append. */
export function reviewCardJson(
  itemId: string,
  stored: unknown,
  grade: Grade,
  now: Date,
  ctx: SchedulingContext,
  facts: AnswerFacts,
): { card: CardJson; log: ReviewLogJson } {
  const card = stored === undefined ? newCard(now) : cardFromJson(itemId, stored);
  const { card: next, log } = reviewCardState(card, grade, now, ctx);
  return {
    card: cardToJson(next),
    log: {
      itemId,
      rating: log.rating as Grade,
      state: log.state,
      due: log.due.toISOString(),
      stability: log.stability,
      difficulty: log.difficulty,
      elapsed_days: log.elapsed_days,
      last_elapsed_days: log.last_elapsed_days,
      scheduled_days: log.scheduled_days,
      learning_steps: log.learning_steps,
      review: log.review.toISOString(),
      correct: facts.correct,
      responseMs: Math.round(facts.responseMs),
    },
  };
}

/** Due by `now` and already studied (a never-studied card is "new", not "due"). */
export function isDue(card: CardJson, now: Date): boolean {
  return card.state !== State.New && Date.parse(card.due) <= now.getTime();
}
