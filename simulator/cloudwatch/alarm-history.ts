// DescribeAlarmHistory items as CloudWatch writes them. HistoryData is a JSON string; the shapes follow
// published DescribeAlarmHistory output: StateUpdate {"version","oldState","newState"} with stateReasonData
// nested as an object, ConfigurationUpdate {"version","type":"Create","createdAlarm":{...}}.
import { cloudWatchIso, dbl, int, raw, writeJavaJson, type JavaJson } from './alarm-format';
import type { CompositeAlarmConfig, MetricAlarmConfig, StateValue } from './alarm-types';
import { isoTimestamp } from './metric-query';

export type AlarmType = 'MetricAlarm' | 'CompositeAlarm';
export type HistoryItemType = 'ConfigurationUpdate' | 'StateUpdate' | 'Action';

export interface AlarmHistoryItem {
  AlarmName: string;
  AlarmType: AlarmType;
  Timestamp: string;
  HistoryItemType: HistoryItemType;
  HistorySummary: string;
  HistoryData: string;
}

export interface AlarmStateSnapshot {
  stateValue: StateValue;
  stateReason: string;
  /** The StateReasonData JSON string, when the state came from an evaluation. */
  stateReasonData?: string;
}

export interface AlarmRecord {
  alarmType: AlarmType;
  config: MetricAlarmConfig | CompositeAlarmConfig;
  stateValue: StateValue;
  stateUpdatedTimestamp: number;
  configUpdatedTimestamp: number;
}

const item = (alarmName: string, alarmType: AlarmType, now: number, type: HistoryItemType, summary: string, data: JavaJson): AlarmHistoryItem => ({
  AlarmName: alarmName, AlarmType: alarmType, Timestamp: isoTimestamp(now), HistoryItemType: type, HistorySummary: summary, HistoryData: writeJavaJson(data),
});

function stateJson(s: AlarmStateSnapshot): JavaJson {
  const out: Record<string, JavaJson> = { stateValue: s.stateValue, stateReason: s.stateReason };
  if (s.stateReasonData !== undefined) out.stateReasonData = raw(s.stateReasonData);
  return out;
}

export function stateUpdateItem(alarm: AlarmRecord, now: number, oldState: AlarmStateSnapshot, newState: AlarmStateSnapshot): AlarmHistoryItem {
  return item(alarm.config.AlarmName, alarm.alarmType, now, 'StateUpdate', `Alarm updated from ${oldState.stateValue} to ${newState.stateValue}`,
    { version: '1.0', oldState: stateJson(oldState), newState: stateJson(newState) });
}

export function createdItem(alarm: AlarmRecord, now: number): AlarmHistoryItem {
  return item(alarm.config.AlarmName, alarm.alarmType, now, 'ConfigurationUpdate', `Alarm "${alarm.config.AlarmName}" created`,
    { version: '1.0', type: 'Create', createdAlarm: alarmJson(alarm) });
}

export function updatedItem(before: AlarmRecord, after: AlarmRecord, now: number): AlarmHistoryItem {
  return item(after.config.AlarmName, after.alarmType, now, 'ConfigurationUpdate', `Alarm "${after.config.AlarmName}" updated`,
    { version: '1.0', type: 'Update', originalAlarm: alarmJson(before), updatedAlarm: alarmJson(after) });
}

/** The result of running one alarm action; the integration reports it once the target was invoked. */
export function actionItem(alarm: AlarmRecord, now: number, arn: string, succeeded: boolean, detail: Record<string, JavaJson> = {}): AlarmHistoryItem {
  return item(alarm.config.AlarmName, alarm.alarmType, now, 'Action',
    succeeded ? `Successfully executed action ${arn}` : `Failed to execute action ${arn}`,
    { actionState: succeeded ? 'Succeeded' : 'Failed', stateUpdateTimestamp: int(alarm.stateUpdatedTimestamp), notificationResource: arn, ...detail });
}

/** The alarm as HistoryData describes it (field names and order of published "createdAlarm" objects). */
export function alarmJson(alarm: AlarmRecord): JavaJson {
  const c = alarm.config;
  const out: Record<string, JavaJson> = { alarmName: c.AlarmName };
  if (c.AlarmDescription !== undefined) out.alarmDescription = c.AlarmDescription;
  out.alarmArn = c.AlarmArn;
  out.alarmConfigurationUpdatedTimestamp = cloudWatchIso(alarm.configUpdatedTimestamp);
  if ('AlarmRule' in c) {
    out.alarmRule = c.AlarmRule;
  } else {
    out.namespace = c.Namespace;
    out.metricName = c.MetricName;
    if (c.Statistic !== undefined) out.statistic = c.Statistic;
    if (c.ExtendedStatistic !== undefined) out.extendedStatistic = c.ExtendedStatistic;
    out.period = int(c.Period);
    if (c.Unit !== undefined) out.unit = c.Unit;
    out.dimensions = (c.Dimensions ?? []).map((d) => ({ value: d.Value, name: d.Name }));
    out.threshold = dbl(c.Threshold);
    out.comparisonOperator = c.ComparisonOperator;
    out.evaluationPeriods = int(c.EvaluationPeriods);
    if (c.DatapointsToAlarm !== undefined) out.datapointsToAlarm = int(c.DatapointsToAlarm);
    if (c.TreatMissingData !== undefined) out.treatMissingData = c.TreatMissingData;
  }
  out.stateValue = alarm.stateValue;
  out.stateUpdatedTimestamp = cloudWatchIso(alarm.stateUpdatedTimestamp);
  out.actionsEnabled = c.ActionsEnabled ?? true;
  out.alarmActions = c.AlarmActions ?? [];
  out.insufficientDataActions = c.InsufficientDataActions ?? [];
  // Lower-case "okactions" is how CloudWatch spells it in this JSON.
  out.okactions = c.OKActions ?? [];
  return out;
}
