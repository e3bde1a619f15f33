import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAlarmState, type AlarmDecision } from '../../../simulator/cloudwatch/alarm-decide';
import { cloudWatchIso, dbl, int, javaDouble, reasonDate, writeJavaJson, type JavaJson } from '../../../simulator/cloudwatch/alarm-format';
import { stateReason } from '../../../simulator/cloudwatch/alarm-reason';
import { OPERATOR_WORDS, isBreaching, type AlarmDatapoint, type MetricAlarmConfig, type StateValue } from '../../../simulator/cloudwatch/alarm-types';

/** StateReasonData built as a JSON value and serialized by writeJavaJson: the way alarm-reason.ts wrote it
 *  before it wrote the text directly. The two must give the same bytes. */
function referenceData(config: MetricAlarmConfig, range: readonly AlarmDatapoint[], decision: AlarmDecision, state: StateValue, now: number): string {
  const head: Array<[string, JavaJson]> = [['version', '1.0'], ['queryDate', cloudWatchIso(now)]];
  const tail = (recent: number[], withUnit = true): Array<[string, JavaJson]> => [
    ...(withUnit && config.Unit !== undefined ? [['unit', config.Unit] as [string, JavaJson]] : []),
    ['statistic', config.Statistic ?? config.ExtendedStatistic ?? ''],
    ['period', int(config.Period)],
    ['recentDatapoints', recent.map(dbl)],
    ['threshold', dbl(config.Threshold)],
  ];
  const json = (entries: Array<[string, JavaJson]>) => writeJavaJson(Object.fromEntries(entries));
  if (state === 'INSUFFICIENT_DATA') {
    const unknown = range.filter((p) => p.value === undefined).reverse();
    return json([...head, ...tail([], false), ['evaluatedDatapoints', unknown.map((p) => ({ timestamp: cloudWatchIso(p.timestamp) }))]]);
  }
  if (decision.rule === 'allMissing') return json([...head, ...tail([])]);
  const evaluated = decision.evaluated.map((i) => range[i]!);
  const toAlarm = state === 'ALARM';
  const crossing = evaluated.filter((p) => isBreaching(config.ComparisonOperator, p.value!, config.Threshold) === toAlarm);
  const n = config.EvaluationPeriods;
  const m = config.DatapointsToAlarm ?? n;
  const minimum = toAlarm ? m : n - m + 1;
  const chronological = [...evaluated].reverse();
  const startDate = chronological[0] ? [['startDate', cloudWatchIso(chronological[0].timestamp)] as [string, JavaJson]] : [];
  const points = crossing.slice(0, minimum).map((p) => ({ timestamp: cloudWatchIso(p.timestamp), sampleCount: dbl(p.sampleCount), value: dbl(p.value!) }));
  return json([...head, ...startDate, ...tail(chronological.map((p) => p.value!)), ['evaluatedDatapoints', points]]);
}

/** The StateReason of an evaluated change as alarm-reason.ts worded it with arrays and closures, before its plain
 *  loops (INSUFFICIENT_DATA and all-missing reasons have their own fixed wording, unchanged). */
function referenceReason(config: MetricAlarmConfig, range: readonly AlarmDatapoint[], decision: AlarmDecision, state: StateValue): string | undefined {
  if (state === 'INSUFFICIENT_DATA' || decision.rule === 'allMissing') return undefined;
  const plural = (k: number, one: string, many: string) => (k === 1 ? one : many);
  const n = config.EvaluationPeriods;
  const evaluated = decision.evaluated.map((i) => range[i]!);
  const toAlarm = state === 'ALARM';
  const crossing = evaluated.filter((p) => isBreaching(config.ComparisonOperator, p.value!, config.Threshold) === toAlarm);
  const m = config.DatapointsToAlarm ?? n;
  const minimum = toAlarm ? m : n - m + 1;
  const list = crossing.map((p) => `${javaDouble(p.value!)} (${reasonDate(p.timestamp)})`).join(', ');
  const verb = `${plural(crossing.length, 'was', 'were')} ${toAlarm ? '' : 'not '}${OPERATOR_WORDS[config.ComparisonOperator]}`;
  const threshold = `the threshold (${javaDouble(config.Threshold)})`;
  return config.DatapointsToAlarm === undefined
    ? `Threshold Crossed: ${crossing.length} ${plural(crossing.length, 'datapoint', 'datapoints')} [${list}] ${verb} ${threshold}.`
    : `Threshold Crossed: ${crossing.length} out of the last ${evaluated.length} datapoints [${list}] ${verb} ${threshold} ` +
      `(minimum ${minimum} ${plural(minimum, 'datapoint', 'datapoints')} for ${toAlarm ? 'OK -> ALARM' : 'ALARM -> OK'} transition).`;
}

const T = Date.parse('2026-03-01T12:00:00Z');

describe('StateReasonData written as text', () => {
  it('is byte for byte what serializing the JSON value gives, and the reason what the old wording gave, for every decision rule and state', () => {
    const point = fc.option(fc.record({ value: fc.oneof(fc.integer({ min: -5, max: 30 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), sampleCount: fc.integer({ min: 1, max: 9 }) }), { nil: undefined, freq: 2 });
    const setup = fc.record({
      blank: fc.integer({ min: 0, max: 4 }), n: fc.integer({ min: 1, max: 5 }), mOffset: fc.integer({ min: 0, max: 4 }), withM: fc.boolean(),
      treat: fc.constantFrom('missing', 'notBreaching', 'breaching', 'ignore' as const),
      unit: fc.constantFrom(undefined, 'Count', 'Percent'), stat: fc.constantFrom('Sum', 'Average', 'p90'),
      threshold: fc.constantFrom(0, 10, 12.5, 1e8), period: fc.constantFrom(60, 300),
      op: fc.constantFrom('GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold' as const),
    });
    const seen = new Set<string>();
    fc.assert(fc.property(setup, fc.array(point, { minLength: 7, maxLength: 7 }), (s, raw) => {
      const n = s.n;
      const m = Math.max(1, n - s.mOffset);
      const config: MetricAlarmConfig = {
        AlarmName: 'a', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:a', Namespace: 'N', MetricName: 'M',
        ...(s.stat === 'p90' ? { ExtendedStatistic: 'p90' } : { Statistic: s.stat as 'Sum' | 'Average' }), ...(s.unit ? { Unit: s.unit } : {}),
        Period: s.period, EvaluationPeriods: n, ...(s.withM ? { DatapointsToAlarm: m } : {}), Threshold: s.threshold,
        ComparisonOperator: s.op, TreatMissingData: s.treat,
      };
      const size = Math.max(5, n + 2);
      const range: AlarmDatapoint[] = raw.slice(0, size).map((p, i) => {
        const q = s.blank === 0 ? undefined : p;
        return { timestamp: T + i * s.period * 1000, value: q?.value, sampleCount: q?.sampleCount ?? 0 };
      });
      const decision = decideAlarmState(range.map((p) => (p.value === undefined ? undefined : isBreaching(s.op, p.value, s.threshold))), n, s.withM ? m : n, s.treat);
      const states: StateValue[] = decision.state ? [decision.state] : ['OK', 'ALARM', 'INSUFFICIENT_DATA'];
      for (const state of states) {
        const got = stateReason(config, range, decision, state, T + 7 * 60_000 + 123);
        expect(got.reasonData).toBe(referenceData(config, range, decision, state, T + 7 * 60_000 + 123));
        const reason = referenceReason(config, range, decision, state);
        if (reason !== undefined) expect(got.reason).toBe(reason);
        seen.add(`${decision.rule}:${state}`);
      }
    }), { numRuns: 400 });
    // Every shape of reason data was compared: unknown points, all missing, and evaluated points either way.
    for (const k of ['allMissing:INSUFFICIENT_DATA', 'allMissing:OK', 'allMissing:ALARM', 'realPoints:OK', 'realPoints:ALARM', 'filled:OK', 'filled:ALARM', 'pending:INSUFFICIENT_DATA']) expect(seen).toContain(k);
  });
});
