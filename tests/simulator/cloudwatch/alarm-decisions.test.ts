import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAlarmState, evaluationRangeSize } from '../../../simulator/cloudwatch/alarm-decide';
import { AlarmDecisions, rangeState } from '../../../simulator/cloudwatch/alarm-decisions';
import { alarmMetricKey, alarmRange, effectiveTreatMissingData, evaluationTick } from '../../../simulator/cloudwatch/alarm-evaluate';
import { isBreaching, type AlarmDatapoint, type MetricAlarmConfig } from '../../../simulator/cloudwatch/alarm-types';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import { MINUTE, SECOND, type StandardUnit } from '../../../simulator/cloudwatch/metric-types';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const NS = 'Trailwatch/Test';

/** The decision, next-change minute and range computed for one alarm alone, as the engine did before sharing. */
function direct(config: MetricAlarmConfig, store: MetricStore, now: number): { state: string | undefined; nextChange: number; range: AlarmDatapoint[] } {
  const range = alarmRange(config, store, now);
  const points = range.map((p) => (p.value === undefined ? undefined : isBreaching(config.ComparisonOperator, p.value, config.Threshold)));
  const n = config.EvaluationPeriods;
  const state = decideAlarmState(points, n, config.DatapointsToAlarm ?? n, effectiveTreatMissingData(config)).state;
  if (!range.some((p) => p.value !== undefined)) return { state, nextChange: Infinity, range };
  const periodMs = config.Period * SECOND;
  if (periodMs < MINUTE) return { state, nextChange: now + MINUTE, range };
  const end = evaluationTick(config.Period, now);
  const start = end - evaluationRangeSize(n) * periodMs;
  let next = Infinity;
  store.forEachTimestamp(alarmMetricKey(config), config.Unit, start, end, (ts) => {
    const bucket = start + Math.floor((ts - start) / MINUTE) * MINUTE;
    const offset = (((bucket + MINUTE - now) % periodMs) + periodMs) % periodMs;
    next = Math.min(next, now + (offset === 0 ? periodMs : offset));
  });
  return { state, nextChange: next === Infinity ? now + MINUTE : next, range };
}

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function config(i: number, over: Partial<MetricAlarmConfig>): MetricAlarmConfig {
  return {
    AlarmName: `a${i}`, AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:a${i}`, Namespace: NS, MetricName: 'M',
    Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 10, ComparisonOperator: 'GreaterThanOrEqualToThreshold', ...over,
  };
}

describe('AlarmDecisions shares folds, ranges and decisions without changing any', () => {
  it('agrees with each alarm computed alone, minute after minute, over mixed periods, sizes, statistics and units', () => {
    const rand = lcg(7);
    const stats: Array<Partial<MetricAlarmConfig>> = [{ Statistic: 'Sum' }, { Statistic: 'Average' }, { Statistic: 'SampleCount' }, { Statistic: 'Maximum' }, { Statistic: undefined, ExtendedStatistic: 'p90' }];
    const configs: MetricAlarmConfig[] = [];
    let i = 0;
    for (const MetricName of ['M', 'N']) {
      for (const Period of [10, 60, 120, 300]) {
        for (const EvaluationPeriods of [1, 3, 4, 7]) {
          for (const stat of stats) {
            for (const Unit of [undefined, 'Count', 'Seconds'] as Array<StandardUnit | undefined>) {
              configs.push(config(i++, {
                MetricName, Period, EvaluationPeriods, ...stat, ...(Unit ? { Unit } : {}), Threshold: Math.floor(rand() * 30),
                ...(i % 4 === 0 ? { DatapointsToAlarm: 1 } : {}), TreatMissingData: (['missing', 'notBreaching', 'breaching', 'ignore'] as const)[i % 4],
              }));
            }
          }
        }
      }
    }
    const store = new MetricStore();
    const decisions = new AlarmDecisions();
    let compared = 0;
    let withData = 0;
    for (let m = 1; m <= 90; m++) {
      const now = T0 + m * MINUTE + 7 * SECOND;
      // Data arrives in bursts, some minutes none, in two units and sometimes late (an older timestamp).
      if (m % 7 !== 0 && m < 70) {
        for (let k = Math.floor(rand() * 4); k > 0; k--) {
          const MetricName = rand() < 0.6 ? 'M' : 'N';
          const Unit: StandardUnit = rand() < 0.7 ? 'Count' : 'Seconds';
          const ts = now - Math.floor(rand() * (rand() < 0.2 ? 20 : 2)) * MINUTE - Math.floor(rand() * 50) * SECOND;
          store.put(NS, { MetricName, Unit, Timestamp: ts, Values: [Math.floor(rand() * 12)] }, now);
        }
      }
      // Every minute asks in a different order, so no alarm is always the one that folds.
      const order = m % 2 === 0 ? configs : [...configs].reverse();
      for (const c of order) {
        const got = decisions.decide('us-east-1', c, store, now);
        const want = direct(c, store, now);
        expect({ name: c.AlarmName, m, ...got }).toEqual({ name: c.AlarmName, m, ...want });
        compared++;
        if (Number.isFinite(want.nextChange)) withData++;
      }
    }
    expect(compared).toBe(90 * configs.length);
    // The comparison covered ranges with data as well as empty ones.
    expect(withData).toBeGreaterThan(compared / 4);
    expect(withData).toBeLessThan(compared);
  });

  it('finds the next change from the earliest datum of each period, as a walk of every datum does, on whole minutes', () => {
    // The runner evaluates on whole minutes; the test above evaluates between them. Both must agree with the walk.
    const rand = lcg(19);
    const configs: MetricAlarmConfig[] = [];
    let i = 0;
    for (const Period of [60, 120, 180, 300, 600]) {
      for (const EvaluationPeriods of [1, 2, 3, 5]) {
        for (const Unit of [undefined, 'Count', 'Seconds'] as Array<StandardUnit | undefined>) {
          configs.push(config(i++, { Period, EvaluationPeriods, ...(Unit ? { Unit } : {}), Threshold: 5, TreatMissingData: 'notBreaching' }));
        }
      }
    }
    const store = new MetricStore();
    const decisions = new AlarmDecisions();
    let finite = 0;
    for (let m = 1; m <= 120; m++) {
      const now = T0 + m * MINUTE;
      // Several data per minute (same and different seconds, two units), sometimes late by minutes, some quiet spells.
      if (m % 11 > 2 && m < 100) {
        for (let k = Math.floor(rand() * 5); k > 0; k--) {
          const ts = now - Math.floor(rand() * (rand() < 0.3 ? 12 : 1)) * MINUTE - 1 - Math.floor(rand() * 59) * SECOND;
          store.put(NS, { MetricName: 'M', Unit: rand() < 0.6 ? 'Count' : 'Seconds', Timestamp: ts, Values: [Math.floor(rand() * 4)] }, now);
        }
      }
      for (const c of configs) {
        const got = decisions.decide('us-east-1', c, store, now);
        const want = direct(c, store, now);
        expect({ name: c.AlarmName, m, ...got }).toEqual({ name: c.AlarmName, m, ...want });
        if (Number.isFinite(want.nextChange) && want.nextChange !== now + MINUTE) finite++;
      }
    }
    // Many next changes lay beyond the next minute, so the earliest-datum rule was what decided them.
    expect(finite).toBeGreaterThan(200);
  });

  it('folds again with samples when a percentile alarm joins a fold so far read by basic statistics only', () => {
    const store = new MetricStore();
    for (let k = 0; k < 30; k++) store.put(NS, { MetricName: 'M', Timestamp: T0 + k * MINUTE, Values: [k % 7, 20 + k] }, T0 + k * MINUTE);
    const decisions = new AlarmDecisions();
    const sum = config(1, { Period: 300, EvaluationPeriods: 3, Threshold: 100 });
    const p90 = config(2, { Period: 300, EvaluationPeriods: 3, Statistic: undefined, ExtendedStatistic: 'p90', Threshold: 30 });
    const now = T0 + 31 * MINUTE;
    // The Sum alarm folds this minute without samples; the p90 alarm, new in the same minute, needs them.
    expect(decisions.decide('us-east-1', sum, store, now)).toEqual(direct(sum, store, now));
    const got = decisions.decide('us-east-1', p90, store, now);
    expect(got).toEqual(direct(p90, store, now));
    expect(got.state).toBe('ALARM');
    expect(decisions.decide('us-east-1', sum, store, now + MINUTE)).toEqual(direct(sum, store, now + MINUTE));
    expect(decisions.decide('us-east-1', p90, store, now + MINUTE)).toEqual(direct(p90, store, now + MINUTE));
  });

  it('folds again when a longer range joins a minute already folded shorter', () => {
    const store = new MetricStore();
    const short = config(1, { EvaluationPeriods: 1, Period: 300 });
    const long = config(2, { EvaluationPeriods: 9, Period: 300 });
    for (let k = 0; k < 60; k++) store.put(NS, { MetricName: 'M', Timestamp: T0 + k * MINUTE, Values: [k % 5] }, T0 + k * MINUTE);
    const decisions = new AlarmDecisions();
    const now = T0 + 61 * MINUTE;
    // The short alarm is decided first and folds 5 periods; the long one (11 periods) then needs more.
    expect(decisions.decide('us-east-1', short, store, now)).toEqual(direct(short, store, now));
    expect(decisions.decide('us-east-1', long, store, now)).toEqual(direct(long, store, now));
    expect(decisions.decide('us-east-1', short, store, now)).toEqual(direct(short, store, now));
  });

  it('keeps Regions apart and starts its tables afresh after thousands of configurations', () => {
    const store = new MetricStore();
    const other = new MetricStore();
    store.put(NS, { MetricName: 'M', Timestamp: T0, Values: [50] }, T0);
    const decisions = new AlarmDecisions();
    const now = T0 + 2 * MINUTE;
    const c = config(0, { Threshold: 10 });
    expect(decisions.decide('us-east-1', c, store, now).state).toBe('ALARM');
    // The same threshold rule in another Region reads that Region's store.
    expect(decisions.decide('eu-west-1', config(1, { Threshold: 10 }), other, now).state).toBe('INSUFFICIENT_DATA');
    for (let k = 0; k < 5000; k++) {
      const churn = config(k + 2, { Threshold: k });
      expect(decisions.decide('us-east-1', churn, store, now)).toEqual(direct(churn, store, now));
    }
    expect(decisions.decide('us-east-1', c, store, now)).toEqual(direct(c, store, now));
  });

  it('counts the state in one pass as decideAlarmState decides it, for every treatment, operator, N and M', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(
      fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined, freq: 2 }), { minLength: 5, maxLength: 9 }),
      fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 6 }), fc.boolean(),
      fc.constantFrom('missing', 'notBreaching', 'breaching', 'ignore' as const), fc.constantFrom('N', 'AWS/DynamoDB'),
      fc.constantFrom('GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold' as const),
      (values, n, mLess, withM, treat, Namespace, op) => {
        const m = Math.max(1, n - mLess);
        const c = config(0, { Namespace, EvaluationPeriods: n, ...(withM ? { DatapointsToAlarm: m } : {}), TreatMissingData: treat, ComparisonOperator: op });
        const range = values.map((value, i) => ({ timestamp: T0 + i * MINUTE, value, sampleCount: value === undefined ? 0 : 1 }));
        const points = values.map((v) => (v === undefined ? undefined : isBreaching(op, v, c.Threshold)));
        const want = decideAlarmState(points, n, withM ? m : n, effectiveTreatMissingData(c));
        seen.add(`${want.rule}:${want.state}`);
        expect(rangeState(c, range)).toBe(want.state);
      },
    ), {
      numRuns: 2000,
      // Windows with every period missing are rare among random inputs (a CI run once drew none under
      // 'missing'): tried on every run, so the check below never depends on the draw.
      examples: [
        [[undefined, undefined, undefined, undefined, undefined], 3, 0, false, 'missing', 'N', 'GreaterThanOrEqualToThreshold'],
        [[undefined, undefined, undefined, undefined, undefined], 3, 0, false, 'ignore', 'N', 'GreaterThanOrEqualToThreshold'],
        [[undefined, undefined, undefined, undefined, undefined, undefined, undefined], 7, 2, true, 'missing', 'AWS/DynamoDB', 'LessThanThreshold'],
      ],
    });
    // Every rule was compared, the premature ALARM and the state kept under ignore included.
    for (const k of ['realPoints:OK', 'realPoints:ALARM', 'filled:OK', 'filled:ALARM', 'allMissing:INSUFFICIENT_DATA', 'allMissing:undefined', 'premature:ALARM', 'pending:INSUFFICIENT_DATA', 'pending:undefined']) expect(seen).toContain(k);
  });
});
