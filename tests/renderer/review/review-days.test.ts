import { describe, expect, it } from 'vitest';
import { placeOnReviewDay, shiftWindow } from '../../../renderer/src/review/review-days';

const DAY = 86_400_000;
const TZ = 'Asia/Seoul';
/** Saturday 2026-11-28, 10:00 in Seoul. */
const SATURDAY_10AM = new Date('2026-11-28T01:00:00Z');
/** Local midnight in Seoul of a date, as an ISO instant. */
const seoulMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`).toISOString();
const fsrsDue = (days: number, from = SATURDAY_10AM) => new Date(from.getTime() + days * DAY);
const place = (days: number, reviewDays: number[], from = SATURDAY_10AM) =>
  placeOnReviewDay(fsrsDue(days, from), from, { reviewDays, timeZone: TZ }, 36_500).toISOString();

describe('shiftWindow: the slack around an FSRS interval, wider on the early side', () => {
  it.each([
    [1, 1, 1],
    [3, 2, 4],
    [10, 7, 12],
    [40, 30, 44],
  ])('%i days → days %i to %i', (days, earliest, latest) => {
    expect(shiftWindow(days, 36_500)).toEqual({ earliest, latest });
  });

  it('never reaches past the maximum interval', () => {
    expect(shiftWindow(40, 41).latest).toBe(41);
  });
});

describe('placeOnReviewDay from a Saturday 10:00 review (Seoul)', () => {
  const unchanged = (days: number) => fsrsDue(days).toISOString();
  it.each([
    // Saturday + Sunday. 1 day lands on Sunday. 3 days is Tuesday and days 2–4 (Mon–Wed) hold no weekend day: unchanged.
    // 10 days is a Tuesday: Sunday (2 days earlier, cost 2) beats Saturday (3 earlier). 40 days is a Thursday:
    // Sunday 4 days earlier and Saturday 2 days later both cost 4, and the earlier wins.
    ['[6,0]', [6, 0], 1, seoulMidnight('2026-11-29')],
    ['[6,0]', [6, 0], 3, unchanged(3)],
    ['[6,0]', [6, 0], 10, seoulMidnight('2026-12-06')],
    ['[6,0]', [6, 0], 40, seoulMidnight('2027-01-03')],
    // Wednesday only. 1 day (Sunday) has no slack: unchanged. 3 days → Wednesday one day later (cost 2).
    // 10 days (Tuesday) → Wednesday one day later. 40 days (Thursday) → Wednesday one day earlier.
    ['[3]', [3], 1, unchanged(1)],
    ['[3]', [3], 3, seoulMidnight('2026-12-02')],
    ['[3]', [3], 10, seoulMidnight('2026-12-09')],
    ['[3]', [3], 40, seoulMidnight('2027-01-06')],
    // Every day is a review day: the day FSRS chose, due from its start.
    ['all days', [0, 1, 2, 3, 4, 5, 6], 1, seoulMidnight('2026-11-29')],
    ['all days', [0, 1, 2, 3, 4, 5, 6], 3, seoulMidnight('2026-12-01')],
    ['all days', [0, 1, 2, 3, 4, 5, 6], 10, seoulMidnight('2026-12-08')],
    ['all days', [0, 1, 2, 3, 4, 5, 6], 40, seoulMidnight('2027-01-07')],
    // No review days chosen: FSRS's instant stands.
    ['[]', [], 1, unchanged(1)],
    ['[]', [], 3, unchanged(3)],
    ['[]', [], 10, unchanged(10)],
    ['[]', [], 40, unchanged(40)],
  ])('review days %s, %i-day interval', (_label, reviewDays, days, expected) => {
    expect(place(days, reviewDays)).toBe(expected);
  });

  it('keeps learning steps under a day exactly as FSRS set them', () => {
    const tenMinutes = new Date(SATURDAY_10AM.getTime() + 10 * 60_000);
    for (const reviewDays of [[6, 0], [3], []]) {
      expect(placeOnReviewDay(tenMinutes, SATURDAY_10AM, { reviewDays, timeZone: TZ }, 36_500)).toEqual(tenMinutes);
    }
  });

  it('leaves a one-day interval after a Sunday review on Monday rather than pushing it five days later', () => {
    const sunday = new Date('2026-11-29T05:00:00Z');
    expect(place(1, [6, 0], sunday)).toBe(fsrsDue(1, sunday).toISOString());
  });

  it('never moves a due date later than FSRS fuzz would, nor earlier than a quarter of the interval', () => {
    for (let weekday = 0; weekday < 7; weekday++) {
      const from = new Date(SATURDAY_10AM.getTime() + weekday * DAY);
      for (const days of [3, 5, 10, 21, 40, 90]) {
        for (const reviewDays of [[6, 0], [3], [1, 4]]) {
          const placed = Date.parse(place(days, reviewDays, from));
          const { earliest, latest } = shiftWindow(days, 36_500);
          const fromMidnight = Date.parse(seoulMidnight(from.toISOString().slice(0, 10)));
          expect(placed).toBeGreaterThanOrEqual(fromMidnight + earliest * DAY);
          expect(placed).toBeLessThanOrEqual(from.getTime() + latest * DAY);
        }
      }
    }
  });
});
