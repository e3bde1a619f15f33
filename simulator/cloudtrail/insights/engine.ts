// CloudTrail Insights analysis for the account: every management API call is counted per minute into its
// series (write calls for ApiCallRateInsight, calls that returned an error for ApiErrorRateInsight), and as
// the simulated clock passes each minute the engine compares that minute with the series' baseline, opening
// an Insights event (Start) on an unusual minute and closing it (End) at the first usual one. Counting is
// O(1) per call; analysis touches only series with activity or an open event.
import type { CloudTrailRecord, Json, Random } from '../../core/contract';
import { MINUTE_MS } from '../time';
import type { InsightType } from '../trails/trail-types';
import type { InsightEventInput } from './insight-record';
import { baselineStartMinute, unusualThreshold } from './rule';
import { addTallies, ATTRIBUTES, emptyTallies, Series, seriesId, type MinuteBucket, type SeriesKey, type Tallies } from './series';

/** An Insights event found while analysing a minute; atMs is when CloudTrail knows it (the minute's end). */
export type InsightDetection = Omit<InsightEventInput, 'accountId' | 'eventID'> & { atMs: number };

/** Is some trail ready to receive this Insights type in this Region at this time (logging, selected, past
 *  its learning period)? Without one there is nobody to report to, and no Insights event opens. */
export type ArmedCheck = (region: string, insightType: InsightType, atMs: number) => boolean;

/** Assumed-role sessions are attributed to the role session's role, as AWS's examples show
 *  ("arn:aws:sts::012345678901:assumed-role/CodeDeployRole1"). */
export function attributedArn(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  if (arn === lastArn) return lastAttributed;
  const m = /^(arn:aws:sts::\d{12}:assumed-role\/[^/]+)\/.+$/.exec(arn);
  lastArn = arn;
  lastAttributed = m ? m[1] : arn;
  return lastAttributed;
}
/** A busy account's calls come from one caller after another: the last answer is kept. */
let lastArn: string | undefined;
let lastAttributed: string | undefined;

function copy(t: Tallies): Tallies {
  const out = emptyTallies();
  addTallies(out, t);
  return out;
}

export class InsightsEngine {
  private series = new Map<string, Series>();
  /** The same series by eventName, found by comparing key members: counting a call builds no id string (that
   *  was most of counting's cost). Holds only series that `series` holds. */
  private byName = new Map<string, Series[]>();

  constructor(private readonly random: Random) {}

  /** Counts one record that landed in a Region's management event history. */
  count(record: CloudTrailRecord, eventMs: number): void {
    if (record.eventCategory !== 'Management' || record.eventType !== 'AwsApiCall') return;
    const write = record.readOnly === false;
    const error = record.errorCode;
    if (!write && !error) return;
    const minute = Math.floor(eventMs / MINUTE_MS);
    const arn = attributedArn(record.userIdentity?.arn);
    // No error is written as the string "null" (insightDetails reference).
    const errorCode = error ?? 'null';
    if (write) this.seriesFor(record, 'ApiCallRateInsight').count(minute, arn, record.userAgent, errorCode);
    if (error) this.seriesFor(record, 'ApiErrorRateInsight', error).count(minute, arn, record.userAgent, errorCode);
  }

  private seriesFor(record: CloudTrailRecord, insightType: InsightType, errorCode?: string): Series {
    const named = this.byName.get(record.eventName);
    if (named) {
      for (const s of named) {
        const k = s.key;
        if (k.insightType === insightType && k.region === record.awsRegion && k.eventSource === record.eventSource && k.errorCode === errorCode) return s;
      }
    }
    const s = this.seriesById(record, insightType, errorCode);
    // A key the member comparison misses but the id finds (only names holding the id's separator) stays out.
    if (named) {
      if (!named.includes(s)) named.push(s);
    } else this.byName.set(record.eventName, [s]);
    return s;
  }

  private seriesById(record: CloudTrailRecord, insightType: InsightType, errorCode?: string): Series {
    const base = { region: record.awsRegion, insightType, eventSource: record.eventSource, eventName: record.eventName };
    const key: SeriesKey = errorCode === undefined ? base : { ...base, errorCode };
    const id = seriesId(key);
    let s = this.series.get(id);
    if (!s) {
      s = new Series(key);
      this.series.set(id, s);
    }
    return s;
  }

  /** Analyses every minute that ended at or before nowMs; detections come back in time order. */
  advanceTo(nowMs: number, armed: ArmedCheck): InsightDetection[] {
    const lastClosed = Math.floor(nowMs / MINUTE_MS) - 1;
    const found: InsightDetection[] = [];
    for (const s of this.series.values()) {
      // Pending tallies are read from here on.
      s.settle();
      for (;;) {
        const next = s.incident ? s.analysedThrough + 1 : s.pending[0]?.minute;
        if (next === undefined || next > lastClosed) break;
        const bucket = s.pending[0]?.minute === next ? s.pending.shift() : undefined;
        this.analyse(s, next, bucket, armed, found);
        s.analysedThrough = next;
      }
    }
    // Stable: same-minute detections keep the series' order, which is deterministic.
    return found.sort((a, b) => a.atMs - b.atMs);
  }

  private analyse(s: Series, minute: number, bucket: MinuteBucket | undefined, armed: ArmedCheck, found: InsightDetection[]): void {
    const windowStart = baselineStartMinute(minute);
    s.forgetBefore(windowStart);
    const count = bucket?.count ?? 0;
    const atMs = (minute + 1) * MINUTE_MS;
    const inc = s.incident;
    if (inc) {
      if (count > inc.baseline.threshold) {
        inc.count += count;
        if (bucket) addTallies(inc.by, bucket.by);
      } else {
        const minutes = minute - inc.startMinute;
        found.push({
          atMs,
          key: s.key,
          state: 'End',
          sharedEventID: inc.sharedEventID,
          eventMinute: minute,
          baselineAverage: inc.baseline.average,
          baselineMinutes: inc.baseline.minutes,
          baselineBy: inc.baseline.by,
          insightAverage: inc.count / minutes,
          insightMinutes: minutes,
          insightBy: inc.by,
        });
        s.incident = undefined;
      }
    } else if (bucket && count > 0) {
      const minutes = minute - windowStart;
      const { average, stddev } = s.stats(minutes);
      const threshold = unusualThreshold(average, stddev);
      if (count > threshold && armed(s.key.region, s.key.insightType, minute * MINUTE_MS)) {
        const baseline = { minutes, average, stddev, threshold, by: s.baselineBy() };
        s.incident = { sharedEventID: this.random.uuid(), startMinute: minute, baseline, count, by: copy(bucket.by) };
        found.push({
          atMs,
          key: s.key,
          state: 'Start',
          sharedEventID: s.incident.sharedEventID,
          eventMinute: minute,
          baselineAverage: average,
          baselineMinutes: minutes,
          baselineBy: baseline.by,
          insightAverage: count,
          insightMinutes: 1,
          insightBy: copy(bucket.by),
        });
      }
    }
    if (bucket) s.remember(bucket);
  }

  snapshot(): Json {
    // Pending tallies are read here.
    for (const s of this.series.values()) s.settle();
    return [...this.series.values()].map((s) => ({
      key: keyJson(s.key),
      analysedThrough: s.analysedThrough,
      pending: s.pending.map(bucketJson),
      window: s.window.map(bucketJson),
      incident: s.incident
        ? {
            sharedEventID: s.incident.sharedEventID,
            startMinute: s.incident.startMinute,
            count: s.incident.count,
            by: talliesJson(s.incident.by),
            baseline: { ...s.incident.baseline, by: talliesJson(s.incident.baseline.by) },
          }
        : null,
    }));
  }

  /** Snapshots are untrusted: every part is checked before it is used. */
  restore(j: Json | undefined): void {
    this.series = new Map();
    this.byName = new Map();
    if (j === undefined || j === null) return;
    if (!Array.isArray(j)) throw malformed();
    for (const item of j) {
      const o = item as Record<string, Json> | null;
      if (!o || typeof o !== 'object' || Array.isArray(o)) throw malformed();
      const s = new Series(parseKey(o['key']));
      s.analysedThrough = num(o['analysedThrough']);
      s.pending = list(o['pending']).map(parseBucket);
      s.window = list(o['window']).map(parseBucket);
      s.resum();
      const inc = o['incident'];
      if (inc !== null && inc !== undefined) {
        const i = inc as Record<string, Json>;
        const b = i['baseline'] as Record<string, Json> | null;
        if (typeof i['sharedEventID'] !== 'string' || !b || typeof b !== 'object') throw malformed();
        s.incident = {
          sharedEventID: i['sharedEventID'],
          startMinute: num(i['startMinute']),
          count: num(i['count']),
          by: parseTallies(i['by']),
          baseline: { minutes: num(b['minutes']), average: num(b['average']), stddev: num(b['stddev']), threshold: num(b['threshold']), by: parseTallies(b['by']) },
        };
      }
      this.series.set(seriesId(s.key), s);
    }
  }
}

function malformed(): Error {
  return new Error('cloudtrail snapshot: malformed insights state');
}

function num(v: Json | undefined): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw malformed();
  return v;
}

function list(v: Json | undefined): Json[] {
  if (!Array.isArray(v)) throw malformed();
  return v;
}

/** Fixed member order, so a restored series snapshots to the same bytes. */
function keyJson(k: SeriesKey): Json {
  const out: Record<string, Json> = { region: k.region, insightType: k.insightType, eventSource: k.eventSource, eventName: k.eventName };
  if (k.errorCode !== undefined) out['errorCode'] = k.errorCode;
  return out;
}

function talliesJson(t: Tallies): Json {
  const out: Record<string, Json> = {};
  for (const a of ATTRIBUTES) out[a] = [...t[a].entries()];
  return out;
}

function bucketJson(b: MinuteBucket): Json {
  return [b.minute, b.count, talliesJson(b.by)];
}

function parseTallies(v: Json | undefined): Tallies {
  const o = v as Record<string, Json> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw malformed();
  const t = emptyTallies();
  for (const a of ATTRIBUTES) {
    for (const pair of list(o[a])) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string') throw malformed();
      t[a].set(pair[0], num(pair[1]));
    }
  }
  return t;
}

function parseBucket(v: Json): MinuteBucket {
  if (!Array.isArray(v) || v.length !== 3) throw malformed();
  return { minute: num(v[0]), count: num(v[1]), by: parseTallies(v[2]) };
}

function parseKey(v: Json | undefined): SeriesKey {
  const o = v as Record<string, Json> | null;
  if (!o || typeof o !== 'object') throw malformed();
  const { region, insightType, eventSource, eventName, errorCode } = o;
  if (typeof region !== 'string' || typeof eventSource !== 'string' || typeof eventName !== 'string') throw malformed();
  if (insightType !== 'ApiCallRateInsight' && insightType !== 'ApiErrorRateInsight') throw malformed();
  if (errorCode !== undefined && typeof errorCode !== 'string') throw malformed();
  return errorCode === undefined ? { region, insightType, eventSource, eventName } : { region, insightType, eventSource, eventName, errorCode };
}
