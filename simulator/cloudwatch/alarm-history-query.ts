// DescribeAlarmHistory over the history items of every alarm, deleted ones included ("CloudWatch retains the
// history of an alarm even if you delete the alarm"), for the two weeks CloudWatch keeps it.
import type { AlarmHistoryItem, AlarmType, HistoryItemType } from './alarm-history';
import { DAY } from './metric-types';

export interface DescribeAlarmHistoryInput {
  AlarmName?: string;
  /** "If you omit this parameter, only metric alarms are returned." */
  AlarmTypes?: AlarmType[];
  HistoryItemType?: HistoryItemType;
  StartDate?: number;
  EndDate?: number;
  /** 1-100. */
  MaxRecords?: number;
  NextToken?: string;
  ScanBy?: 'TimestampDescending' | 'TimestampAscending';
}

export interface DescribeAlarmHistoryOutput {
  AlarmHistoryItems: AlarmHistoryItem[];
  NextToken?: string;
}

export const HISTORY_RETENTION = 14 * DAY;

/**
 * Appends `item` to an alarm's history (oldest first), first dropping the items CloudWatch no longer keeps at
 * `nowMs`: DescribeAlarmHistory never shows them, and an alarm evaluated for months would otherwise carry every
 * item it ever wrote. In place: a history is append-only (items are never changed, only added at the end and
 * dropped from the front), and copying it at every state change cost an alarm that flips every few minutes
 * a copy of ten thousand items each time. Returns the same array.
 */
export function appendKept(history: AlarmHistoryItem[], item: AlarmHistoryItem, nowMs: number): AlarmHistoryItem[] {
  while (history.length > 0 && nowMs - itemTime(history[0]!) > HISTORY_RETENTION) history.shift();
  history.push(item);
  return history;
}

/** Date.parse of items' Timestamps, kept per item: the oldest item of a history is asked at every append until
 *  it ages out, and parsing it each time was a few µs of every state change (items are never changed). */
const itemTimes = new WeakMap<AlarmHistoryItem, number>();

function itemTime(h: AlarmHistoryItem): number {
  let t = itemTimes.get(h);
  if (t === undefined) itemTimes.set(h, (t = Date.parse(h.Timestamp)));
  return t;
}

export function describeAlarmHistory(items: readonly AlarmHistoryItem[], input: DescribeAlarmHistoryInput, now: number): DescribeAlarmHistoryOutput {
  const types = input.AlarmTypes ?? ['MetricAlarm'];
  const matching = items.filter((h) => {
    const t = Date.parse(h.Timestamp);
    return now - t <= HISTORY_RETENTION &&
      types.includes(h.AlarmType) &&
      (input.AlarmName === undefined || h.AlarmName === input.AlarmName) &&
      (input.HistoryItemType === undefined || h.HistoryItemType === input.HistoryItemType) &&
      (input.StartDate === undefined || t >= input.StartDate) &&
      (input.EndDate === undefined || t <= input.EndDate);
  });
  // Stable sort keeps the order items were written in for equal timestamps.
  const ascending = input.ScanBy === 'TimestampAscending';
  const sorted = [...matching].sort((a, b) => (Date.parse(a.Timestamp) - Date.parse(b.Timestamp)) * (ascending ? 1 : -1));
  if (!ascending) sortTiesNewestFirst(sorted);
  const offset = input.NextToken !== undefined ? Number(input.NextToken) || 0 : 0;
  const limit = input.MaxRecords ?? 100;
  const page = sorted.slice(offset, offset + limit);
  const next = offset + limit < sorted.length ? String(offset + limit) : undefined;
  return next === undefined ? { AlarmHistoryItems: page } : { AlarmHistoryItems: page, NextToken: next };
}

/** Items written in the same millisecond: the later-written one is the newer. */
function sortTiesNewestFirst(sorted: AlarmHistoryItem[]): void {
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.Timestamp === sorted[i]!.Timestamp) j++;
    if (j > i) sorted.splice(i, j - i + 1, ...sorted.slice(i, j + 1).reverse());
    i = j + 1;
  }
}
