// Turning CloudWatch answers (GetMetricData results, an alarm's definition) into chart points and queries.
// Pure, so what a graph shows can be tested without a browser.

type Obj = Record<string, unknown>;

export interface Point {
  t: number;
  v: number;
  /** The value is on the alarm side of the threshold (only when a threshold is drawn). */
  breaching?: boolean;
}

export const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p99'] as const;
export const PERIODS = [60, 300, 900, 3600] as const;

const COMPARE: Record<string, (v: number, t: number) => boolean> = {
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  GreaterThanThreshold: (v, t) => v > t,
  LessThanThreshold: (v, t) => v < t,
  LessThanOrEqualToThreshold: (v, t) => v <= t,
};

/** Whether a value is on the alarm side; the anomaly-detection operators compare with a band, not a number. */
export function breaches(operator: string, threshold: number, value: number): boolean {
  return COMPARE[operator]?.(value, threshold) ?? false;
}

/** One MetricDataResult's points, oldest first (GetMetricData answers newest first by default). */
export function seriesOf(result: Obj | undefined, threshold?: { operator: string; value: number }): Point[] {
  if (!result) return [];
  const ts = Array.isArray(result['Timestamps']) ? (result['Timestamps'] as unknown[]) : [];
  const vs = Array.isArray(result['Values']) ? (result['Values'] as unknown[]) : [];
  const out: Point[] = [];
  ts.forEach((t, i) => {
    const v = vs[i];
    const ms = typeof t === 'string' ? Date.parse(t) : NaN;
    if (typeof v !== 'number' || Number.isNaN(ms)) return;
    out.push(threshold ? { t: ms, v, breaching: breaches(threshold.operator, threshold.value, v) } : { t: ms, v });
  });
  return out.sort((a, b) => a.t - b.t);
}

/** A metric as ListMetrics names it. */
export interface MetricId {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: string }[];
}

export function metricIdOf(m: Obj): MetricId {
  const dims = Array.isArray(m['Dimensions']) ? (m['Dimensions'] as Obj[]) : [];
  return {
    Namespace: String(m['Namespace'] ?? ''),
    MetricName: String(m['MetricName'] ?? ''),
    Dimensions: dims.map((d) => ({ Name: String(d['Name']), Value: String(d['Value']) })),
  };
}

export const dimensionText = (m: MetricId): string => (m.Dimensions.length ? m.Dimensions.map((d) => `${d.Name}=${d.Value}`).join(', ') : '(차원 없음)');
export const metricKey = (m: MetricId): string => `${m.Namespace}|${m.MetricName}|${dimensionText(m)}`;

/** Namespaces with their metrics, in the order the console lists them (alphabetical). */
export function groupByNamespace(metrics: MetricId[]): [string, MetricId[]][] {
  const by = new Map<string, MetricId[]>();
  for (const m of metrics) by.set(m.Namespace, [...(by.get(m.Namespace) ?? []), m]);
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ns, ms]) => [ns, ms.sort((a, b) => a.MetricName.localeCompare(b.MetricName) || dimensionText(a).localeCompare(dimensionText(b)))]);
}

/** GetMetricData parameters for one metric over [startMs, endMs). */
export function metricQuery(m: MetricId, stat: string, period: number, startMs: number, endMs: number): Obj {
  return {
    StartTime: new Date(startMs).toISOString(),
    EndTime: new Date(endMs).toISOString(),
    MetricDataQueries: [{ Id: 'm1', MetricStat: { Metric: { Namespace: m.Namespace, MetricName: m.MetricName, Dimensions: m.Dimensions }, Period: period, Stat: stat } }],
  };
}

/** The window an alarm graph shows: what it evaluates now plus enough before it to see the trend. */
export function alarmWindow(alarm: Obj, nowMs: number): { startMs: number; endMs: number } {
  const period = Number(alarm['Period'] ?? 60) || 60;
  const evals = Number(alarm['EvaluationPeriods'] ?? 1) || 1;
  const span = Math.max(3600_000, period * 1000 * (evals + 20));
  const endMs = Math.ceil(nowMs / 60_000) * 60_000;
  return { startMs: endMs - span, endMs };
}

/**
 * The GetMetricData request that draws what an alarm watches: its single metric and statistic, or its
 * metric-math queries (the same MetricDataQuery shape DescribeAlarms returns in Metrics). Undefined for
 * composite alarms, which watch other alarms, not a metric.
 */
export function alarmQuery(alarm: Obj, nowMs: number): { params: Obj; resultId: string } | undefined {
  const { startMs, endMs } = alarmWindow(alarm, nowMs);
  const range = { StartTime: new Date(startMs).toISOString(), EndTime: new Date(endMs).toISOString() };
  const metrics = alarm['Metrics'];
  if (Array.isArray(metrics) && metrics.length) {
    const shown = (metrics as Obj[]).find((q) => q['ReturnData'] !== false) ?? (metrics as Obj[])[0]!;
    return { params: { ...range, MetricDataQueries: metrics }, resultId: String(shown['Id']) };
  }
  if (typeof alarm['MetricName'] !== 'string') return undefined;
  const stat = typeof alarm['ExtendedStatistic'] === 'string' ? alarm['ExtendedStatistic'] : String(alarm['Statistic'] ?? 'Average');
  const m = metricIdOf(alarm);
  const q = metricQuery(m, stat, Number(alarm['Period'] ?? 60) || 60, startMs, endMs);
  return { params: q, resultId: 'm1' };
}

const TICK_STEPS = [60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000];

/** Round-minute ticks across the window, about six of them (recharts spaces a time axis by data otherwise). */
export function timeTicks(startMs: number, endMs: number, about = 6): number[] {
  const span = Math.max(endMs - startMs, 60_000);
  const step = TICK_STEPS.find((s) => span / s <= about) ?? 86_400_000;
  const out: number[] = [];
  for (let t = Math.ceil(startMs / step) * step; t <= endMs; t += step) out.push(t);
  return out;
}

/** HH:mm in UTC, the clock the simulator shows; with the date when the window spans days. */
export const tickLabel = (spanMs: number) => (ms: number): string => (spanMs > 86_400_000 ? new Date(ms).toISOString().slice(5, 16).replace('T', ' ') : hhmm(ms));

/** HH:mm in UTC, the clock the simulator shows. */
export const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);
