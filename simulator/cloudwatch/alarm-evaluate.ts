// One evaluation of a metric alarm against the metric store at a simulated time: fetch the evaluation range,
// decide the state, word the reason. Pure: the alarm machine applies the result.
import { decideAlarmState, evaluationRangeSize, type AlarmDecision, type RangePoint } from './alarm-decide';
import { stateReason, type StateReason } from './alarm-reason';
import { isBreaching, type AlarmDatapoint, type MetricAlarmConfig, type StateValue, type TreatMissingData } from './alarm-types';
import { floorTo, type MetricStore, type PeriodBucket } from './metric-store';
import { parsePercentile, statisticValue } from './metric-statistics';
import { MINUTE, SECOND, metricKey } from './metric-types';

export interface AlarmEvaluation {
  /** The state the alarm should be in, or undefined to keep its current state. */
  state: StateValue | undefined;
  /** Present when `state` is. */
  reason?: StateReason;
  /** The evaluation range, oldest first. */
  range: readonly AlarmDatapoint[];
  decision: AlarmDecision;
}

/**
 * Alarms with a period of a minute or more are evaluated every minute over a sliding window; 10/20/30-second
 * alarms every 10 seconds. The newest period ends at the evaluation tick.
 */
export function evaluationTick(periodSeconds: number, now: number): number {
  return floorTo(now, periodSeconds < 60 ? 10 * SECOND : MINUTE);
}

/** "Alarms that evaluate metrics in the AWS/DynamoDB namespace always ignore missing data". */
export function effectiveTreatMissingData(config: MetricAlarmConfig): TreatMissingData {
  return config.Namespace === 'AWS/DynamoDB' ? 'ignore' : (config.TreatMissingData ?? 'missing');
}

/** The metric key of an alarm's metric, kept per configuration (a configuration is never changed in place:
 *  PutMetricAlarm makes a new one), so evaluating every minute does not build and hash it again. */
const metricKeys = new WeakMap<MetricAlarmConfig, string>();

export function alarmMetricKey(config: MetricAlarmConfig): string {
  let key = metricKeys.get(config);
  if (key === undefined) metricKeys.set(config, (key = metricKey(config.Namespace, config.MetricName, config.Dimensions)));
  return key;
}

/** The evaluation range of `config` at `now`, oldest first. */
export function alarmRange(config: MetricAlarmConfig, store: MetricStore, now: number): AlarmDatapoint[] {
  const period = config.Period * SECOND;
  const size = evaluationRangeSize(config.EvaluationPeriods);
  const start = evaluationTick(config.Period, now) - size * period;
  return rangeFromPeriods(config, store.periodsKey(alarmMetricKey(config), config.Unit, start, period, size), 0, start);
}

/**
 * The range read from periods folded from an earlier start (`skip` periods earlier) to the same end: periods
 * are fixed by their start and the data in them, so the newest `size` of a longer fold are the range's own.
 */
export function rangeFromPeriods(config: MetricAlarmConfig, periods: ReadonlyArray<PeriodBucket | undefined>, skip: number, start: number, into?: AlarmDatapoint[]): AlarmDatapoint[] {
  const period = config.Period * SECOND;
  const size = evaluationRangeSize(config.EvaluationPeriods);
  const stat = config.Statistic ?? config.ExtendedStatistic ?? 'Average';
  // `into`, when given, is refilled (its points rewritten in place): the alarm engine's shared range of last minute.
  const range: AlarmDatapoint[] = into ?? [];
  if (range.length > size) range.length = size;
  for (let i = 0; i < size; i++) {
    const b = periods[skip + i];
    const timestamp = start + i * period;
    const value = b ? statisticValue(b, stat) : undefined;
    const sampleCount = b?.count ?? 0;
    const p = range[i];
    if (p) {
      p.timestamp = timestamp;
      p.value = value;
      p.sampleCount = sampleCount;
    } else {
      range.push({ timestamp, value, sampleCount });
    }
  }
  return range;
}

/**
 * "For percentiles between 0.5 (inclusive) and 1.00 (exclusive), this setting is used when there are fewer
 * than 10/(1-percentile) data points ... For percentiles between 0 and 0.5 (exclusive) ... fewer than
 * 10/percentile data points."
 */
export function lowSampleThreshold(percentileValue: number): number {
  const p = percentileValue / 100;
  if (p <= 0 || p >= 1) return 0;
  return p >= 0.5 ? 10 / (1 - p) : 10 / p;
}

export function evaluateMetricAlarm(config: MetricAlarmConfig, store: MetricStore, now: number): AlarmEvaluation {
  return evaluateMetricRange(config, alarmRange(config, store, now), now);
}

/** evaluateMetricAlarm over a range already read (alarmRange's at `now`), which it does not change. */
export function evaluateMetricRange(config: MetricAlarmConfig, range: readonly AlarmDatapoint[], now: number): AlarmEvaluation {
  const n = config.EvaluationPeriods;
  const m = config.DatapointsToAlarm ?? n;
  // Runs only when the state changes, as cold code: a plain loop rather than a closure per point.
  const points: RangePoint[] = [];
  for (let i = 0; i < range.length; i++) {
    const v = range[i]!.value;
    points.push(v === undefined ? undefined : isBreaching(config.ComparisonOperator, v, config.Threshold));
  }
  const decision = decideAlarmState(points, n, m, effectiveTreatMissingData(config));

  // EvaluateLowSampleCountPercentile=ignore: "have the alarm ignore the metric while the sample size is low".
  const p = config.ExtendedStatistic !== undefined ? parsePercentile(config.ExtendedStatistic) : undefined;
  if (p !== undefined && config.EvaluateLowSampleCountPercentile === 'ignore') {
    const threshold = lowSampleThreshold(p);
    if (decision.evaluated.some((i) => range[i]!.sampleCount < threshold)) return { state: undefined, range, decision };
  }
  if (decision.state === undefined) return { state: undefined, range, decision };
  return { state: decision.state, reason: stateReason(config, range, decision, decision.state, now), range, decision };
}
