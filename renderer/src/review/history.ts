// What the learner sees after sessions: a session's summary, a week-by-week history for the chart, and the
// weekend streak. Sessions belong to the local day they were started on.
import { isoWeekIndex, isoWeekLabel, localDayNumber, weekdayOfDay } from './calendar';
import type { ReviewCalendar } from './review-days';
import type { ReviewSession } from './session';

export interface Tally {
  answered: number;
  correct: number;
  /** correct / answered, or null when nothing was answered. */
  accuracy: number | null;
}

function tally(answered: number, correct: number): Tally {
  return { answered, correct, accuracy: answered > 0 ? correct / answered : null };
}

export interface SessionSummary extends Tally {
  perCategory: Record<string, Tally>;
  /** Time spent answering (sum of response times). */
  answeringMs: number;
  /** From start to finish (or to the last answer while in progress), pauses included. */
  elapsedMs: number;
  /** Each answered item's due date at the end of the session, soonest first. */
  nextDue: { itemId: string; due: string }[];
  unanswered: number;
}

export function summarizeSession(session: ReviewSession): SessionSummary {
  const categoryOf = new Map(session.items.map((i) => [i.itemId, i.category]));
  const counts = new Map<string, { answered: number; correct: number }>();
  for (const a of session.answers) {
    const category = categoryOf.get(a.itemId) ?? '(알 수 없음)';
    const c = counts.get(category) ?? { answered: 0, correct: 0 };
    counts.set(category, { answered: c.answered + 1, correct: c.correct + (a.correct ? 1 : 0) });
  }
  const perCategory: Record<string, Tally> = {};
  for (const [category, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) perCategory[category] = tally(c.answered, c.correct);
  const correct = session.answers.filter((a) => a.correct).length;
  const end = session.finishedAt ?? session.answers[session.answers.length - 1]?.answeredAt ?? session.startedAt;
  return {
    ...tally(session.answers.length, correct),
    perCategory,
    answeringMs: session.answers.reduce((sum, a) => sum + a.responseMs, 0),
    elapsedMs: Math.max(0, Date.parse(end) - Date.parse(session.startedAt)),
    nextDue: Object.entries(session.nextDue)
      .map(([itemId, due]) => ({ itemId, due }))
      .sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || (a.itemId < b.itemId ? -1 : 1)),
    unanswered: session.items.length - session.answers.length,
  };
}

export interface WeekBucket extends Tally {
  /** 'YYYY-Www' (ISO 8601 week, Monday to Sunday). */
  week: string;
  sessions: number;
  answeringMinutes: number;
}

/**
 * Finished sessions grouped by the ISO week of their start, from the first such week through the week of `now`,
 * empty weeks included so the chart's x-axis has no holes.
 */
export function weeklyHistory(sessions: readonly ReviewSession[], timeZone: string, now: Date): WeekBucket[] {
  const finished = sessions.filter((s) => s.status === 'finished');
  if (finished.length === 0) return [];
  const byWeek = new Map<number, ReviewSession[]>();
  for (const s of finished) {
    const week = isoWeekIndex(localDayNumber(new Date(s.startedAt), timeZone));
    byWeek.set(week, [...(byWeek.get(week) ?? []), s]);
  }
  const first = Math.min(...byWeek.keys());
  const last = Math.max(isoWeekIndex(localDayNumber(now, timeZone)), ...byWeek.keys());
  const buckets: WeekBucket[] = [];
  for (let w = first; w <= last; w++) {
    const list = byWeek.get(w) ?? [];
    const answers = list.flatMap((s) => s.answers);
    buckets.push({
      week: isoWeekLabel(w),
      sessions: list.length,
      ...tally(answers.length, answers.filter((a) => a.correct).length),
      answeringMinutes: Math.round(answers.reduce((sum, a) => sum + a.responseMs, 0) / 6_000) / 10,
    });
  }
  return buckets;
}

export interface WeekendStreak {
  /** Consecutive study weeks up to now (this week counts once done; while it can still be done, it does not break the streak). */
  current: number;
  longest: number;
  thisWeekDone: boolean;
}

/**
 * A "study weekend" is an ISO week (Monday–Sunday, so a Saturday and the Sunday after it fall in the same week)
 * with at least one finished session started on one of the learner's review days (any day when none are set).
 * The streak counts consecutive study weekends. The current week breaks it only once its last review day has
 * passed without a session; until then the streak is counted up to last week.
 */
export function weekendStreak(sessions: readonly ReviewSession[], calendar: ReviewCalendar, now: Date): WeekendStreak {
  const reviewDays = new Set(calendar.reviewDays.length > 0 ? calendar.reviewDays : [0, 1, 2, 3, 4, 5, 6]);
  const weeks = new Set<number>();
  for (const s of sessions) {
    if (s.status !== 'finished') continue;
    const day = localDayNumber(new Date(s.startedAt), calendar.timeZone);
    if (reviewDays.has(weekdayOfDay(day))) weeks.add(isoWeekIndex(day));
  }
  const today = localDayNumber(now, calendar.timeZone);
  const thisWeek = isoWeekIndex(today);
  const thisWeekDone = weeks.has(thisWeek);
  let stillPossible = false;
  for (let day = today; isoWeekIndex(day) === thisWeek; day++) {
    if (reviewDays.has(weekdayOfDay(day))) stillPossible = true;
  }
  let current = 0;
  if (thisWeekDone || stillPossible) {
    for (let w = thisWeekDone ? thisWeek : thisWeek - 1; weeks.has(w); w--) current++;
  }
  let longest = 0;
  for (const w of weeks) {
    if (weeks.has(w - 1)) continue;
    let run = 0;
    while (weeks.has(w + run)) run++;
    longest = Math.max(longest, run);
  }
  return { current, longest, thisWeekDone };
}
