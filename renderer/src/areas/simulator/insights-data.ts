// Insights events as the chart needs them: Start and End records paired by sharedEventID, with the baseline
// and insight averages their insightContext carries.

type Obj = Record<string, unknown>;

export interface InsightIncident {
  sharedEventID: string;
  eventSource: string;
  eventName: string;
  insightType: string;
  errorCode?: string;
  startMs: number;
  /** Absent while the unusual activity goes on. */
  endMs?: number;
  /** Calls (or errors) per minute in the baseline, from the Start record. */
  baselineAverage: number;
  /** Per minute during the Insights period, from the End record (the Start record's covers its first minute). */
  insightAverage: number;
  baselineDuration: number;
  insightDuration?: number;
  records: Obj[];
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? NaN));

/** Records from LookupEvents (EventCategory insight), parsed from CloudTrailEvent, in any order. */
export function pairInsights(records: Obj[]): InsightIncident[] {
  const by = new Map<string, InsightIncident>();
  const ordered = [...records].sort((a, b) => Date.parse(String(a['eventTime'])) - Date.parse(String(b['eventTime'])));
  for (const r of ordered) {
    const d = (r['insightDetails'] as Obj | undefined) ?? {};
    const stats = (((d['insightContext'] as Obj | undefined) ?? {})['statistics'] as Obj | undefined) ?? {};
    const id = String(r['sharedEventID'] ?? r['eventID']);
    const at = Date.parse(String(r['eventTime']));
    const baseline = num((stats['baseline'] as Obj | undefined)?.['average']);
    const insight = num((stats['insight'] as Obj | undefined)?.['average']);
    const prev = by.get(id);
    const inc: InsightIncident = prev ?? {
      sharedEventID: id,
      eventSource: String(d['eventSource'] ?? ''),
      eventName: String(d['eventName'] ?? ''),
      insightType: String(d['insightType'] ?? ''),
      ...(typeof d['errorCode'] === 'string' ? { errorCode: d['errorCode'] } : {}),
      startMs: at,
      baselineAverage: baseline,
      insightAverage: insight,
      baselineDuration: num(stats['baselineDuration']),
      records: [],
    };
    inc.records.push(r);
    if (d['state'] === 'Start') {
      inc.startMs = at;
      inc.baselineAverage = baseline;
      if (!prev) inc.insightAverage = insight;
    } else if (d['state'] === 'End') {
      inc.endMs = at;
      inc.insightAverage = insight;
      inc.insightDuration = num(stats['insightDuration']);
    }
    by.set(id, inc);
  }
  return [...by.values()].sort((a, b) => b.startMs - a.startMs);
}

/** The chart window: an hour before the Start to half an hour after the End (or now), at most six hours. */
export function insightWindow(inc: InsightIncident, nowMs: number): { startMs: number; endMs: number } {
  const startMs = inc.startMs - 3600_000;
  const endMs = Math.min((inc.endMs ?? nowMs) + 1_800_000, nowMs, startMs + 6 * 3600_000);
  return { startMs, endMs: Math.max(endMs, inc.startMs + 60_000) };
}
