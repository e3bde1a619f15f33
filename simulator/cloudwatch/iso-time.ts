// ISO-8601 times as Date#toISOString writes them, without a Date per call: every alarm state change writes
// several (reason data, history), and toISOString was a visible share of the per-minute alarm work. The
// calendar part changes once a simulated day, so it is taken from toISOString once per day and remembered;
// the time of day is plain arithmetic. Anything outside the plain case goes through toISOString itself.

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from there toISOString writes six-digit years. */
const FAST_END = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

// Two days are remembered: an alarm notification writes its configuration's day next to today's, which made
// a single remembered day change back and forth at every action.
let dayCached = NaN;
let dayPrefix = '';
let otherDay = NaN;
let otherPrefix = '';

/** "2026-11-26T10:00:00.000" + `zone`: new Date(ms).toISOString() with its "Z" replaced by `zone`. */
export function isoWithZone(ms: number, zone: string): string {
  // Date's time value is the integer part, and negative times have their own sign rules: only whole
  // non-negative milliseconds take the arithmetic path.
  if (!Number.isInteger(ms) || ms < 0 || ms >= FAST_END) return `${new Date(ms).toISOString().slice(0, -1)}${zone}`;
  const day = Math.floor(ms / DAY_MS);
  if (day !== dayCached) {
    const prefix = day === otherDay ? otherPrefix : new Date(day * DAY_MS).toISOString().slice(0, 11);
    otherDay = dayCached;
    otherPrefix = dayPrefix;
    dayPrefix = prefix;
    dayCached = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const milli = rest - seconds * 1000;
  const millis = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli);
  return `${dayPrefix}${TWO_DIGITS[hours]!}:${TWO_DIGITS[minutes]!}:${TWO_DIGITS[seconds]!}.${millis}${zone}`;
}

/** new Date(ms).toISOString(). */
export function isoString(ms: number): string {
  return isoWithZone(ms, 'Z');
}
