import { describe, expect, it } from 'vitest';
import { extendedStatistic, parseExtendedStatistic } from '../../../simulator/cloudwatch/metric-extended-statistics';

const oneTo100 = Array.from({ length: 100 }, (_, i) => [i + 1, 1] as const);
const stat = (name: string, samples: ReadonlyArray<readonly [number, number]> = oneTo100) => {
  const parsed = parseExtendedStatistic(name);
  if (!parsed) throw new Error(`not a statistic: ${name}`);
  return extendedStatistic(samples, parsed);
};

// Examples from "CloudWatch statistics definitions".
describe('extended statistics', () => {
  it('percentiles: p95 has 95 percent of the data at or below it', () => {
    expect(stat('p95')).toBe(95);
    expect(stat('p99.5')).toBe(100);
    expect(stat('p50', [[1, 3], [10, 1]])).toBe(1);
  });

  it('trimmed mean: tm90 drops the highest 10%, TM(2%:98%) both tails, TM(a:b) by value', () => {
    expect(stat('tm90')).toBe(45.5);
    expect(stat('TM(:90%)')).toBe(45.5);
    expect(stat('TM(2%:98%)')).toBe(50.5);
    expect(stat('TM(10%:)')).toBe(55.5);
    // "removing all data points that are lower than or equal to 150, or higher than 1000"
    expect(stat('TM(150:1000)', [[150, 1], [151, 1], [1000, 1], [1001, 1]])).toBe(575.5);
    expect(stat('IQM')).toBe(50.5);
  });

  it('winsorized mean clamps the tails to the boundary percentiles', () => {
    expect(stat('wm98')).toBeCloseTo(50.47, 10);
    expect(stat('WM(10%:90%)')).toBeCloseTo(50.4, 10);
  });

  it('percentile rank, trimmed count and trimmed sum', () => {
    expect(stat('PR(:30)')).toBe(30);
    expect(stat('PR(10:20)')).toBe(10);
    expect(stat('TC(0.005:0.030)', [[0.005, 1], [0.01, 2], [0.03, 1], [0.031, 1]])).toBe(3);
    expect(stat('tc90')).toBe(90);
    expect(stat('TS(80%:)')).toBe(1810);
    expect(stat('ts90')).toBe(4095);
  });

  it('accepts only the documented spellings', () => {
    for (const ok of ['p0', 'p100', 'p99.9999999999', 'tm99', 'TM(5%:95%)', 'TM(100:200)', 'TC(:0.5)', 'PR(:300)', 'IQM', 'wm98']) {
      expect(parseExtendedStatistic(ok), ok).toBeDefined();
    }
    // Lower-case forms take a single number only; percent ranks over 100 and PR percentages are invalid.
    for (const bad of ['p101', 'tm(5%:95%)', 'TM()', 'TM(:)', 'PR(10%:)', 'TM(90%:10%)', 'p99.12345678901', 'avg']) {
      expect(parseExtendedStatistic(bad), bad).toBeUndefined();
    }
  });
});
