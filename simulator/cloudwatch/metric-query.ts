// Rules shared by GetMetricStatistics, GetMetricData and alarms: valid periods, StartTime rounding by age and
// which periods can still be served for data of that age.
import { AwsError } from '../core/contract';
import { floorTo, mergeBucketInto, type MetricStore, type PeriodBucket } from './metric-store';
import { DAY, HOUR, MINUTE, SECOND, type MetricIdentity } from './metric-types';
import { isoString } from './iso-time';

/** "1, 5, 10, 20, 30, 60, or any multiple of 60" seconds (API GetMetricStatisticsInput.Period). */
export function isValidPeriod(periodSeconds: number): boolean {
  if (!Number.isInteger(periodSeconds) || periodSeconds < 1) return false;
  return [1, 5, 10, 20, 30].includes(periodSeconds) || periodSeconds % 60 === 0;
}

export function assertValidPeriod(periodSeconds: number): void {
  // Message as CloudWatch has long returned it for a period that is not a multiple of 60.
  if (!isValidPeriod(periodSeconds)) throw new AwsError('InvalidParameterValue', 'The parameter Period must be a multiple of 60.');
}

/**
 * StartTime rounding (API GetMetricStatistics.StartTime): less than 15 days ago down to the whole minute,
 * 15-63 days ago down to the 5-minute clock interval, more than 63 days ago down to the hour.
 */
export function roundStartTime(start: number, now: number): number {
  const age = now - start;
  if (age > 63 * DAY) return floorTo(start, HOUR);
  if (age > 15 * DAY) return floorTo(start, 5 * MINUTE);
  return floorTo(start, MINUTE);
}

/**
 * With a StartTime more than 3 hours ago the period must be a multiple of 60 s (3 h-15 d), 300 s (15-63 d) or
 * 3600 s (older), "or no data points in that time range is returned".
 */
export function periodServesAge(periodSeconds: number, start: number, now: number): boolean {
  const age = now - start;
  if (age <= 3 * HOUR) return true;
  if (age <= 15 * DAY) return periodSeconds % 60 === 0;
  if (age <= 63 * DAY) return periodSeconds % 300 === 0;
  return periodSeconds % 3600 === 0;
}

/** Buckets of one metric over [start, end), merging units when no Unit is asked for. */
export function mergedBuckets(
  store: MetricStore, metric: MetricIdentity, unit: string | undefined, start: number, end: number, periodSeconds: number,
): PeriodBucket[] {
  const series = store.aggregate(metric, unit, start, end, periodSeconds * SECOND);
  if (series.length === 1) return series[0]!.buckets;
  const byTs = new Map<number, PeriodBucket>();
  for (const s of series) {
    for (const b of s.buckets) {
      const prev = byTs.get(b.timestamp);
      if (!prev) {
        byTs.set(b.timestamp, { ...b, samples: b.samples ? [...b.samples] : null });
        continue;
      }
      mergeBucketInto(prev, b);
    }
  }
  return [...byTs.values()].sort((a, b) => a.timestamp - b.timestamp);
}

/** CloudWatch's wire timestamp, ISO 8601 in UTC. */
export function isoTimestamp(ms: number): string {
  return isoString(ms);
}
