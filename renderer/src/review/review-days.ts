// Weekend scheduling, after Anki's "easy days": the learner names the days they review (Saturday and Sunday by
// default) and FSRS's due dates are moved onto those days, within the slack FSRS itself tolerates.
// https://docs.ankiweb.net/deck-options.html#easy-days
import { get_fuzz_range } from 'ts-fsrs';
import { DAY_MS, localDayNumber, startOfLocalDay, weekdayOfDay } from './calendar';

export interface ReviewCalendar {
  /** 0 = Sunday … 6 = Saturday (settings.reviewDays). Empty means "no preference": nothing is moved. */
  reviewDays: readonly number[];
  /** IANA zone the learner lives in, e.g. 'Asia/Seoul' (the UI passes Intl's resolved zone). */
  timeZone: string;
}

/** The whole days a due date may move to, counted from the day of the review. */
export interface ShiftWindow {
  earliest: number;
  latest: number;
}

/**
 * For an FSRS interval of `days` whole days:
 * - later: at most up to the top of FSRS's own fuzz range (ts-fsrs get_fuzz_range: ±1 day at 3 days,
 *   about ±2 at 10, about ±4 at 40). Reviewing later than planned loses retention, so we never go
 *   beyond what FSRS's fuzz would have done anyway; under 2.5 days FSRS applies no fuzz and neither do we.
 * - earlier: down to the bottom of the fuzz range or a quarter of the interval, whichever is earlier, and
 *   never before the next day. Reviewing early only costs a little efficiency (at 75 % of the interval,
 *   recall probability is about 0.92 instead of the 0.90 asked for), which is why the window leans earlier.
 */
export function shiftWindow(days: number, maximumInterval: number): ShiftWindow {
  if (days < 2.5) return { earliest: Math.max(1, days - Math.ceil(days / 4)), latest: days };
  const fuzz = get_fuzz_range(days, 0, maximumInterval);
  return {
    earliest: Math.max(1, Math.min(fuzz.min_ivl, days - Math.ceil(days / 4))),
    latest: Math.max(days, fuzz.max_ivl),
  };
}

/**
 * Moves an FSRS due date onto one of the learner's review days.
 *
 * The rule:
 * 1. No review days chosen ([]) → FSRS's due date stands exactly.
 * 2. Intervals under one day are (re)learning steps inside the sitting the learner is in right now, on a day
 *    they chose to study: they stand exactly.
 * 3. Otherwise FSRS planned `d` local days after the review day. Among the review days inside
 *    shiftWindow(d), pick the one with the lowest cost, where each day earlier costs 1 and each day later
 *    costs 2 (later hurts recall; earlier only costs effort); equal costs go to the earlier day.
 *    The card is due from the start of that local day, as Anki counts reviews by day, so a card placed on
 *    Sunday is waiting whenever the learner opens the app that Sunday.
 * 4. No review day inside the window (e.g. a one-day interval after a Sunday review, when only Saturday and
 *    Sunday are review days) → FSRS's due date stands; the card becomes overdue and the next session
 *    shows the most overdue cards first. Moving it five days later would ignore what FSRS computed.
 */
export function placeOnReviewDay(fsrsDue: Date, reviewedAt: Date, calendar: ReviewCalendar, maximumInterval: number): Date {
  const reviewDays = new Set(calendar.reviewDays);
  if (reviewDays.size === 0) return fsrsDue;
  if (fsrsDue.getTime() - reviewedAt.getTime() < DAY_MS) return fsrsDue;
  const today = localDayNumber(reviewedAt, calendar.timeZone);
  const planned = localDayNumber(fsrsDue, calendar.timeZone) - today;
  if (planned < 1) return fsrsDue;
  const { earliest, latest } = shiftWindow(planned, maximumInterval);
  let best: { offset: number; cost: number } | null = null;
  for (let offset = earliest; offset <= latest; offset++) {
    if (!reviewDays.has(weekdayOfDay(today + offset))) continue;
    const cost = offset <= planned ? planned - offset : 2 * (offset - planned);
    if (best === null || cost < best.cost) best = { offset, cost };
  }
  return best === null ? fsrsDue : startOfLocalDay(today + best.offset, calendar.timeZone);
}
