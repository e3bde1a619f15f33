// DescribeAlarmHistory items as CloudWatch writes them. HistoryData is a JSON string; the shapes follow
// published DescribeAlarmHistory output: StateUpdate {"version","oldState","newState"} with stateReasonData
// nested as an object, ConfigurationUpdate {"version","type":"Create","createdAlarm":{...}}.
import { cloudWatchIso, dbl, int, writeJavaJson, type JavaJson } from './alarm-format';
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

/** {"stateValue":…,"stateReason":…,"stateReasonData":{…}} as text (stateReasonData is JSON already). */
function stateText(s: AlarmStateSnapshot): string {
  const data = s.stateReasonData !== undefined ? `,"stateReasonData":${s.stateReasonData}` : '';
  return `{"stateValue":${JSON.stringify(s.stateValue)},"stateReason":${JSON.stringify(s.stateReason)}${data}}`;
}

/** Every state change writes one, so its HistoryData is written as text directly (the same bytes writeJavaJson
 *  gives for {version, oldState, newState}; alarm-history.test.ts compares them). */
export function stateUpdateItem(alarm: AlarmNaming, now: number, oldState: AlarmStateSnapshot, newState: AlarmStateSnapshot): AlarmHistoryItem {
  return {
    AlarmName: alarm.config.AlarmName, AlarmType: alarm.alarmType, Timestamp: isoTimestamp(now), HistoryItemType: 'StateUpdate',
    HistorySummary: `Alarm updated from ${oldState.stateValue} to ${newState.stateValue}`,
    HistoryData: `{"version":"1.0","oldState":${stateText(oldState)},"newState":${stateText(newState)}}`,
  };
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
/** The fields of an alarm a state change or action history item names. */
export type AlarmNaming = Pick<AlarmRecord, 'alarmType' | 'config'>;

const ACTION_FIELDS = ['actionState', 'stateUpdateTimestamp', 'notificationResource'];

/** Every action run writes one: its HistoryData is written as text directly, the same bytes writeJavaJson gives
 *  for {actionState, stateUpdateTimestamp, notificationResource, ...detail} (alarm-history.test.ts compares). */
export function actionItem(alarm: AlarmNaming & Pick<AlarmRecord, 'stateUpdatedTimestamp'>, now: number, arn: string, succeeded: boolean, detail: Record<string, JavaJson> = {}): AlarmHistoryItem {
  const summary = succeeded ? `Successfully executed action ${arn}` : `Failed to execute action ${arn}`;
  const head = { actionState: succeeded ? 'Succeeded' : 'Failed', stateUpdateTimestamp: int(alarm.stateUpdatedTimestamp), notificationResource: arn };
  const keys = Object.keys(detail);
  // A detail that names one of the leading fields replaces its value in place: the general path keeps that order.
  // (A loop, not some() with a closure: action results are recorded as cold code, where the closure cost more.)
  let named = false;
  for (const k of keys) if (ACTION_FIELDS.includes(k)) named = true;
  if (named) return item(alarm.config.AlarmName, alarm.alarmType, now, 'Action', summary, { ...head, ...detail });
  let data = `{"actionState":"${head.actionState}","stateUpdateTimestamp":${String(Math.trunc(alarm.stateUpdatedTimestamp))},"notificationResource":${JSON.stringify(arn)}`;
  for (const k of keys) data += `,${JSON.stringify(k)}:${writeJavaJson(detail[k]!)}`;
  return {
    AlarmName: alarm.config.AlarmName, AlarmType: alarm.alarmType, Timestamp: isoTimestamp(now), HistoryItemType: 'Action',
    HistorySummary: summary, HistoryData: `${data}}`,
  };
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
