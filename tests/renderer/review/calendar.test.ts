import { describe, expect, it } from 'vitest';
import { isoWeekIndex, isoWeekLabel, localDayNumber, startOfLocalDay, weekdayOfDay } from '../../../renderer/src/review/calendar';

describe('calendar in an explicit time zone', () => {
  it('reads the local day and weekday in the learner zone, not UTC', () => {
    // 2026-11-27 01:00 in Seoul is still Thursday 2026-11-26 in UTC.
    const instant = new Date('2026-11-26T16:00:00Z');
    expect(weekdayOfDay(localDayNumber(instant, 'Asia/Seoul'))).toBe(5);
    expect(weekdayOfDay(localDayNumber(instant, 'UTC'))).toBe(4);
  });

  it('finds local midnight, including on a daylight-saving day', () => {
    const seoul = localDayNumber(new Date('2026-11-28T01:00:00Z'), 'Asia/Seoul');
    expect(startOfLocalDay(seoul, 'Asia/Seoul').toISOString()).toBe('2026-11-27T15:00:00.000Z');
    // New York switched to EDT at 02:00 on 2026-03-08; that day starts at 05:00Z, the next at 04:00Z.
    const ny = localDayNumber(new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(startOfLocalDay(ny, 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay(ny + 1, 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('labels ISO weeks across a year boundary (2026 has 53 weeks)', () => {
    const day = (iso: string) => localDayNumber(new Date(iso), 'UTC');
    expect(isoWeekLabel(isoWeekIndex(day('2026-12-31T12:00:00Z')))).toBe('2026-W53');
    expect(isoWeekLabel(isoWeekIndex(day('2027-01-03T12:00:00Z')))).toBe('2026-W53');
    expect(isoWeekLabel(isoWeekIndex(day('2027-01-04T12:00:00Z')))).toBe('2027-W01');
    expect(isoWeekLabel(isoWeekIndex(day('2025-12-29T12:00:00Z')))).toBe('2026-W01');
    expect(isoWeekIndex(day('2027-01-04T12:00:00Z'))).toBe(isoWeekIndex(day('2027-01-03T12:00:00Z')) + 1);
  });
});
