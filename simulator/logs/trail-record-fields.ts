// Reading a few top-level string fields of a CloudTrail record without parsing it. A trail hands CloudWatch
// Logs each record as the compact JSON text JSON.stringify wrote; parsing 1–2 KB only to learn its
// eventTime cost more than everything else the delivery does.
import { indexOfKey } from './json-text-search';

/** Where the string value of a compact `"key":"value"` member starts, searching from `from`; -1 if none. */
function indexOfStringValue(text: string, key: string, from = 0): number {
  for (let at = indexOfKey(text, key, from); at >= 0; at = indexOfKey(text, key, at + 1)) {
    const after = at + key.length + 2;
    if (text.charCodeAt(after) === 0x3a && text.charCodeAt(after + 1) === 0x22) return after + 2;
  }
  return -1;
}

/**
 * The value of `"key":"value"` when that spelling occurs exactly once in the text and the value has no
 * escape; otherwise undefined (the caller parses). In compact JSON a record's own top-level field is one
 * occurrence; a second one (a nested field of the same name, or a key ending in `\"key`) makes the text
 * ambiguous, so it is refused rather than guessed.
 */
export function uniqueStringField(record: string, key: string): string | undefined {
  const from = indexOfStringValue(record, key);
  if (from < 0 || indexOfStringValue(record, key, from) >= 0) return undefined;
  const end = record.indexOf('"', from);
  if (end < 0) return undefined;
  const value = record.slice(from, end);
  return value.includes('\\') ? undefined : value;
}

/** A record's eventTime in epoch ms: the log event's timestamp. */
export function trailRecordTime(record: string): number {
  const text = uniqueStringField(record, 'eventTime') ?? (JSON.parse(record) as { eventTime: string }).eventTime;
  return isoSecondsMs(text);
}

/** The number written with `n` decimal digits at `at`, or -1 if any is not a digit. */
function digitsAt(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Date.parse(text), read digit by digit when the text is spelled as CloudTrail writes eventTime
 * ("2026-01-01T00:00:00Z"): Date.parse cost as much as finding the field in the record. Any other spelling,
 * and any field out of the range Date.parse accepts as such, is left to Date.parse (a day past the month's
 * end rolls over in both; years before 1000 would not, in Date.UTC).
 */
export function isoSecondsMs(text: string): number {
  if (text.length !== 20 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54 ||
    text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a || text.charCodeAt(19) !== 0x5a) return Date.parse(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Date.parse(text);
  }
  if (year !== lastYear || month !== lastMonth || day !== lastDay) {
    lastDayMs = Date.UTC(year, month - 1, day);
    lastYear = year;
    lastMonth = month;
    lastDay = day;
  }
  // Date.UTC adds the time of day to the day's start in whole milliseconds, so this is its answer exactly.
  return lastDayMs + hour * 3_600_000 + minute * 60_000 + second * 1000;
}

/** The day last read and where it starts: a delivery's records fall on one or two days, and Date.UTC cost
 *  as much as reading the digits. */
let lastYear = -1;
let lastMonth = -1;
let lastDay = -1;
let lastDayMs = 0;

/**
 * The values in which a trail's records for the same caller and call differ, in the order JSON.stringify
 * writes them in a record (eventTime, S3's x-amz-id-2, requestID, eventID, sharedEventID). Each is looked
 * for after the previous one found. A wrong or missed pick only makes a template less shared; it never
 * changes a stored message (see trail-record-store.ts).
 */
export const VARYING_KEYS: readonly string[] = ['eventTime', 'x-amz-id-2', 'requestID', 'eventID', 'sharedEventID'];

export function varyingValues(record: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const key of VARYING_KEYS) {
    const start = indexOfStringValue(record, key, from);
    if (start < 0) continue;
    const end = record.indexOf('"', start);
    if (end <= start) continue;
    out.push(record.slice(start, end));
    from = end;
  }
  return out;
}
