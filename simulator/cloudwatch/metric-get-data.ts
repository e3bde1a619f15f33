// GetMetricData: MetricStat queries plus a basic subset of metric math expressions over them.
import { AwsError } from '../core/contract';
import { MathEvalError, evaluateMath, type MathSeries, type MathValue } from './metric-math-eval';
import { MathSyntaxError, parseMetricMath } from './metric-math-parse';
import type { MetricStore } from './metric-store';
import { isSupportedStatistic, statisticValue } from './metric-statistics';
import { assertValidPeriod, isoTimestamp, mergedBuckets, periodServesAge, roundStartTime } from './metric-query';
import type { Dimension } from './metric-types';

export interface MetricStat {
  Metric: { Namespace: string; MetricName: string; Dimensions?: Dimension[] };
  /** Seconds. */
  Period: number;
  Stat: string;
  Unit?: string;
}

export interface MetricDataQuery {
  Id: string;
  MetricStat?: MetricStat;
  Expression?: string;
  Label?: string;
  /** Defaults to true. */
  ReturnData?: boolean;
  Period?: number;
}

export interface GetMetricDataInput {
  MetricDataQueries: MetricDataQuery[];
  StartTime: number;
  EndTime: number;
  ScanBy?: 'TimestampDescending' | 'TimestampAscending';
}

export interface MetricDataResult {
  Id: string;
  Label: string;
  Timestamps: string[];
  Values: number[];
  StatusCode: 'Complete';
  Messages?: Array<{ Code: string; Value: string }>;
}

export interface GetMetricDataOutput {
  MetricDataResults: MetricDataResult[];
  Messages: Array<{ Code: string; Value: string }>;
}

/** API MetricDataQuery.Id: "The first character must be a lowercase letter." then letters, digits, underscore. */
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
export const MAX_QUERIES = 500;

export function getMetricData(store: MetricStore, input: GetMetricDataInput, now: number): GetMetricDataOutput {
  if (input.StartTime === input.EndTime) {
    throw new AwsError('ValidationError', 'The parameter StartTime must not equal parameter EndTime.');
  }
  if (input.StartTime > input.EndTime) {
    throw new AwsError('ValidationError', 'The parameter StartTime must be less than the parameter EndTime.');
  }
  const queries = input.MetricDataQueries;
  // AWS's generic (Coral) wording for a list-length constraint.
  if (queries.length === 0 || queries.length > MAX_QUERIES) {
    const bound = queries.length === 0 ? 'greater than or equal to 1' : `less than or equal to ${MAX_QUERIES}`;
    throw new AwsError('ValidationError', `1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint: Member must have length ${bound}`);
  }
  // CloudWatch reports every offending member at once, one sentence per line.
  const badIds = queries.flatMap((q, i) => (ID_PATTERN.test(q.Id) ? [] : [
    `The value ${q.Id} for parameter MetricDataQueries.member.${i + 1}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
  ]));
  if (badIds.length > 0) throw new AwsError('ValidationError', badIds.join('\n'));
  if (new Set(queries.map((q) => q.Id)).size !== queries.length) {
    throw new AwsError('ValidationError', 'The values for parameter id in MetricDataQueries are not unique.');
  }
  const badStats = queries.flatMap((q, i) => (q.MetricStat && !isSupportedStatistic(q.MetricStat.Stat) ? [
    `The value for parameter MetricDataQueries.member.${i + 1}.MetricStat.Stat is not a valid statistic.`,
  ] : []));
  if (badStats.length > 0) throw new AwsError('ValidationError', badStats.join('\n'));
  for (const q of queries) {
    if ((q.MetricStat === undefined) === (q.Expression === undefined)) {
      throw new AwsError('ValidationError', 'Exactly one element of the metrics list should have either MetricStat or Expression specified.');
    }
    if (q.MetricStat) assertValidPeriod(q.MetricStat.Period);
  }
  const descending = (input.ScanBy ?? 'TimestampDescending') === 'TimestampDescending';
  const resolve = resolver(store, input, now);
  const results: MetricDataResult[] = [];
  for (const q of queries) {
    if (q.ReturnData === false) continue;
    const value = resolve(q.Id);
    if (value.kind !== 'ts' && value.kind !== 'array') {
      throw new AwsError('ValidationError', `Error in expression ${q.Id}: the result must be a time series or an array of time series.`);
    }
    const label = q.Label ?? (q.MetricStat ? q.MetricStat.Metric.MetricName : q.Id);
    const list = value.kind === 'ts' ? [{ ...value.series, label }] : value.series.map((s) => ({ ...s, label: [q.Label ?? '', s.label].filter(Boolean).join(' ') }));
    for (const series of list) {
      const points = [...series.points.entries()].sort((a, b) => a[0] - b[0]);
      if (descending) points.reverse();
      results.push({ Id: q.Id, Label: series.label, Timestamps: points.map(([t]) => isoTimestamp(t)), Values: points.map(([, v]) => v), StatusCode: 'Complete' });
    }
  }
  return { MetricDataResults: results, Messages: [] };
}

/** Resolves each query Id to its value, evaluating expressions over the others on demand. */
function resolver(store: MetricStore, input: GetMetricDataInput, now: number): (id: string) => MathValue {
  const byId = new Map(input.MetricDataQueries.map((q) => [q.Id, q]));
  const cache = new Map<string, MathValue>();
  const inProgress = new Set<string>();
  const start = roundStartTime(input.StartTime, now);

  const metricSeries = (q: MetricDataQuery): MathSeries => {
    const stat = q.MetricStat!;
    const points = new Map<number, number>();
    if (periodServesAge(stat.Period, input.StartTime, now)) {
      const metric = { Namespace: stat.Metric.Namespace, MetricName: stat.Metric.MetricName, Dimensions: stat.Metric.Dimensions ?? [] };
      for (const b of mergedBuckets(store, metric, stat.Unit, start, input.EndTime, stat.Period)) {
        const v = statisticValue(b, stat.Stat);
        if (v !== undefined) points.set(b.timestamp, v);
      }
    }
    return { label: q.Label ?? stat.Metric.MetricName, points, period: stat.Period };
  };

  const resolve = (id: string): MathValue => {
    const cached = cache.get(id);
    if (cached) return cached;
    const q = byId.get(id);
    if (!q) throw new MathEvalError(`Unknown id ${id}.`);
    if (inProgress.has(id)) throw new MathEvalError(`Circular reference to ${id}.`);
    inProgress.add(id);
    let value: MathValue;
    try {
      value = q.MetricStat ? { kind: 'ts', series: metricSeries(q) } : evaluateMath(parseMetricMath(q.Expression!), {
        resolve,
        metrics: (filter) => input.MetricDataQueries.filter((m) => m.MetricStat && (filter === undefined || m.Id.includes(filter))).map(metricSeries),
        grid: (period) => {
          const out: number[] = [];
          for (let t = start; t < input.EndTime; t += period * 1000) out.push(t);
          return out;
        },
      });
    } catch (e) {
      if (!(e instanceof MathEvalError || e instanceof MathSyntaxError) || q.MetricStat) throw e;
      throw new AwsError('ValidationError', `Error in expression ${id}: ${e.message}`);
    } finally {
      inProgress.delete(id);
    }
    cache.set(id, value);
    return value;
  };
  return resolve;
}
