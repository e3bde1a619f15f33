import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../simulator/core/contract';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import { DAY, HOUR, MINUTE } from '../../../simulator/cloudwatch/metric-types';
import { getMetricStatistics, type GetMetricStatisticsInput } from '../../../simulator/cloudwatch/metric-get-statistics';
import { getMetricData } from '../../../simulator/cloudwatch/metric-get-data';
import { isValidPeriod } from '../../../simulator/cloudwatch/metric-query';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const NS = 'Trailwatch/App';
const base: GetMetricStatisticsInput = { Namespace: NS, MetricName: 'Latency', StartTime: T0, EndTime: T0 + HOUR, Period: 60, Statistics: ['Sum'] };

function awsError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error('expected an AwsError');
}

describe('GetMetricStatistics', () => {
  const store = new MetricStore();
  for (let m = 0; m < 10; m++) store.put(NS, { MetricName: 'Latency', Values: [m, 10 * m], Counts: [1, 2], Unit: 'Milliseconds', Timestamp: T0 + m * MINUTE }, T0);

  it('computes each statistic per period, stamped with the period start', () => {
    const out = getMetricStatistics(store, { ...base, Period: 300, Statistics: ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'] }, T0 + HOUR);
    expect(out.Label).toBe('Latency');
    expect(out.Datapoints).toEqual([
      { Timestamp: '2026-11-26T10:00:00.000Z', SampleCount: 15, Sum: 210, Average: 14, Minimum: 0, Maximum: 40, Unit: 'Milliseconds' },
      { Timestamp: '2026-11-26T10:05:00.000Z', SampleCount: 15, Sum: 735, Average: 49, Minimum: 5, Maximum: 90, Unit: 'Milliseconds' },
    ]);
  });

  it('rejects more than 1,440 datapoints with AWS message', () => {
    const e = awsError(() => getMetricStatistics(store, { ...base, Period: 1, EndTime: T0 + DAY }, T0 + DAY));
    expect(e.code).toBe('InvalidParameterCombination');
    expect(e.message).toBe('You have requested up to 86400 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.');
    expect(() => getMetricStatistics(store, { ...base, EndTime: T0 + 1440 * MINUTE }, T0 + DAY)).not.toThrow();
  });

  it('requires Statistics or ExtendedStatistics', () => {
    const e = awsError(() => getMetricStatistics(store, { ...base, Statistics: [] }, T0 + HOUR));
    expect([e.code, e.message]).toEqual(['InvalidParameterCombination', 'At least one of the parameters Statistics and ExtendedStatistics must be specified.']);
  });

  it('accepts 1, 5, 10, 20, 30 and multiples of 60 as periods', () => {
    expect([1, 5, 10, 20, 30, 60, 120, 3600].every(isValidPeriod)).toBe(true);
    expect([0, 2, 15, 45, 90, 61].some(isValidPeriod)).toBe(false);
    expect(awsError(() => getMetricStatistics(store, { ...base, Period: 90 }, T0 + HOUR)).code).toBe('InvalidParameterValue');
  });

  it('returns no datapoints when the period does not suit the age of StartTime', () => {
    const now = T0 + 20 * DAY;
    expect(getMetricStatistics(store, { ...base, Period: 60 }, now).Datapoints).toEqual([]);
    expect(getMetricStatistics(store, { ...base, Period: 300 }, now).Datapoints).toHaveLength(2);
    expect(getMetricStatistics(store, { ...base, Period: 300 }, T0 + 70 * DAY).Datapoints).toEqual([]);
  });

  it('rounds StartTime down to the minute for recent data', () => {
    const out = getMetricStatistics(store, { ...base, StartTime: T0 + 30_000, Period: 60 }, T0 + HOUR);
    expect(out.Datapoints[0]!.Timestamp).toBe('2026-11-26T10:00:00.000Z');
  });
});

describe('percentiles', () => {
  it('uses nearest rank over raw values', () => {
    const store = new MetricStore();
    store.put(NS, { MetricName: 'Latency', Values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], Timestamp: T0 }, T0);
    const out = getMetricStatistics(store, { ...base, Statistics: undefined, ExtendedStatistics: ['p50', 'p90', 'p99.9', 'p0', 'p100'] }, T0 + HOUR);
    expect(out.Datapoints[0]!.ExtendedStatistics).toEqual({ p50: 5, p90: 9, 'p99.9': 10, p0: 1, p100: 10 });
  });

  it('serves statistic sets only when SampleCount is 1 or Min equals Max', () => {
    const store = new MetricStore();
    store.put(NS, { MetricName: 'Latency', StatisticValues: { SampleCount: 4, Sum: 20, Minimum: 5, Maximum: 5 }, Timestamp: T0 }, T0);
    store.put(NS, { MetricName: 'Latency', StatisticValues: { SampleCount: 1, Sum: 9, Minimum: 9, Maximum: 9 }, Timestamp: T0 }, T0);
    const q = { ...base, Statistics: undefined, ExtendedStatistics: ['p50'] };
    expect(getMetricStatistics(store, q, T0 + HOUR).Datapoints[0]!.ExtendedStatistics).toEqual({ p50: 5 });
    store.put(NS, { MetricName: 'Latency', StatisticValues: { SampleCount: 3, Sum: 6, Minimum: 1, Maximum: 3 }, Timestamp: T0 }, T0);
    expect(getMetricStatistics(store, q, T0 + HOUR).Datapoints[0]!.ExtendedStatistics).toEqual({});
  });

  it('is unavailable when any value is negative', () => {
    const store = new MetricStore();
    store.put(NS, { MetricName: 'Latency', Values: [-1, 5], Timestamp: T0 }, T0);
    const out = getMetricStatistics(store, { ...base, Statistics: ['Sum'], ExtendedStatistics: ['p50'] }, T0 + HOUR);
    expect(out.Datapoints[0]).toMatchObject({ Sum: 4, ExtendedStatistics: {} });
  });
});

describe('GetMetricData', () => {
  const store = new MetricStore();
  for (let m = 0; m < 3; m++) store.put(NS, { MetricName: 'Latency', Value: m + 1, Timestamp: T0 + m * MINUTE }, T0);
  const stat = { Metric: { Namespace: NS, MetricName: 'Latency' }, Period: 60, Stat: 'Sum' };

  it('returns each queried series newest first by default, ascending on request', () => {
    const out = getMetricData(store, { StartTime: T0, EndTime: T0 + HOUR, MetricDataQueries: [{ Id: 'm1', MetricStat: stat }, { Id: 'hidden', MetricStat: stat, ReturnData: false }] }, T0 + HOUR);
    expect(out).toEqual({
      MetricDataResults: [{
        Id: 'm1', Label: 'Latency', StatusCode: 'Complete', Values: [3, 2, 1],
        Timestamps: ['2026-11-26T10:02:00.000Z', '2026-11-26T10:01:00.000Z', '2026-11-26T10:00:00.000Z'],
      }],
      Messages: [],
    });
    const asc = getMetricData(store, { StartTime: T0, EndTime: T0 + HOUR, ScanBy: 'TimestampAscending', MetricDataQueries: [{ Id: 'm1', Label: 'p', MetricStat: { ...stat, Stat: 'p50' } }] }, T0 + HOUR);
    expect(asc.MetricDataResults[0]).toMatchObject({ Label: 'p', Values: [1, 2, 3] });
  });

  it('rejects equal StartTime and EndTime and ids not starting with a lowercase letter', () => {
    const e = awsError(() => getMetricData(store, { StartTime: T0, EndTime: T0, MetricDataQueries: [{ Id: 'm1', MetricStat: stat }] }, T0));
    expect([e.code, e.message]).toEqual(['ValidationError', 'The parameter StartTime must not equal parameter EndTime.']);
    const bad = awsError(() => getMetricData(store, { StartTime: T0, EndTime: T0 + HOUR, MetricDataQueries: [{ Id: 'ok', MetricStat: stat }, { Id: '5xx', MetricStat: stat }, { Id: 'M1', MetricStat: stat }] }, T0));
    expect([bad.code, bad.message]).toEqual(['ValidationError',
      'The value 5xx for parameter MetricDataQueries.member.2.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.\n' +
      'The value M1 for parameter MetricDataQueries.member.3.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.']);
  });

  it('rejects duplicate ids and unknown statistics with AWS wording', () => {
    const dup = awsError(() => getMetricData(store, { StartTime: T0, EndTime: T0 + HOUR, MetricDataQueries: [{ Id: 'a', MetricStat: stat }, { Id: 'a', MetricStat: stat }] }, T0));
    expect(dup.message).toBe('The values for parameter id in MetricDataQueries are not unique.');
    const badStat = awsError(() => getMetricData(store, { StartTime: T0, EndTime: T0 + HOUR, MetricDataQueries: [{ Id: 'a', MetricStat: { ...stat, Stat: 'Avg' } }] }, T0));
    expect(badStat.message).toBe('The value for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.');
  });

  it('serves extended statistics such as tm90 and PR', () => {
    const out = getMetricData(store, { StartTime: T0, EndTime: T0 + HOUR, ScanBy: 'TimestampAscending', MetricDataQueries: [{ Id: 'a', MetricStat: { ...stat, Stat: 'PR(:2)' } }] }, T0 + HOUR);
    expect(out.MetricDataResults[0]!.Values).toEqual([100, 100, 0]);
  });
});
