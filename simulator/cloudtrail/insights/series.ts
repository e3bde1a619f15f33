// One analysed series (Region, Insights type, API, and for error rates the error code): per-minute counters
// with the attribution tallies Insights reports, and running sums over the baseline window so a baseline is
// read in constant time however many calls the account makes. No record is kept, only counts.
import type { InsightType } from '../trails/trail-types';

/** What Insights attributes activity to (insightContext.attributions[].attribute). */
export const ATTRIBUTES = ['userIdentityArn', 'userAgent', 'errorCode'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export type Tally = Map<string, number>;
export type Tallies = Record<Attribute, Tally>;

export interface MinuteBucket {
  /** Minutes since the epoch. */
  minute: number;
  count: number;
  by: Tallies;
}

export interface SeriesKey {
  region: string;
  insightType: InsightType;
  eventSource: string;
  eventName: string;
  /** Only for ApiErrorRateInsight: error rates are analysed per error code. */
  errorCode?: string;
}

/** The baseline an Insights event was opened against; it stays fixed until the event ends. */
export interface Baseline {
  /** baselineDuration in minutes: from the start of the UTC day seven days before, to the event start. */
  minutes: number;
  average: number;
  stddev: number;
  threshold: number;
  by: Tallies;
}

export interface OpenIncident {
  sharedEventID: string;
  startMinute: number;
  baseline: Baseline;
  count: number;
  by: Tallies;
}

export function emptyTallies(): Tallies {
  return { userIdentityArn: new Map(), userAgent: new Map(), errorCode: new Map() };
}

export function addTallies(into: Tallies, from: Tallies, sign = 1): void {
  for (const a of ATTRIBUTES) {
    for (const [value, n] of from[a]) {
      const next = (into[a].get(value) ?? 0) + sign * n;
      if (next === 0) into[a].delete(value);
      else into[a].set(value, next);
    }
  }
}

function tally(t: Tally, value: string | undefined, n: number): void {
  if (value !== undefined) t.set(value, (t.get(value) ?? 0) + n);
}

export class Series {
  /** Minutes counted but not yet analysed (the current minute, and any the clock has not yet passed). */
  pending: MinuteBucket[] = [];
  /** Analysed minutes with activity that still fall inside some future baseline window. */
  window: MinuteBucket[] = [];
  private sum = 0;
  private sumSq = 0;
  private windowBy: Tallies = emptyTallies();
  /** The last minute analysed; -1 before any. */
  analysedThrough = -1;
  incident: OpenIncident | undefined;

  constructor(readonly key: SeriesKey) {}

  /**
   * A run of calls counted into the last pending bucket with the same attribution values (a busy account's
   * calls come from one caller after another), not yet in the bucket's tallies: they are added once per run
   * (three map updates a run instead of a call). Values keep the order they first appeared in, as counting them
   * one by one gives. Whoever reads a pending bucket's tallies settles the run first.
   */
  private runBucket: MinuteBucket | undefined = undefined;
  private runCalls = 0;
  private runArn: string | undefined = undefined;
  private runAgent: string | undefined = undefined;
  private runError: string | undefined = undefined;

  /** Counts one call; an attribution value left undefined is not tallied. */
  count(eventMinute: number, userIdentityArn: string | undefined, userAgent: string | undefined, errorCode: string | undefined): void {
    // Records arrive in time order (the clock only moves forward); a back-dated one, which only a hand-fed
    // record can be, joins the latest minute not yet analysed so the pending minutes stay in order.
    const minute = Math.max(eventMinute, this.analysedThrough + 1);
    let bucket = this.pending[this.pending.length - 1];
    if (!bucket || bucket.minute < minute) {
      bucket = { minute, count: 0, by: emptyTallies() };
      this.pending.push(bucket);
    }
    bucket.count++;
    if (this.runCalls > 0 && (bucket !== this.runBucket || userIdentityArn !== this.runArn || userAgent !== this.runAgent || errorCode !== this.runError)) this.settle();
    if (this.runCalls === 0) {
      this.runBucket = bucket;
      this.runArn = userIdentityArn;
      this.runAgent = userAgent;
      this.runError = errorCode;
    }
    this.runCalls++;
  }

  /** Adds the calls of the present run to their bucket's tallies. */
  settle(): void {
    const n = this.runCalls;
    if (n === 0) return;
    const by = this.runBucket!.by;
    tally(by.userIdentityArn, this.runArn, n);
    tally(by.userAgent, this.runAgent, n);
    tally(by.errorCode, this.runError, n);
    this.runCalls = 0;
    this.runBucket = undefined;
  }

  /** Adds an analysed minute to the baseline history. */
  remember(bucket: MinuteBucket): void {
    if (bucket.count === 0) return;
    this.window.push(bucket);
    this.sum += bucket.count;
    this.sumSq += bucket.count * bucket.count;
    addTallies(this.windowBy, bucket.by);
  }

  /** Drops minutes before fromMinute from the running sums. */
  forgetBefore(fromMinute: number): void {
    let drop = 0;
    while (drop < this.window.length && this.window[drop]!.minute < fromMinute) {
      const b = this.window[drop]!;
      this.sum -= b.count;
      this.sumSq -= b.count * b.count;
      addTallies(this.windowBy, b.by, -1);
      drop++;
    }
    if (drop) this.window = this.window.slice(drop);
  }

  /** Mean and standard deviation per minute over `minutes` minutes (minutes without calls count as zero). */
  stats(minutes: number): { average: number; stddev: number } {
    const average = this.sum / minutes;
    const variance = Math.max(0, this.sumSq / minutes - average * average);
    return { average, stddev: Math.sqrt(variance) };
  }

  /** A copy of the baseline window's tallies per attribute value. */
  baselineBy(): Tallies {
    const by = emptyTallies();
    addTallies(by, this.windowBy);
    return by;
  }

  /** Recomputes the running sums from the window (after a restore). */
  resum(): void {
    this.sum = 0;
    this.sumSq = 0;
    this.windowBy = emptyTallies();
    const kept = this.window;
    this.window = [];
    for (const b of kept) this.remember(b);
  }
}

export function seriesId(k: SeriesKey): string {
  return `${k.region}\u0000${k.insightType}\u0000${k.eventSource}\u0000${k.eventName}\u0000${k.errorCode ?? ''}`;
}
