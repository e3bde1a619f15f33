// The state decision of a metric alarm over its evaluation range, exactly as "Configuring how CloudWatch alarms
// treat missing data" describes it (both tables, and "Avoiding premature transitions to alarm state").
import type { StateValue, TreatMissingData } from './alarm-types';

/** A point of the evaluation range: true = breaching, false = not breaching, undefined = missing. */
export type RangePoint = boolean | undefined;

export type DecisionRule =
  /** At least N real points in the range: the newest N real points decide, TreatMissingData is ignored. */
  | 'realPoints'
  /** Fewer than N real points: missing ones filled with the TreatMissingData value, as few times as possible. */
  | 'filled'
  /** Every point of the range is missing. */
  | 'allMissing'
  /** Only breaching real points, fewer than M: ALARM once the oldest is at least M points old. */
  | 'premature'
  /** Only breaching real points, fewer than M, too recent to alarm yet. */
  | 'pending';

export interface AlarmDecision {
  /** The new state, or undefined to keep the current one ("Retain current state"). */
  state: StateValue | undefined;
  rule: DecisionRule;
  /** Range indices (oldest = 0) of the real points that were evaluated, newest first. */
  evaluated: number[];
  /** How many of the N points had to be filled in (the docs' second column). */
  filled: number;
  /** Breaching points counted, real and filled. */
  breaching: number;
}

const ALL_MISSING: Record<TreatMissingData, StateValue | undefined> = {
  missing: 'INSUFFICIENT_DATA', ignore: undefined, breaching: 'ALARM', notBreaching: 'OK',
};

/** The state when every point of the range is missing. */
export function allMissingState(treat: TreatMissingData): StateValue | undefined {
  return ALL_MISSING[treat];
}

/** How many of the points at `indices` breach. (Module-level: alarms are decided tens of thousands of times
 *  a simulated day, and a closure per call showed in profiles.) */
function breachingOf(range: readonly RangePoint[], indices: number[]): number {
  let n = 0;
  for (const i of indices) if (range[i] === true) n++;
  return n;
}

/**
 * Decides an alarm's state from its evaluation range (oldest first, newest last).
 * N = EvaluationPeriods, M = DatapointsToAlarm.
 */
export function decideAlarmState(range: readonly RangePoint[], n: number, m: number, treat: TreatMissingData): AlarmDecision {
  const real: number[] = [];
  for (let i = range.length - 1; i >= 0; i--) if (range[i] !== undefined) real.push(i);

  if (real.length >= n) {
    // "the value you set for how to treat missing data is not needed and is ignored"
    const evaluated = real.slice(0, n);
    const breaching = breachingOf(range, evaluated);
    return { state: breaching >= m ? 'ALARM' : 'OK', rule: 'realPoints', evaluated, filled: 0, breaching };
  }

  const filled = n - real.length;
  if (real.length === 0) {
    return { state: ALL_MISSING[treat], rule: 'allMissing', evaluated: [], filled, breaching: treat === 'breaching' ? n : 0 };
  }

  // "all real data points in the evaluation range are included in the evaluation"
  const realBreaching = breachingOf(range, real);
  if (treat === 'breaching' || treat === 'notBreaching') {
    const breaching = realBreaching + (treat === 'breaching' ? filled : 0);
    return { state: breaching >= m ? 'ALARM' : 'OK', rule: 'filled', evaluated: real, filled, breaching };
  }

  // missing / ignore: missing points are not considered.
  if (realBreaching >= m) return { state: 'ALARM', rule: 'filled', evaluated: real, filled, breaching: realBreaching };
  if (realBreaching < real.length) return { state: 'OK', rule: 'filled', evaluated: real, filled, breaching: realBreaching };

  // Every real point breaches but fewer than M: the outcome hangs on data still to come. "alarms are designed to
  // always go into ALARM state when the oldest available breaching datapoint ... is at least as old as the value
  // of Datapoints to Alarm, and all other more recent data points are breaching or missing." With ignore the
  // docs' tables keep the current state instead (rows "- - X - -" and "- - - X -").
  const oldestBreachingAge = range.length - real[real.length - 1]!;
  if (treat === 'ignore') return { state: undefined, rule: 'pending', evaluated: real, filled, breaching: realBreaching };
  if (oldestBreachingAge >= m) return { state: 'ALARM', rule: 'premature', evaluated: real, filled, breaching: realBreaching };
  // An older version of the same docs page lists "- - - - X" with M = N = 3 as INSUFFICIENT_DATA under missing.
  return { state: 'INSUFFICIENT_DATA', rule: 'pending', evaluated: real, filled, breaching: realBreaching };
}

/**
 * How many periods an alarm retrieves. The docs say only that it is more than N and depends on the period
 * and resolution; their examples use 5 for N = 3, and AWS's own INSUFFICIENT_DATA reasons for single-period
 * alarms read "5 datapoints were unknown". Simulated as max(5, N + 2).
 */
export function evaluationRangeSize(evaluationPeriods: number): number {
  return Math.max(5, evaluationPeriods + 2);
}
