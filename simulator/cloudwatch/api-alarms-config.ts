// PutMetricAlarm / PutCompositeAlarm input into alarm configurations, with CloudWatch's validation
// (API reference, PutMetricAlarmInput and PutCompositeAlarmInput).
import { AwsError, type JsonObject } from '../core/contract';
import { str } from '../core/service';
import { dimensionsParam, optionalNumber, requiredNumber, requiredString, stringList } from './api-params';
import { EC2_ACTION } from './alarm-runner-actions';
import type { CompositeAlarmConfig, MetricAlarmConfig, ThresholdOperator, TreatMissingData } from './alarm-types';
import { parseAlarmRule } from './composite-rule';
import { isBasicStatistic } from './metric-statistics';
import { parseExtendedStatistic } from './metric-extended-statistics';
import { STANDARD_UNITS, type BasicStatistic } from './metric-types';

const OPERATORS: ThresholdOperator[] = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];
const BAND_OPERATORS = ['LessThanLowerOrGreaterThanUpperThreshold', 'LessThanLowerThreshold', 'GreaterThanUpperThreshold'];
const TREAT: TreatMissingData[] = ['missing', 'notBreaching', 'breaching', 'ignore'];

const enumError = (value: string, member: string, set: readonly string[]) =>
  new AwsError('ValidationError', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${set.join(', ')}]`);

function alarmName(p: JsonObject): string {
  const name = requiredString(p, 'AlarmName');
  if (name.length > 255) throw new AwsError('ValidationError', "1 validation error detected: Value at 'alarmName' failed to satisfy constraint: Member must have length less than or equal to 255");
  return name;
}

/** AlarmActions, OKActions, InsufficientDataActions: at most 5 each. */
function actionList(p: JsonObject, name: 'AlarmActions' | 'OKActions' | 'InsufficientDataActions'): string[] | undefined {
  const list = stringList(p, name);
  if (!list) return undefined;
  const member = name.charAt(0).toLowerCase() + name.slice(1);
  if (list.length > 5) throw new AwsError('ValidationError', `1 validation error detected: Value '[${list.join(', ')}]' at '${member}' failed to satisfy constraint: Member must have length less than or equal to 5`);
  for (const arn of list) {
    if (!/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9]*:.+$/.test(arn)) throw new AwsError('ValidationError', `Invalid arn syntax: ${arn}`);
  }
  return list;
}

function commonActions(p: JsonObject): Pick<MetricAlarmConfig, 'ActionsEnabled' | 'AlarmActions' | 'OKActions' | 'InsufficientDataActions'> {
  const out: Pick<MetricAlarmConfig, 'ActionsEnabled' | 'AlarmActions' | 'OKActions' | 'InsufficientDataActions'> = {};
  const enabled = p['ActionsEnabled'];
  if (enabled !== undefined) out.ActionsEnabled = enabled === true || enabled === 'true';
  for (const k of ['AlarmActions', 'OKActions', 'InsufficientDataActions'] as const) {
    const l = actionList(p, k);
    if (l) out[k] = l;
  }
  return out;
}

export function metricAlarmConfig(p: JsonObject, region: string, accountId: string): MetricAlarmConfig {
  const name = alarmName(p);
  if (p['Metrics'] !== undefined) throw new AwsError('Sim.Unsupported', 'Alarms on metric math (Metrics) are not simulated; use MetricName and Namespace');
  const namespace = requiredString(p, 'Namespace');
  const metricName = requiredString(p, 'MetricName');
  const statistic = str(p, 'Statistic');
  const extended = str(p, 'ExtendedStatistic');
  if (statistic !== undefined && extended !== undefined) {
    throw new AwsError('InvalidParameterCombination', 'Exactly one of Statistic and ExtendedStatistic must be specified.');
  }
  if (statistic === undefined && extended === undefined) {
    throw new AwsError('InvalidParameterCombination', 'One of Statistic or ExtendedStatistic must be specified.');
  }
  if (statistic !== undefined && !isBasicStatistic(statistic)) throw enumError(statistic, 'statistic', ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);
  if (extended !== undefined && parseExtendedStatistic(extended) === undefined) {
    throw new AwsError('InvalidParameterValue', `The value ${extended} for parameter ExtendedStatistic is not supported.`);
  }
  const period = requiredNumber(p, 'Period');
  // "Valid values are 10, 20, 30, and any multiple of 60."
  if (!Number.isInteger(period) || period < 10 || !([10, 20, 30].includes(period) || period % 60 === 0)) {
    throw new AwsError('InvalidParameterValue', 'The parameter Period must be 10, 20, 30 or a multiple of 60.');
  }
  const evaluationPeriods = requiredNumber(p, 'EvaluationPeriods');
  if (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1) {
    throw new AwsError('ValidationError', "1 validation error detected: Value at 'evaluationPeriods' failed to satisfy constraint: Member must have value greater than or equal to 1");
  }
  // "The maximum value for Period x EvaluationPeriods is 7 days (604,800 seconds); 1 day for periods under an hour."
  const span = period * evaluationPeriods;
  if (span > 604_800 || (period < 3600 && span > 86_400)) {
    throw new AwsError('ValidationError', `The evaluation period ${span} seconds is too long: Period * EvaluationPeriods must not exceed ${period < 3600 ? '86400 seconds (one day) when Period is under one hour' : '604800 seconds (one week)'}.`);
  }
  const datapointsToAlarm = optionalNumber(p, 'DatapointsToAlarm');
  if (datapointsToAlarm !== undefined && (!Number.isInteger(datapointsToAlarm) || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
    throw new AwsError('ValidationError', 'DatapointsToAlarm must be greater than or equal to 1 and less than or equal to EvaluationPeriods.');
  }
  const operator = requiredString(p, 'ComparisonOperator');
  if (BAND_OPERATORS.includes(operator)) throw new AwsError('Sim.Unsupported', 'Anomaly detection alarms (band operators) are not simulated');
  if (!OPERATORS.includes(operator as ThresholdOperator)) throw enumError(operator, 'comparisonOperator', [...OPERATORS, ...BAND_OPERATORS]);
  const threshold = optionalNumber(p, 'Threshold');
  if (threshold === undefined) throw new AwsError('ValidationError', 'Threshold must be specified when ThresholdMetricId is not.');
  const treat = str(p, 'TreatMissingData');
  if (treat !== undefined && !TREAT.includes(treat as TreatMissingData)) throw new AwsError('ValidationError', `Option ${treat} is not supported. Supported options for parameter TreatMissingData are missing, ignore, breaching and notBreaching.`);
  const lowSample = str(p, 'EvaluateLowSampleCountPercentile');
  if (lowSample !== undefined && lowSample !== 'evaluate' && lowSample !== 'ignore') {
    throw new AwsError('ValidationError', `Option ${lowSample} is not supported. Supported options for parameter EvaluateLowSampleCountPercentile are evaluate and ignore.`);
  }
  const unit = str(p, 'Unit');
  if (unit !== undefined && !(STANDARD_UNITS as readonly string[]).includes(unit)) throw enumError(unit, 'unit', STANDARD_UNITS);
  const dimensions = dimensionsParam(p['Dimensions'], 'Dimensions');
  const actions = commonActions(p);
  // EC2 actions act on the instance the alarm watches, so the metric must name one.
  const all = [...(actions.AlarmActions ?? []), ...(actions.OKActions ?? []), ...(actions.InsufficientDataActions ?? [])];
  for (const arn of all) {
    const m = EC2_ACTION.exec(arn);
    if (!m) continue;
    if (m[1] !== region) throw new AwsError('ValidationError', `Invalid region ${m[1]} specified. Only ${region} is supported.`);
    if (!dimensions.some((d) => d.Name === 'InstanceId')) {
      throw new AwsError('ValidationError', 'Invalid use of EC2 action. An EC2 action can only be used if the alarm is monitoring metric(s) with an InstanceId dimension.');
    }
  }
  const description = str(p, 'AlarmDescription');
  if (description !== undefined && description.length > 1024) throw new AwsError('ValidationError', "1 validation error detected: Value at 'alarmDescription' failed to satisfy constraint: Member must have length less than or equal to 1024");
  return {
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`,
    ...(description !== undefined ? { AlarmDescription: description } : {}),
    Namespace: namespace, MetricName: metricName,
    ...(dimensions.length ? { Dimensions: dimensions } : {}),
    ...(statistic !== undefined ? { Statistic: statistic as BasicStatistic } : {}),
    ...(extended !== undefined ? { ExtendedStatistic: extended } : {}),
    ...(unit !== undefined ? { Unit: unit } : {}),
    Period: period, EvaluationPeriods: evaluationPeriods,
    ...(datapointsToAlarm !== undefined ? { DatapointsToAlarm: datapointsToAlarm } : {}),
    Threshold: threshold, ComparisonOperator: operator as ThresholdOperator,
    ...(treat !== undefined ? { TreatMissingData: treat as TreatMissingData } : {}),
    ...(lowSample !== undefined ? { EvaluateLowSampleCountPercentile: lowSample as 'evaluate' | 'ignore' } : {}),
    ...actions,
  };
}

export function compositeAlarmConfig(p: JsonObject, region: string, accountId: string): CompositeAlarmConfig {
  const name = alarmName(p);
  const rule = requiredString(p, 'AlarmRule');
  parseAlarmRule(rule);
  const actions = commonActions(p);
  // Composite alarms take SNS, Lambda, Systems Manager actions, but no EC2 or Auto Scaling actions.
  for (const arn of [...(actions.AlarmActions ?? []), ...(actions.OKActions ?? []), ...(actions.InsufficientDataActions ?? [])]) {
    if (EC2_ACTION.test(arn) || arn.includes(':autoscaling:')) throw new AwsError('ValidationError', `Invalid action ${arn}: composite alarms do not support EC2 or Auto Scaling actions.`);
  }
  const description = str(p, 'AlarmDescription');
  return {
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`,
    ...(description !== undefined ? { AlarmDescription: description } : {}),
    AlarmRule: rule,
    ...actions,
  };
}
