// The minute's decisions of metric alarms, with the work shared between alarms: every alarm over a metric is
// evaluated each minute while its range holds data, so a hundred alarms over twenty metrics would otherwise fold
// the same data again and again. Per minute, one fold per metric, unit and period serves every range over it
// (whatever the statistic or range size), one range per statistic and size serves every threshold, and one
// decision per threshold rule serves every alarm with that rule. Results are the ones alarmRange and the
// per-alarm computation give (tests/simulator/cloudwatch/alarm-decisions.test.ts compares them).
import { allMissingState, evaluationRangeSize } from './alarm-decide';
import { alarmMetricKey, effectiveTreatMissingData, evaluationTick, rangeFromPeriods } from './alarm-evaluate';
import { isBreaching, type AlarmDatapoint, type MetricAlarmConfig, type StateValue } from './alarm-types';
import type { MetricStore, PeriodBucket } from './metric-store';
import { isBasicStatistic } from './metric-statistics';
import { MINUTE, SECOND, metricKey } from './metric-types';

export interface Decided {
  state: StateValue | undefined;
  /** The next minute at which the range can differ without new data; Infinity once it is all missing. */
  nextChange: number;
  /** The evaluation range decided over (alarmRange's), shared by every alarm with the same range: read only. */
  range: readonly AlarmDatapoint[];
}

/** The periods of one metric, unit and period length up to the evaluation tick, as many as the longest range
 *  over them needs; and per period, the earliest minute at which one of its data slides (see slideTimes). */
interface SharedFold {
  epoch: number;
  /** The most periods any range over this fold has asked for. */
  longest: number;
  periods: Array<PeriodBucket | undefined>;
  /** Per period, the earliest timestamp folded into it (Infinity: none), noted while folding. */
  firsts: number[];
  /** Whether a range over this fold reads a statistic that needs the raw samples (a percentile, ...). */
  needsSamples: boolean;
  /** Whether `periods` were folded with their samples. */
  hasSamples: boolean;
  slidesEpoch: number;
  slides: number[];
}

/** An evaluation range (one statistic, one size) and when it can next change. */
interface SharedRange {
  epoch: number;
  points: AlarmDatapoint[];
  nextChange: number | undefined;
}

/** A decision for one threshold rule over one range. */
interface SharedRule {
  epoch: number;
  decided: Decided | undefined;
}

interface SharedEntries {
  fold: SharedFold;
  range: SharedRange;
  rule: SharedRule;
}

/** Distinct keys remembered before the tables start afresh (alarm churn must not grow them forever). */
const MAX_SHARED_KEYS = 4096;

export class AlarmDecisions {
  /** Entries by key, found once per configuration (a configuration is never changed in place): a minute's
   *  evaluations then touch no string-keyed table. An entry is current when stamped with this minute's epoch. */
  private readonly folds = new Map<string, SharedFold>();
  private readonly ranges = new Map<string, SharedRange>();
  private readonly rules = new Map<string, SharedRule>();
  private keys = new WeakMap<MetricAlarmConfig, SharedEntries>();
  private minute = NaN;
  private epoch = 0;

  /** The decision over the alarm's evaluation range at `now`, and when it can next change. The answer is the
   *  rule's own object, refilled when an alarm with the same rule is decided at a later minute: read it at once. */
  decide(region: string, config: MetricAlarmConfig, store: MetricStore, now: number): Decided {
    if (now !== this.minute) {
      this.epoch++;
      this.minute = now;
    }
    const { fold, range: shared, rule } = this.entries(region, config);
    if (rule.epoch === this.epoch && rule.decided) return rule.decided;
    if (shared.epoch !== this.epoch) {
      shared.epoch = this.epoch;
      shared.points = this.rangeOf(config, fold, shared, store, now);
      shared.nextChange = undefined;
    }
    const range = shared.points;
    const state = rangeState(config, range);
    const hasData = hasValue(range);
    if (hasData) shared.nextChange ??= this.nextChange(config, fold, store, now);
    const nextChange = hasData ? shared.nextChange! : Infinity;
    // The rule keeps one Decided and refills it each minute: a new object per alarm a minute was a third of
    // decide's own time in the heavy profile, and callers read the answer at once (see decide's comment).
    const decided = rule.decided;
    rule.epoch = this.epoch;
    if (!decided) return (rule.decided = { state, nextChange, range });
    decided.state = state;
    decided.nextChange = nextChange;
    decided.range = range;
    return decided;
  }

  /** alarmRange(config, store, now), read from the minute's fold (folded here when not yet, or too short), into
   *  the points of the range's last minute (one range a metric a minute; every reader reads it at once). */
  private rangeOf(config: MetricAlarmConfig, fold: SharedFold, shared: SharedRange, store: MetricStore, now: number): AlarmDatapoint[] {
    const period = config.Period * SECOND;
    const size = evaluationRangeSize(config.EvaluationPeriods);
    const end = evaluationTick(config.Period, now);
    // A fold made without samples is made again when an alarm that needs them joined since.
    if (fold.epoch !== this.epoch || fold.periods.length < size || (fold.needsSamples && !fold.hasSamples)) {
      const count = Math.max(fold.longest, size);
      fold.epoch = this.epoch;
      // Refilled in place when the count is the same (it is, minute after minute): no new array a fold.
      if (fold.firsts.length === count) fold.firsts.fill(Infinity);
      else fold.firsts = new Array<number>(count).fill(Infinity);
      fold.hasSamples = fold.needsSamples;
      fold.periods = store.periodsKey(alarmMetricKey(config), config.Unit, end - count * period, period, count, { firsts: fold.firsts, samples: fold.hasSamples });
    }
    return rangeFromPeriods(config, fold.periods, fold.periods.length - size, end - size * period, shared.points);
  }

  /**
   * The range at a later minute T' is the same periods slid along: a datum stamped ts sits in the period
   * [start + iP, start + (i+1)P) with start = T' - size*P, so it moves to the next older period (or out of the
   * range) only when T' = ts + 1 minute + kP. Without new data the range, and so the decision, cannot change
   * before the first such minute of any datum in it. Sub-minute alarms are evaluated every minute.
   */
  private nextChange(config: MetricAlarmConfig, fold: SharedFold, store: MetricStore, now: number): number {
    const periodMs = config.Period * SECOND;
    if (periodMs < MINUTE) return now + MINUTE;
    const size = evaluationRangeSize(config.EvaluationPeriods);
    let next = Infinity;
    if (periodMs % MINUTE === 0 && fold.epoch === this.epoch && fold.periods.length >= size) {
      // Whole-minute periods start on minutes, so each datum's minute (and when it slides) is the same in every
      // range over the fold: the range's newest `size` periods of the fold's slide times give its own.
      const slides = this.slideTimes(config, fold, now);
      for (let j = slides.length - size; j < slides.length; j++) if (slides[j]! < next) next = slides[j]!;
    } else {
      const end = evaluationTick(config.Period, now);
      slidesOver(config, store, now, end - size * periodMs, end, (_, t) => {
        if (t < next) next = t;
      });
    }
    return next === Infinity ? now + MINUTE : next;
  }

  /** Per period of the fold: the earliest minute at which a datum in it slides (Infinity: none in it). */
  private slideTimes(config: MetricAlarmConfig, fold: SharedFold, now: number): number[] {
    if (fold.slidesEpoch === this.epoch && fold.slides.length === fold.periods.length) return fold.slides;
    const periodMs = config.Period * SECOND;
    const count = fold.periods.length;
    const start = evaluationTick(config.Period, now) - count * periodMs;
    const slides = new Array<number>(count).fill(Infinity);
    // A period of whole minutes holds whole minute buckets [s, s + P - 1 minute] of the range; with the tick
    // e = floor(now) = s mod P and d = now - e in [0, 1 minute), a bucket b slides after
    // (b - s + 1 minute - d) mod P = b - s + 1 minute - d, or P when that is 0: later for a later bucket. So a
    // period's earliest slide is its earliest datum's, which the fold noted: no second walk of the records.
    for (let j = 0; j < count; j++) {
      const first = fold.firsts[j]!;
      if (first !== Infinity) slides[j] = slideAt(first, start, now, periodMs);
    }
    fold.slidesEpoch = this.epoch;
    fold.slides = slides;
    return slides;
  }

  /** The configuration's shared entries (one per distinct key, made on first sight). */
  private entries(region: string, config: MetricAlarmConfig): SharedEntries {
    let entries = this.keys.get(config);
    if (entries) return entries;
    if (this.rules.size >= MAX_SHARED_KEYS) {
      this.folds.clear();
      this.ranges.clear();
      this.rules.clear();
      this.keys = new WeakMap();
    }
    const size = evaluationRangeSize(config.EvaluationPeriods);
    const foldKey = `${region}\u0002${metricKey(config.Namespace, config.MetricName, config.Dimensions)}\u0002${config.Unit ?? ''}\u0002${config.Period}`;
    const rangeKey = `${foldKey}\u0002${config.Statistic ?? config.ExtendedStatistic ?? ''}\u0002${size}`;
    const ruleKey = `${rangeKey}\u0002${config.ComparisonOperator}\u0002${config.Threshold}\u0002${config.EvaluationPeriods}\u0002${config.DatapointsToAlarm ?? ''}\u0002${effectiveTreatMissingData(config)}`;
    let fold = this.folds.get(foldKey);
    if (!fold) this.folds.set(foldKey, (fold = { epoch: 0, longest: 0, periods: [], firsts: [], needsSamples: false, hasSamples: false, slidesEpoch: 0, slides: [] }));
    fold.longest = Math.max(fold.longest, size);
    if (!isBasicStatistic(config.Statistic ?? config.ExtendedStatistic ?? 'Average')) fold.needsSamples = true;
    let range = this.ranges.get(rangeKey);
    if (!range) this.ranges.set(rangeKey, (range = { epoch: 0, points: [], nextChange: undefined }));
    let rule = this.rules.get(ruleKey);
    if (!rule) this.rules.set(ruleKey, (rule = { epoch: 0, decided: undefined }));
    entries = { fold, range, rule };
    this.keys.set(config, entries);
    return entries;
  }
}

/** Each datum stamped in [start, end) with the minute at which it slides: per minute bucket of the range (as
 *  aggregate at a one-minute period would list them), the next minute its period boundary passes it. */
function slidesOver(config: MetricAlarmConfig, store: MetricStore, now: number, start: number, end: number, visit: (ts: number, slidesAt: number) => void): void {
  const periodMs = config.Period * SECOND;
  store.forEachTimestamp(alarmMetricKey(config), config.Unit, start, end, (ts) => visit(ts, slideAt(ts, start, now, periodMs)));
}

/** The minute at which a datum stamped `ts` in a range from `start` slides, evaluated at `now`. */
function slideAt(ts: number, start: number, now: number, periodMs: number): number {
  const bucket = start + Math.floor((ts - start) / MINUTE) * MINUTE;
  const offset = (((bucket + MINUTE - now) % periodMs) + periodMs) % periodMs;
  return now + (offset === 0 ? periodMs : offset);
}

/** Whether any period of the range holds data (a loop, not a closure per alarm a minute). */
function hasValue(range: readonly AlarmDatapoint[]): boolean {
  for (let i = 0; i < range.length; i++) if (range[i]!.value !== undefined) return true;
  return false;
}

/**
 * decideAlarmState's state over the range (alarm-decide.ts has the rules and their sources), counted in one pass
 * without building the decision: every alarm with data is decided each minute, and nearly every decision only
 * confirms the state. alarm-decisions.test.ts checks it against decideAlarmState.
 */
export function rangeState(config: MetricAlarmConfig, range: readonly AlarmDatapoint[]): StateValue | undefined {
  const n = config.EvaluationPeriods;
  const m = config.DatapointsToAlarm ?? n;
  let real = 0;
  let newestBreaching = 0;
  let breaching = 0;
  let oldestReal = -1;
  for (let i = range.length - 1; i >= 0; i--) {
    const v = range[i]!.value;
    if (v === undefined) continue;
    if (isBreaching(config.ComparisonOperator, v, config.Threshold)) {
      breaching++;
      if (real < n) newestBreaching++;
    }
    real++;
    oldestReal = i;
  }
  // At least N real points: the newest N decide.
  if (real >= n) return newestBreaching >= m ? 'ALARM' : 'OK';
  const treat = effectiveTreatMissingData(config);
  if (real === 0) return allMissingState(treat);
  if (treat === 'breaching' || treat === 'notBreaching') return breaching + (treat === 'breaching' ? n - real : 0) >= m ? 'ALARM' : 'OK';
  if (breaching >= m) return 'ALARM';
  if (breaching < real) return 'OK';
  // Only breaching points, fewer than M: ignore keeps the state; otherwise ALARM once the oldest is M old.
  if (treat === 'ignore') return undefined;
  return range.length - oldestReal >= m ? 'ALARM' : 'INSUFFICIENT_DATA';
}
