// A composite alarm's state and reason. After creation the rule decides alone: TRUE -> ALARM, FALSE -> OK, so a
// composite is INSUFFICIENT_DATA only until its first evaluation. Reasons follow the user guide's EventBridge
// examples: "<child ARN> transitioned to ALARM at Friday 22 July, 2022 15:57:45 UTC" and
// "<composite ARN> was created and its alarm rule evaluates to OK", with {"triggeringAlarms":[...]} data.
import { cloudWatchIso, compositeReasonDate, writeJavaJson } from './alarm-format';
import type { CompositeAlarmConfig, StateValue } from './alarm-types';
import { childAlarms, evaluateAlarmRule, parseAlarmRule } from './composite-rule';

/** What the composite knows of one child alarm. */
export interface ChildAlarmState {
  arn: string;
  name: string;
  state: StateValue;
  /** When the child last changed state, epoch ms. */
  timestamp: number;
}

/** Why the composite is evaluated now: a child changed state, or the composite was created or updated. */
export type CompositeTrigger = { kind: 'child'; child: ChildAlarmState } | { kind: 'created' } | { kind: 'updated' };

export interface CompositeEvaluation {
  state: StateValue;
  reason: string;
  reasonData: string;
}

export function evaluateCompositeAlarm(
  config: CompositeAlarmConfig, children: readonly ChildAlarmState[], trigger: CompositeTrigger,
): CompositeEvaluation {
  const rule = parseAlarmRule(config.AlarmRule);
  // A rule may name a child by alarm name or by ARN.
  const find = (ref: string) => children.find((c) => c.name === ref || c.arn === ref);
  const state: StateValue = evaluateAlarmRule(rule, (ref) => find(ref)?.state) ? 'ALARM' : 'OK';
  const entry = (c: ChildAlarmState) => ({ arn: c.arn, state: { value: c.state, timestamp: cloudWatchIso(c.timestamp) } });

  if (trigger.kind === 'child') {
    const c = trigger.child;
    return {
      state,
      reason: `${c.arn} transitioned to ${c.state} at ${compositeReasonDate(c.timestamp)}`,
      reasonData: writeJavaJson({ triggeringAlarms: [entry(c)] }),
    };
  }
  const referenced = childAlarms(rule).map(find).filter((c): c is ChildAlarmState => c !== undefined);
  // AWS's creation example lists every child, most recently changed first.
  referenced.sort((a, b) => b.timestamp - a.timestamp);
  return {
    state,
    reason: `${config.AlarmArn} was ${trigger.kind} and its alarm rule evaluates to ${state}`,
    reasonData: writeJavaJson({ triggeringAlarms: referenced.map(entry) }),
  };
}
