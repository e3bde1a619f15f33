// Operations on the whole persisted `review` document. Each returns the next document, which the UI saves at
// once: the card, its log line and the session's progress change together, so none is lost on a crash.
import type { Grade } from 'ts-fsrs';
import { reviewParamsSchema, type DocData } from '../../../electron/common/documents';
import { ReviewDataError, issuePath } from './errors';
import { DEFAULT_REVIEW_PARAMS, reviewCardJson, type ReviewParams } from './card-state';
import type { ReviewCalendar } from './review-days';
import { answer, finish, resume, type ReviewSession } from './session';
import type { AnswerResult } from './grade';

export type ReviewData = DocData['review'];

export function reviewParams(review: ReviewData): ReviewParams {
  return review.params ?? DEFAULT_REVIEW_PARAMS;
}

/** Stores the learner's FSRS settings (target retention 0.7–0.99, maximum interval in days). */
export function withReviewParams(review: ReviewData, params: ReviewParams): ReviewData {
  const parsed = reviewParamsSchema.safeParse(params);
  if (!parsed.success) {
    throw new ReviewDataError(
      `복습 설정이 올바르지 않습니다 (${issuePath(parsed.error.issues)}): 목표 기억률은 0.7~0.99, 최대 간격은 1~36500일이어야 합니다.`,
    );
  }
  return { ...review, params: parsed.data };
}

function withSession(review: ReviewData, session: ReviewSession): ReviewData {
  const at = review.sessions.findIndex((s) => s.id === session.id);
  const sessions = at >= 0 ? review.sessions.map((s, i) => (i === at ? session : s)) : [...review.sessions, session];
  return { ...review, sessions };
}

/** Stores a freshly started session (from startSession). */
export function addSession(review: ReviewData, session: ReviewSession): ReviewData {
  return withSession(review, session);
}

/** The session left in progress (e.g. the app was closed), validated; null when there is none. */
export function inProgressSession(review: ReviewData): ReviewSession | null {
  const open = review.sessions.filter((s) => s.status === 'in-progress');
  const last = open[open.length - 1];
  return last === undefined ? null : resume(last);
}

/** Answers the current item: records it in the session and reviews its FSRS card with the same grade. */
export function answerAndSchedule(
  review: ReviewData,
  session: ReviewSession,
  itemId: string,
  result: AnswerResult,
  now: Date,
  calendar: ReviewCalendar,
): { review: ReviewData; session: ReviewSession } {
  const next = answer(session, itemId, result, now);
  const given = next.answers[next.answers.length - 1]!;
  const { card, log } = reviewCardJson(
    itemId,
    review.cards[itemId],
    given.rating as Grade,
    now,
    { ...calendar, params: reviewParams(review) },
    { correct: given.correct, responseMs: given.responseMs },
  );
  const updated: ReviewData = { ...review, cards: { ...review.cards, [itemId]: card }, logs: [...review.logs, log] };
  return { review: withSession(updated, next), session: next };
}

export function finishSession(review: ReviewData, session: ReviewSession, now: Date): { review: ReviewData; session: ReviewSession } {
  const done = finish(session, review.cards, now);
  return { review: withSession(review, done), session: done };
}
