// Reading a few top-level string fields of a CloudTrail record without parsing it. A trail hands CloudWatch
// Logs each record as the compact JSON text JSON.stringify wrote; parsing 1–2 KB only to learn its
// eventTime cost more than everything else the delivery does.
import { dateParseMs } from '../core/iso-seconds';
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
  return dateParseMs(text);
}

/** Date.parse(text), read digit by digit for a time as CloudTrail writes eventTime. */
export { dateParseMs as isoSecondsMs };

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
