// The learner's calendar: which local day an instant falls on, in an IANA time zone passed in explicitly, so
// results never depend on the machine running the code (tests run in UTC, the learner may be in Asia/Seoul).

export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what a caller passing a bad setting should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone, read back as if they were UTC (milliseconds dropped). */
function wallClockAsUtc(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
}

/** Local calendar day as a day count since 1970-01-01 (consecutive days are consecutive integers). */
export function localDayNumber(instant: Date, timeZone: string): number {
  return Math.floor(wallClockAsUtc(instant.getTime(), timeZone) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, like Date.getDay() and settings.reviewDays. 1970-01-01 was a Thursday. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The instant the local day starts (local midnight), found by correcting twice for the zone's offset. */
export function startOfLocalDay(dayNumber: number, timeZone: string): Date {
  const wall = dayNumber * DAY_MS;
  const offset1 = wallClockAsUtc(wall, timeZone) - wall;
  const guess = wall - offset1;
  const offset2 = wallClockAsUtc(guess, timeZone) - guess;
  return new Date(wall - offset2);
}

/**
 * ISO-8601 weeks run Monday to Sunday. The index counts weeks since the one holding 1970-01-01, so "the week
 * after" is always index + 1, across year boundaries and 53-week years alike.
 */
export function isoWeekIndex(dayNumber: number): number {
  return Math.floor((dayNumber + 3) / 7);
}

/** 'YYYY-Www' label of an ISO week: the year is the one that holds the week's Thursday. */
export function isoWeekLabel(weekIndex: number): string {
  const thursday = isoWeekMonday(weekIndex) + 3;
  const date = new Date(thursday * DAY_MS);
  const year = date.getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week, as a day number. */
export function isoWeekMonday(weekIndex: number): number {
  return weekIndex * 7 - 3;
}
