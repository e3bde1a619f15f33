// GetMetricStatistics as a pure function of the store and the simulated time.
import { AwsError } from '../core/contract';
import type { MetricStore } from './metric-store';
import { basicStatistic, isBasicStatistic, parsePercentile, percentile } from './metric-statistics';
import { assertValidPeriod, isoTimestamp, periodServesAge, roundStartTime } from './metric-query';
import { SECOND, type BasicStatistic, type Dimension } from './metric-types';

export interface GetMetricStatisticsInput {
  Namespace: string;
  MetricName: string;
  Dimensions?: Dimension[];
  StartTime: number;
  EndTime: number;
  /** Seconds. */
  Period: number;
  Statistics?: string[];
  ExtendedStatistics?: string[];
  Unit?: string;
}

export interface Datapoint {
  Timestamp: string;
  SampleCount?: number;
  Average?: number;
  Sum?: number;
  Minimum?: number;
  Maximum?: number;
  Unit: string;
  ExtendedStatistics?: Record<string, number>;
}

export interface GetMetricStatisticsOutput {
  Label: string;
  Datapoints: Datapoint[];
}

export const MAX_DATAPOINTS_PER_CALL = 1440;

export function getMetricStatistics(store: MetricStore, input: GetMetricStatisticsInput, now: number): GetMetricStatisticsOutput {
  const statistics = input.Statistics ?? [];
  const extended = input.ExtendedStatistics ?? [];
  if (statistics.length === 0 && extended.length === 0) {
    throw new AwsError('InvalidParameterCombination', 'At least one of the parameters Statistics and ExtendedStatistics must be specified.');
  }
  statistics.forEach((s, i) => {
    // AWS's generic enum-constraint wording (Coral validation), 1-based member index.
    if (!isBasicStatistic(s)) {
      throw new AwsError('ValidationError', `1 validation error detected: Value '${s}' at 'statistics.${i + 1}.member' failed to satisfy constraint: Member must satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]`);
    }
  });
  for (const s of extended) {
    if (parsePercentile(s) === undefined) throw new AwsError('InvalidParameterValue', `The value ${s} for parameter ExtendedStatistics is not supported.`);
  }
  assertValidPeriod(input.Period);
  if (input.StartTime >= input.EndTime) {
    throw new AwsError('InvalidParameterValue', 'The parameter StartTime must be less than the parameter EndTime.');
  }
  const requested = Math.ceil((input.EndTime - input.StartTime) / (input.Period * SECOND));
  if (requested > MAX_DATAPOINTS_PER_CALL) {
    throw new AwsError(
      'InvalidParameterCombination',
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_DATAPOINTS_PER_CALL}. ` +
        'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    );
  }
  const label = input.MetricName;
  if (!periodServesAge(input.Period, input.StartTime, now)) return { Label: label, Datapoints: [] };
  const start = roundStartTime(input.StartTime, now);
  const metric = { Namespace: input.Namespace, MetricName: input.MetricName, Dimensions: input.Dimensions ?? [] };
  const datapoints: Datapoint[] = [];
  // Each unit is its own series; without a Unit filter every unit comes back, each datapoint naming its unit.
  for (const series of store.aggregate(metric, input.Unit, start, input.EndTime, input.Period * SECOND)) {
    for (const b of series.buckets) {
      const dp: Datapoint = { Timestamp: isoTimestamp(b.timestamp), Unit: series.unit };
      for (const s of statistics as BasicStatistic[]) dp[s] = basicStatistic(b, s);
      const ext: Record<string, number> = {};
      for (const s of extended) {
        const v = percentile(b, parsePercentile(s)!);
        if (v !== undefined) ext[s] = v;
      }
      if (extended.length > 0) dp.ExtendedStatistics = ext;
      datapoints.push(dp);
    }
  }
  datapoints.sort((a, b) => (a.Timestamp < b.Timestamp ? -1 : a.Timestamp > b.Timestamp ? 1 : 0));
  return { Label: label, Datapoints: datapoints };
}
