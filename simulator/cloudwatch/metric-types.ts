// CloudWatch metric shapes in AWS's own field names. Times are epoch milliseconds from the simulated clock.

export interface Dimension {
  Name: string;
  Value: string;
}

/** A dimension filter of ListMetrics: a Name with no Value matches any value. */
export interface DimensionFilter {
  Name: string;
  Value?: string;
}

export const STANDARD_UNITS = [
  'Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes',
  'Bits', 'Kilobits', 'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second',
  'Kilobytes/Second', 'Megabytes/Second', 'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second',
  'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second', 'Terabits/Second', 'Count/Second', 'None',
] as const;
export type StandardUnit = (typeof STANDARD_UNITS)[number];

export interface StatisticSet {
  SampleCount: number;
  Sum: number;
  Minimum: number;
  Maximum: number;
}

/** One MetricDatum of PutMetricData, already validated by the API layer. */
export interface MetricDatumInput {
  MetricName: string;
  Dimensions?: Dimension[];
  /** Epoch ms; when absent the receive time is used, as AWS does. */
  Timestamp?: number;
  Value?: number;
  Values?: number[];
  Counts?: number[];
  StatisticValues?: StatisticSet;
  Unit?: StandardUnit;
  /** 1 = high resolution (custom metrics only), 60 = standard (default). */
  StorageResolution?: number;
}

export interface MetricIdentity {
  Namespace: string;
  MetricName: string;
  Dimensions: Dimension[];
}

export const BASIC_STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type BasicStatistic = (typeof BASIC_STATISTICS)[number];

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Dimensions sorted by name: the order a caller lists them in never makes a different metric. */
export function canonicalDimensions(dimensions: readonly Dimension[] | undefined): Dimension[] {
  return [...(dimensions ?? [])]
    .map((d) => ({ Name: d.Name, Value: d.Value }))
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

/** The identity key of a metric: namespace + name + the exact dimension set (a hot path of PutMetricData). */
export function metricKey(namespace: string, metricName: string, dimensions: readonly Dimension[] | undefined): string {
  let key = `${namespace}\u0000${metricName}`;
  const dims = !dimensions || dimensions.length < 2 ? dimensions ?? [] : canonicalDimensions(dimensions);
  for (const d of dims) key += `\u0000${d.Name}\u0001${d.Value}`;
  return key;
}
