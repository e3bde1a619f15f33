// Statistics over one period bucket: the five basic ones and the extended ones (pNN, TM, WM, TC, TS, PR, IQM).
import type { PeriodBucket } from './metric-store';
import { extendedStatistic, parseExtendedStatistic } from './metric-extended-statistics';
import { BASIC_STATISTICS, type BasicStatistic } from './metric-types';

export function isBasicStatistic(s: string): s is BasicStatistic {
  return (BASIC_STATISTICS as readonly string[]).includes(s);
}

/** Whether CloudWatch accepts `stat` as a statistic name (GetMetricData's Stat, an alarm's statistic). */
export function isSupportedStatistic(stat: string): boolean {
  return isBasicStatistic(stat) || parseExtendedStatistic(stat) !== undefined;
}

/** `pNN` with up to 10 decimals, p0.0 .. p100 (API: ExtendedStatistics). Returns the percentile or undefined. */
export function parsePercentile(stat: string): number | undefined {
  const parsed = parseExtendedStatistic(stat);
  return parsed?.kind === 'p' ? parsed.p : undefined;
}

export function basicStatistic(b: PeriodBucket, stat: BasicStatistic): number {
  switch (stat) {
    case 'SampleCount': return b.count;
    case 'Sum': return b.sum;
    case 'Average': return b.sum / b.count;
    case 'Minimum': return b.min;
    case 'Maximum': return b.max;
  }
}

/**
 * Nearest-rank percentile: "p99 is the maximum value of the remaining 99%" after the highest 1% is removed.
 * Undefined when the period holds data that cannot yield percentiles (negative values, statistic sets).
 */
export function percentile(b: PeriodBucket, p: number): number | undefined {
  return b.samples && b.samples.length > 0 ? extendedStatistic(b.samples, { kind: 'p', p }) : undefined;
}

/** A statistic by name; undefined when it cannot be computed for this bucket. */
export function statisticValue(b: PeriodBucket, stat: string): number | undefined {
  if (isBasicStatistic(stat)) return basicStatistic(b, stat);
  const parsed = parseExtendedStatistic(stat);
  if (!parsed || !b.samples || b.samples.length === 0) return undefined;
  return extendedStatistic(b.samples, parsed);
}
