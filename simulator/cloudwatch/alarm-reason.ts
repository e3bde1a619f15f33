// StateReason and StateReasonData of a metric alarm, in the wording and JSON CloudWatch writes. Sources:
// reasons quoted in the CloudWatch user guide (EventBridge examples, Metrics Insights partial-data example) and
// DescribeAlarms output published by users (see the tests for the strings they reproduce).
import type { AlarmDecision } from './alarm-decide';
import { cloudWatchIso, javaDouble, reasonDate } from './alarm-format';
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
export function stateReason(config: MetricAlarmConfig, range: readonly AlarmDatapoint[], decision: AlarmDecision, state: StateValue, now: number): StateReason {
  const n = config.EvaluationPeriods;

  if (state === 'INSUFFICIENT_DATA') {
    // AWS's own example of this reason omits the unit the alarm was configured with.
    let count = 0;
    let unknown = '';
    for (let i = range.length - 1; i >= 0; i--) {
      const p = range[i]!;
      if (p.value !== undefined) continue;
      unknown += `${count === 0 ? '' : ','}{"timestamp":${JSON.stringify(cloudWatchIso(p.timestamp))}}`;
      count++;
    }
    return {
      reason: `Insufficient Data: ${count} ${plural(count, 'datapoint was', 'datapoints were')} unknown.`,
      reasonData: reasonDataText(config, now, undefined, false, '', `[${unknown}]`),
    };
  }

  if (decision.rule === 'allMissing') {
    const treatedAs = state === 'ALARM' ? 'Breaching' : 'NonBreaching';
    return {
      reason: `Threshold Crossed: no datapoints were received for ${n} ${plural(n, 'period', 'periods')} and ` +
        `${n} missing ${plural(n, 'datapoint was', 'datapoints were')} treated as [${treatedAs}].`,
      reasonData: reasonDataText(config, now, undefined, true, '', undefined),
    };
  }

  // Plain loops over the decision's indices, no arrays or closures per point: only state changes are worded (a
  // few hundred a simulated day), so this runs as cold, mostly unoptimized code, where each closure called from
  // map/filter cost more than its work (in the heavy mix: 36 → 23 µs a change).
  const evaluated = decision.evaluated;
  const toAlarm = state === 'ALARM';
  const m = config.DatapointsToAlarm ?? n;
  const minimum = toAlarm ? m : n - m + 1;
  // The reason lists the evaluated points that satisfy the new state, newest first; evaluatedDatapoints holds
  // the first `minimum` of them.
  let crossing = 0;
  let list = '';
  let points = '';
  for (const i of evaluated) {
    const p = range[i]!;
    if (isBreaching(config.ComparisonOperator, p.value!, config.Threshold) !== toAlarm) continue;
    const value = javaDouble(p.value!);
    list += `${crossing === 0 ? '' : ', '}${value} (${reasonDate(p.timestamp)})`;
    if (crossing < minimum) {
      points += `${crossing === 0 ? '' : ','}{"timestamp":${JSON.stringify(cloudWatchIso(p.timestamp))},"sampleCount":${javaDouble(p.sampleCount)},"value":${value}}`;
    }
    crossing++;
  }
  const verb = `${plural(crossing, 'was', 'were')} ${toAlarm ? '' : 'not '}${OPERATOR_WORDS[config.ComparisonOperator]}`;
  const threshold = `the threshold (${javaDouble(config.Threshold)})`;
  // Alarms created without DatapointsToAlarm get the older, shorter wording.
  const reason = config.DatapointsToAlarm === undefined
    ? `Threshold Crossed: ${crossing} ${plural(crossing, 'datapoint', 'datapoints')} [${list}] ${verb} ${threshold}.`
    : `Threshold Crossed: ${crossing} out of the last ${evaluated.length} datapoints [${list}] ${verb} ${threshold} ` +
      `(minimum ${minimum} ${plural(minimum, 'datapoint', 'datapoints')} for ${toAlarm ? 'OK -> ALARM' : 'ALARM -> OK'} transition).`;

  // recentDatapoints are the evaluated values oldest first.
  let recent = '';
  for (let i = evaluated.length - 1; i >= 0; i--) recent += `${i === evaluated.length - 1 ? '' : ','}${javaDouble(range[evaluated[i]!]!.value!)}`;
  const oldest = evaluated.length > 0 ? range[evaluated[evaluated.length - 1]!]!.timestamp : undefined;
  return { reason, reasonData: reasonDataText(config, now, oldest, true, recent, `[${points}]`) };
}

/**
 * StateReasonData as CloudWatch writes it, compact with its keys in this order, written straight to text: every
 * state change writes one, and building the JSON value first cost more than the evaluation itself.
 * `recent` is the recentDatapoints list's inside, `evaluated` the evaluatedDatapoints array (absent: no key).
 */
function reasonDataText(config: MetricAlarmConfig, now: number, startDate: number | undefined, withUnit: boolean, recent: string, evaluated: string | undefined): string {
  let out = `{"version":"1.0","queryDate":${JSON.stringify(cloudWatchIso(now))}`;
  if (startDate !== undefined) out += `,"startDate":${JSON.stringify(cloudWatchIso(startDate))}`;
  if (withUnit && config.Unit !== undefined) out += `,"unit":${JSON.stringify(config.Unit)}`;
  out += `,"statistic":${JSON.stringify(config.Statistic ?? config.ExtendedStatistic ?? '')},"period":${String(Math.trunc(config.Period))}`;
  out += `,"recentDatapoints":[${recent}],"threshold":${javaDouble(config.Threshold)}`;
  if (evaluated !== undefined) out += `,"evaluatedDatapoints":${evaluated}`;
  return `${out}}`;
}
