import { describe, expect, it } from 'vitest';
import { summarizeSession, weekendStreak, weeklyHistory } from '../../../renderer/src/review/history';
import type { ReviewSession } from '../../../renderer/src/review/session';

const TZ = 'Asia/Seoul';
const weekends = { reviewDays: [6, 0], timeZone: TZ };
/** An instant given as Seoul local time. */
const seoul = (local: string) => new Date(`${local}+09:00`);

function session(startLocal: string, answers: Array<[itemId: string, category: string, correct: boolean, responseMs: number]>, finished = true): ReviewSession {
  const startedAt = seoul(startLocal).toISOString();
  const end = new Date(Date.parse(startedAt) + 20 * 60_000).toISOString();
  return {
    id: `session-${startedAt}`,
    status: finished ? 'finished' : 'in-progress',
    seed: 's',
    lengthMinutes: 30,
    startedAt,
    finishedAt: finished ? end : null,
    items: answers.map(([itemId, category]) => ({ itemId, category, reason: 'due' as const })),
    scenarioId: null,
    index: answers.length,
    answers: answers.map(([itemId, , correct, responseMs], i) => ({
      itemId,
      correct,
      responseMs,
      confidence: null,
      rating: correct ? 3 : 1,
      answeredAt: new Date(Date.parse(startedAt) + (i + 1) * 60_000).toISOString(),
    })),
    nextDue: {},
  };
}

const one = (start: string) => session(start, [['cq-a', 'alarms', true, 10_000]]);

describe('session summary', () => {
  it('gives accuracy per category, time and next due dates soonest first', () => {
    const s = session('2026-11-28T10:00:00', [
      ['cq-a1', 'alarms', true, 10_000],
      ['cq-a2', 'alarms', false, 20_000],
      ['cq-t1', 'trails', true, 5_000],
    ]);
    const withPlan = {
      ...s,
      items: [...s.items, { itemId: 'cq-t2', category: 'trails', reason: 'new' as const }],
      nextDue: { 'cq-a1': '2026-12-05T15:00:00.000Z', 'cq-a2': '2026-11-28T01:10:00.000Z', 'cq-t1': '2026-11-28T15:00:00.000Z' },
    };
    const summary = summarizeSession(withPlan);
    expect(summary.perCategory).toEqual({
      alarms: { answered: 2, correct: 1, accuracy: 0.5 },
      trails: { answered: 1, correct: 1, accuracy: 1 },
    });
    expect(summary).toMatchObject({ answered: 3, correct: 2, answeringMs: 35_000, elapsedMs: 20 * 60_000, unanswered: 1 });
    expect(summary.accuracy).toBeCloseTo(2 / 3);
    expect(summary.nextDue.map((d) => d.itemId)).toEqual(['cq-a2', 'cq-t1', 'cq-a1']);
  });
});

describe('weekly history', () => {
  it('buckets finished sessions by ISO week, fills empty weeks and runs through the current week', () => {
    const sessions = [
      session('2026-12-19T10:00:00', [['cq-a', 'alarms', true, 30_000], ['cq-b', 'alarms', false, 30_000]]),
      one('2026-12-20T10:00:00'),
      one('2027-01-02T10:00:00'),
      session('2027-01-03T10:00:00', [['cq-c', 'trails', true, 1_000]], false),
    ];
    const weeks = weeklyHistory(sessions, TZ, seoul('2027-01-05T09:00:00'));
    expect(weeks.map((w) => w.week)).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01']);
    expect(weeks[0]).toEqual({ week: '2026-W51', sessions: 2, answered: 3, correct: 2, accuracy: 2 / 3, answeringMinutes: 1.2 });
    expect(weeks[1]).toEqual({ week: '2026-W52', sessions: 0, answered: 0, correct: 0, accuracy: null, answeringMinutes: 0 });
    expect(weeks[2]?.sessions).toBe(1);
    expect(weeks[3]?.sessions).toBe(0);
    expect(weeklyHistory([], TZ, seoul('2027-01-05T09:00:00'))).toEqual([]);
  });
});

describe('weekend streak', () => {
  // Weekends across the new year: 2026-W51 (Dec 19), W52 (Dec 27), W53 (Jan 2, 2027), 2027-W01 (Jan 10).
  const acrossNewYear = [one('2026-12-19T10:00:00'), one('2026-12-27T15:00:00'), one('2027-01-02T10:00:00'), one('2027-01-10T21:00:00')];

  it('counts consecutive weekends across a year boundary (and a 53-week year)', () => {
    expect(weekendStreak(acrossNewYear, weekends, seoul('2027-01-10T22:00:00'))).toEqual({ current: 4, longest: 4, thisWeekDone: true });
  });

  it('does not break the streak while this weekend can still be studied', () => {
    const before = acrossNewYear.slice(0, 3);
    expect(weekendStreak(before, weekends, seoul('2027-01-06T12:00:00'))).toEqual({ current: 3, longest: 3, thisWeekDone: false });
    expect(weekendStreak(before, weekends, seoul('2027-01-10T23:59:00'))).toEqual({ current: 3, longest: 3, thisWeekDone: false });
  });

  it('resets after a missed weekend but remembers the longest run', () => {
    const before = acrossNewYear.slice(0, 3);
    expect(weekendStreak(before, weekends, seoul('2027-01-11T00:00:00'))).toEqual({ current: 0, longest: 3, thisWeekDone: false });
    const missedOne = [one('2026-12-05T10:00:00'), one('2026-12-12T10:00:00'), one('2027-01-02T10:00:00')];
    expect(weekendStreak(missedOne, weekends, seoul('2027-01-03T10:00:00'))).toEqual({ current: 1, longest: 2, thisWeekDone: true });
  });

  it('counts only sessions on review days, in the learner time zone; unfinished sessions never count', () => {
    const wednesday = [...acrossNewYear.slice(0, 3), one('2027-01-06T20:00:00')];
    expect(weekendStreak(wednesday, weekends, seoul('2027-01-11T09:00:00')).current).toBe(0);
    // With no review days chosen, any day counts.
    expect(weekendStreak(wednesday, { reviewDays: [], timeZone: TZ }, seoul('2027-01-11T09:00:00')).current).toBe(4);
    // Saturday 08:00 in Seoul is still Friday in UTC: it counts in Seoul, not for a learner in UTC.
    const saturdayMorning = [one('2027-01-09T08:00:00')];
    expect(weekendStreak(saturdayMorning, weekends, seoul('2027-01-09T09:00:00')).current).toBe(1);
    expect(weekendStreak(saturdayMorning, { reviewDays: [6, 0], timeZone: 'UTC' }, seoul('2027-01-09T09:00:00')).current).toBe(0);
    const open = [session('2027-01-09T10:00:00', [['cq-a', 'alarms', true, 1_000]], false)];
    expect(weekendStreak(open, weekends, seoul('2027-01-09T11:00:00')).thisWeekDone).toBe(false);
  });

  it('groups custom review days by ISO week (Sunday and the Monday after are different weeks)', () => {
    const sunMon = { reviewDays: [0, 1], timeZone: TZ };
    const sessions = [one('2027-01-03T10:00:00'), one('2027-01-04T10:00:00')];
    expect(weekendStreak(sessions, sunMon, seoul('2027-01-04T12:00:00'))).toEqual({ current: 2, longest: 2, thisWeekDone: true });
  });
});
