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
 * a copy of ten thousand items each time. Returns the same array; read it through keptHistory.
 *
 * Dropped items leave the array in batches: taking one item off the front of an array moves all the others
 * (19 µs an item at 16,000 items, measured), and an alarm that flips every few minutes holds about that many
 * after two weeks, so once its oldest items start to age out every state change paid that twice. The items
 * aged out but still in the array are counted in `fronts`; they go once they are a quarter of it, so each
 * item is moved at most three times over its life.
 */
export function appendKept(history: AlarmHistoryItem[], item: AlarmHistoryItem, nowMs: number): AlarmHistoryItem[] {
  let front = fronts.get(history);
  if (front === undefined) fronts.set(history, (front = { head: 0, headMs: NaN }));
  let head = front.head;
  // The first kept item's time is parsed once, when it becomes the first (items are never changed).
  let headMs = front.headMs;
  while (head < history.length) {
    if (Number.isNaN(headMs)) headMs = Date.parse(history[head]!.Timestamp);
    if (nowMs - headMs <= HISTORY_RETENTION) break;
    head++;
    headMs = NaN;
  }
  if (head >= MIN_BATCH && head * 4 >= history.length) {
    history.splice(0, head);
    head = 0;
  }
  history.push(item);
  front.head = head;
  front.headMs = headMs;
  return history;
}

/** The items of a history CloudWatch still keeps, as appendKept left it: every reader goes through here. */
export function keptHistory(history: AlarmHistoryItem[]): AlarmHistoryItem[] {
  const head = fronts.get(history)?.head ?? 0;
  return head === 0 ? history : history.slice(head);
}

/** Per history array: how many items at its front have aged out but are still in it (see appendKept), and the
 *  time of the first one kept (NaN: not read yet). */
const fronts = new WeakMap<AlarmHistoryItem[], { head: number; headMs: number }>();
/** Fewer aged-out items than this stay where they are (a short history is cheap to shift anyway). */
const MIN_BATCH = 64;

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
