// The weekend review (복습) logic the UI calls: pure functions, time always passed in as `now`.
export { gradeAnswer, DEFAULT_EXPECTED_MS, type AnswerResult, type Confidence } from './grade';
export { placeOnReviewDay, shiftWindow, type ReviewCalendar } from './review-days';
export {
  DEFAULT_REVIEW_PARAMS,
  cardFromJson,
  cardToJson,
  isDue,
  newCard,
  reviewCardJson,
  reviewCardState,
  schedulerFor,
  type CardJson,
  type ReviewLogJson,
  type ReviewParams,
  type SchedulingContext,
} from './card-state';
export { buildSessionPlan, itemCapacity, rankCategories, SECONDS_PER_ITEM, type PlanInput, type SessionPlan, type StudyItem } from './session-plan';
export { startSession, answer, finish, resume, currentItem, type ReviewSession, type SessionAnswer } from './session';
export { addSession, withReviewParams, answerAndSchedule, finishSession, inProgressSession, reviewParams, type ReviewData } from './review-document';
export { summarizeSession, weeklyHistory, weekendStreak, type SessionSummary, type WeekBucket, type WeekendStreak } from './history';
export { ReviewDataError } from './errors';
