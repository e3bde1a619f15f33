// Event history rows for the table, built from LookupEvents pages (the real handler, through sim:Inspect).
import type { JsonObject } from '../../../../../simulator';
import type { HistoryQuery, HistoryRow } from './protocol';

/** More rows than this is more than anyone scrolls; the table says so and asks for a narrower filter. */
export const HISTORY_ROW_LIMIT = 200_000;

export function rowOf(e: JsonObject): HistoryRow {
  const resources = Array.isArray(e['Resources']) ? (e['Resources'] as JsonObject[]) : [];
  const first = resources[0];
  return {
    eventId: String(e['EventId'] ?? ''),
    eventName: String(e['EventName'] ?? ''),
    eventTime: String(e['EventTime'] ?? ''),
    username: String(e['Username'] ?? ''),
    eventSource: String(e['EventSource'] ?? ''),
    resourceType: first ? String(first['ResourceType'] ?? '') : '',
    resourceName: resources.map((r) => String(r['ResourceName'] ?? '')).join(', '),
    readOnly: String(e['ReadOnly'] ?? ''),
  };
}

/** LookupEvents parameters for a query; the read-only filter is the attribute when no other is chosen. */
export function lookupParams(q: HistoryQuery): JsonObject {
  const p: JsonObject = { MaxResults: 50 };
  const attr = q.attribute ?? (q.readOnly ? { key: 'ReadOnly' as const, value: q.readOnly } : undefined);
  if (attr) p['LookupAttributes'] = [{ AttributeKey: attr.key, AttributeValue: attr.value }];
  if (q.startMs !== undefined) p['StartTime'] = q.startMs / 1000;
  if (q.endMs !== undefined) p['EndTime'] = q.endMs / 1000;
  return p;
}

/** Pages through LookupEvents with NextToken until done or until `limit` events (whole pages); `from` is a
 *  NextToken to start at. `token` is where to continue when stopped early. */
export function collectEvents(
  q: HistoryQuery,
  page: (params: JsonObject) => JsonObject,
  limit = HISTORY_ROW_LIMIT,
  from?: string,
): { events: JsonObject[]; truncated: boolean; token?: string } {
  const base = lookupParams(q);
  const events: JsonObject[] = [];
  let token = from;
  do {
    const res = page(token ? { ...base, NextToken: token } : base);
    for (const e of (res['Events'] as JsonObject[] | undefined) ?? []) {
      if (q.attribute && q.readOnly && String(e['ReadOnly']) !== q.readOnly) continue;
      events.push(e);
    }
    token = typeof res['NextToken'] === 'string' ? res['NextToken'] : undefined;
  } while (token && events.length < limit);
  return token ? { events, truncated: true, token } : { events, truncated: false };
}

export function collectRows(q: HistoryQuery, page: (params: JsonObject) => JsonObject, limit?: number, from?: string): { rows: HistoryRow[]; truncated: boolean; cursor?: string } {
  const { events, truncated, token } = collectEvents(q, page, limit, from);
  return { rows: events.map(rowOf), truncated, ...(token ? { cursor: token } : {}) };
}
