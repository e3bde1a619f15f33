import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../simulator/core/contract';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import { HOUR, MINUTE } from '../../../simulator/cloudwatch/metric-types';
import { getMetricData, type MetricDataQuery } from '../../../simulator/cloudwatch/metric-get-data';
import { parseMetricMath, referencedIds } from '../../../simulator/cloudwatch/metric-math-parse';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const NS = 'AWS/Lambda';
const store = new MetricStore();
// Invocations 10, 20, 30, 40 per minute; Errors 1, -, 3, 0 (minute 1 has no Errors datapoint).
[10, 20, 30, 40].forEach((v, m) => store.put(NS, { MetricName: 'Invocations', Value: v, Timestamp: T0 + m * MINUTE }, T0));
[1, undefined, 3, 0].forEach((v, m) => v !== undefined && store.put(NS, { MetricName: 'Errors', Value: v, Timestamp: T0 + m * MINUTE }, T0));

const m = (name: string) => ({ Metric: { Namespace: NS, MetricName: name }, Period: 60, Stat: 'Sum' });
function run(expression: string, extra: MetricDataQuery[] = []) {
  const out = getMetricData(store, {
    StartTime: T0, EndTime: T0 + 4 * MINUTE, ScanBy: 'TimestampAscending',
    MetricDataQueries: [
      { Id: 'errors', MetricStat: m('Errors'), ReturnData: false },
      { Id: 'invocations', MetricStat: m('Invocations'), ReturnData: false },
      ...extra,
      { Id: 'e1', Expression: expression, Label: 'Result' },
    ],
  }, T0 + HOUR);
  return out.MetricDataResults;
}
const values = (expression: string) => run(expression)[0]!.Values;

describe('metric math', () => {
  it('computes an error rate, missing values counting as 0', () => {
    expect(values('100 * errors / invocations')).toEqual([10, 0, 10, 0]);
    expect(run('errors / invocations * 100')[0]).toMatchObject({ Id: 'e1', Label: 'Result', Timestamps: ['2026-11-26T10:00:00.000Z', '2026-11-26T10:01:00.000Z', '2026-11-26T10:02:00.000Z', '2026-11-26T10:03:00.000Z'] });
  });

  it('drops points that divide by zero', () => {
    expect(values('invocations / errors')).toEqual([10, 10]);
  });

  it('reduces a series to a scalar and an array to a series', () => {
    expect(values('invocations - AVG(invocations)')).toEqual([-15, -5, 5, 15]);
    expect(values('SUM(METRICS())')).toEqual([11, 20, 33, 40]);
    expect(values('MAX([errors, invocations])')).toEqual([10, 20, 30, 40]);
    expect(values('SUM(METRICS("err"))')).toEqual([1, 3, 0]);
  });

  it('compares, fills gaps and branches', () => {
    expect(values('invocations >= 30')).toEqual([0, 0, 1, 1]);
    expect(values('FILL(errors, 0)')).toEqual([1, 0, 3, 0]);
    expect(values('FILL(errors, REPEAT)')).toEqual([1, 1, 3, 0]);
    expect(values('IF(invocations > 15, invocations, 0)')).toEqual([0, 20, 30, 40]);
    expect(values('DIFF(invocations)')).toEqual([10, 10, 10]);
    expect(values('RATE(invocations)')).toEqual([10 / 60, 10 / 60, 10 / 60]);
    expect(values('-invocations ^ 2 / PERIOD(invocations)')).toEqual([-100 / 60, -400 / 60, -900 / 60, -1600 / 60]);
  });

  it('returns one result per series of an array, labelled "expression-label metric-label"', () => {
    const out = run('METRICS() * 2');
    expect(out.map((r) => [r.Label, r.Values])).toEqual([['Result Errors', [2, 6, 0]], ['Result Invocations', [20, 40, 60, 80]]]);
  });

  it('lets expressions use other expressions', () => {
    expect(run('rate * 2', [{ Id: 'rate', Expression: 'errors / invocations', ReturnData: false }])[0]!.Values).toEqual([0.2, 0, 0.2, 0]);
  });

  it('rejects expressions that do not parse or end as a scalar', () => {
    expect(() => values('errors +')).toThrow(AwsError);
    expect(() => values('AVG(errors)')).toThrow(/time series/);
    expect(() => values('NOPE(errors)')).toThrow(/Unsupported function NOPE/);
    expect(() => values('missing_id * 2')).toThrow(/Unknown id missing_id/);
  });

  it('knows which ids an expression uses', () => {
    expect(referencedIds(parseMetricMath('SUM([m1, m2]) / FILL(m3, 0)'))).toEqual(['m1', 'm2', 'm3']);
  });
});
