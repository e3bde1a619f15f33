// Metric alarm configuration and state in PutMetricAlarm / DescribeAlarms field names.
import type { Dimension } from './metric-types';

export type StateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export const STATE_VALUES: readonly StateValue[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

export type ThresholdOperator =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';
/** Valid only with an anomaly detection band (ThresholdMetricId); not evaluated by this simulator. */
export type BandOperator = 'LessThanLowerOrGreaterThanUpperThreshold' | 'LessThanLowerThreshold' | 'GreaterThanUpperThreshold';
export type ComparisonOperator = ThresholdOperator | BandOperator;

export type TreatMissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';

export interface MetricAlarmConfig {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  Namespace: string;
  MetricName: string;
  Dimensions?: Dimension[];
  /** Exactly one of Statistic and ExtendedStatistic. */
  Statistic?: 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';
  ExtendedStatistic?: string;
  Unit?: string;
  /** Seconds: 10, 20, 30 or a multiple of 60. */
  Period: number;
  EvaluationPeriods: number;
  /** M of an "M out of N" alarm; absent means M = N. */
  DatapointsToAlarm?: number;
  Threshold: number;
  ComparisonOperator: ThresholdOperator;
  TreatMissingData?: TreatMissingData;
  EvaluateLowSampleCountPercentile?: 'evaluate' | 'ignore';
  ActionsEnabled?: boolean;
  AlarmActions?: string[];
  OKActions?: string[];
  InsufficientDataActions?: string[];
}

/** PutCompositeAlarm: the state follows AlarmRule over other alarms' states. No EC2 or Auto Scaling actions. */
export interface CompositeAlarmConfig {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  AlarmRule: string;
  ActionsEnabled?: boolean;
  AlarmActions?: string[];
  OKActions?: string[];
  InsufficientDataActions?: string[];
}

/** A period's value as the alarm sees it; value undefined = missing data point. */
export interface AlarmDatapoint {
  /** Start of the period, epoch ms. */
  timestamp: number;
  value: number | undefined;
  sampleCount: number;
}

export function isBreaching(operator: ThresholdOperator, value: number, threshold: number): boolean {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold': return value >= threshold;
    case 'GreaterThanThreshold': return value > threshold;
    case 'LessThanThreshold': return value < threshold;
    case 'LessThanOrEqualToThreshold': return value <= threshold;
  }
}

/** The comparison as StateReason words it ("was greater than or equal to the threshold"). */
export const OPERATOR_WORDS: Record<ThresholdOperator, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};
