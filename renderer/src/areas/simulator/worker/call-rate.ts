// Per-minute counts of one API's write management calls, read from the event history with LookupEvents.
// CloudTrail Insights (ApiCallRateInsight) counts exactly these: write management API calls per minute.
import type { JsonObject } from '../../../../../simulator';
import { collectEvents } from './history-rows';

const MINUTE = 60_000;
/** Six hours of 100 calls a minute; beyond that the chart asks for a narrower window. */
export const CALL_RATE_EVENT_LIMIT = 40_000;

export interface CallRateQuery {
  region: string;
  eventSource: string;
  eventName: string;
  startMs: number;
  endMs: number;
}

/** One entry per minute of [startMs, endMs), zeros included, so a quiet minute shows as a drop. */
export function callRate(q: CallRateQuery, page: (params: JsonObject) => JsonObject): { minutes: { t: number; n: number }[]; truncated: boolean } {
  const start = Math.floor(q.startMs / MINUTE) * MINUTE;
  const end = Math.ceil(q.endMs / MINUTE) * MINUTE;
  const { events, truncated } = collectEvents(
    { region: q.region, attribute: { key: 'EventName', value: q.eventName }, readOnly: 'false', startMs: start, endMs: end - 1 },
    page,
    CALL_RATE_EVENT_LIMIT,
  );
  const counts = new Map<number, number>();
  for (const e of events) {
    if (e['EventSource'] !== q.eventSource) continue;
    const t = Math.floor(Date.parse(String(e['EventTime'])) / MINUTE) * MINUTE;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const minutes: { t: number; n: number }[] = [];
  for (let t = start; t < end; t += MINUTE) minutes.push({ t, n: counts.get(t) ?? 0 });
  return { minutes, truncated };
}
