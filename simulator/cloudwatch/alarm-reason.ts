// StateReason and StateReasonData of a metric alarm, in the wording and JSON CloudWatch writes. Sources:
// reasons quoted in the CloudWatch user guide (EventBridge examples, Metrics Insights partial-data example) and
// DescribeAlarms output published by users (see the tests for the strings they reproduce).
import type { AlarmDecision } from './alarm-decide';
import { cloudWatchIso, dbl, int, javaDouble, reasonDate, writeJavaJson, type JavaJson } from './alarm-format';
import { OPERATOR_WORDS, isBreaching, type AlarmDatapoint, type MetricAlarmConfig, type StateValue } from './alarm-types';

export interface StateReason {
  reason: string;
  /** A JSON string, as the StateReasonData field holds it. */
  reasonData: string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The reason for entering `state` after `decision` over `range` (oldest first), queried at `now`.
 * N is EvaluationPeriods; M is DatapointsToAlarm (defaulting to N).
 */
export function stateReason(config: MetricAlarmConfig, range: AlarmDatapoint[], decision: AlarmDecision, state: StateValue, now: number): StateReason {
  const head: Array<[string, JavaJson]> = [['version', '1.0'], ['queryDate', cloudWatchIso(now)]];
  const tail = (recent: number[], withUnit = true): Array<[string, JavaJson]> => [
    ...(withUnit && config.Unit !== undefined ? [['unit', config.Unit] as [string, JavaJson]] : []),
    ['statistic', config.Statistic ?? config.ExtendedStatistic ?? ''],
    ['period', int(config.Period)],
    ['recentDatapoints', recent.map(dbl)],
    ['threshold', dbl(config.Threshold)],
  ];
  const n = config.EvaluationPeriods;

  if (state === 'INSUFFICIENT_DATA') {
    // AWS's own example of this reason omits the unit the alarm was configured with.
    const unknown = range.filter((p) => p.value === undefined).reverse();
    return {
      reason: `Insufficient Data: ${unknown.length} ${plural(unknown.length, 'datapoint was', 'datapoints were')} unknown.`,
      reasonData: json([...head, ...tail([], false), ['evaluatedDatapoints', unknown.map((p) => ({ timestamp: cloudWatchIso(p.timestamp) }))]]),
    };
  }

  if (decision.rule === 'allMissing') {
    const treatedAs = state === 'ALARM' ? 'Breaching' : 'NonBreaching';
    return {
      reason: `Threshold Crossed: no datapoints were received for ${n} ${plural(n, 'period', 'periods')} and ` +
        `${n} missing ${plural(n, 'datapoint was', 'datapoints were')} treated as [${treatedAs}].`,
      reasonData: json([...head, ...tail([])]),
    };
  }

  const evaluated = decision.evaluated.map((i) => range[i]!);
  const toAlarm = state === 'ALARM';
  // The reason lists the evaluated points that satisfy the new state, newest first.
  const crossing = evaluated.filter((p) => isBreaching(config.ComparisonOperator, p.value!, config.Threshold) === toAlarm);
  const m = config.DatapointsToAlarm ?? n;
  const minimum = toAlarm ? m : n - m + 1;
  const list = crossing.map((p) => `${javaDouble(p.value!)} (${reasonDate(p.timestamp)})`).join(', ');
  const verb = `${plural(crossing.length, 'was', 'were')} ${toAlarm ? '' : 'not '}${OPERATOR_WORDS[config.ComparisonOperator]}`;
  const threshold = `the threshold (${javaDouble(config.Threshold)})`;
  // Alarms created without DatapointsToAlarm get the older, shorter wording.
  const reason = config.DatapointsToAlarm === undefined
    ? `Threshold Crossed: ${crossing.length} ${plural(crossing.length, 'datapoint', 'datapoints')} [${list}] ${verb} ${threshold}.`
    : `Threshold Crossed: ${crossing.length} out of the last ${evaluated.length} datapoints [${list}] ${verb} ${threshold} ` +
      `(minimum ${minimum} ${plural(minimum, 'datapoint', 'datapoints')} for ${toAlarm ? 'OK -> ALARM' : 'ALARM -> OK'} transition).`;

  const chronological = [...evaluated].reverse();
  const startDate = chronological[0] ? [['startDate', cloudWatchIso(chronological[0].timestamp)] as [string, JavaJson]] : [];
  const evaluatedDatapoints = crossing.slice(0, minimum).map((p) => ({
    timestamp: cloudWatchIso(p.timestamp), sampleCount: dbl(p.sampleCount), value: dbl(p.value!),
  }));
  return {
    reason,
    reasonData: json([...head, ...startDate, ...tail(chronological.map((p) => p.value!)), ['evaluatedDatapoints', evaluatedDatapoints]]),
  };
}

function json(entries: Array<[string, JavaJson]>): string {
  return writeJavaJson(Object.fromEntries(entries));
}
