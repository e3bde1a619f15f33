// PutMetricData, GetMetricStatistics, GetMetricData and ListMetrics over the Region's metric store.
import { AwsError, type Json, type JsonObject } from '../core/contract';
import { isObject, apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { dimensionsParam, optionalNumber, requiredString, requiredTimestamp, stringList, timestampParam } from './api-params';
import { getMetricData, type MetricDataQuery } from './metric-get-data';
import { getMetricStatistics } from './metric-get-statistics';
import { DAY, HOUR, STANDARD_UNITS, type DimensionFilter, type MetricDatumInput, type StandardUnit } from './metric-types';
import type { CloudWatchModel } from './model';

/** API reference, MetricDatum.Value: "values ... between -2^360 and 2^360"; NaN and ±Infinity are refused. */
const LIMIT = 2 ** 360;
const validValue = (v: number) => Number.isFinite(v) && Math.abs(v) <= LIMIT;

function numberList(raw: JsonObject, name: string, at: string): number[] | undefined {
  const v = raw[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw new AwsError('InvalidParameterValue', `The parameter ${at}.${name} must be a list of numbers.`);
  return v as number[];
}

function datum(raw: Json, i: number, now: number): MetricDatumInput {
  const at = `MetricData.member.${i + 1}`;
  if (!isObject(raw)) throw new AwsError('InvalidParameterValue', `The parameter ${at} must be a structure.`);
  const metricName = raw['MetricName'];
  if (typeof metricName !== 'string' || !metricName) throw new AwsError('MissingParameter', `The parameter ${at}.MetricName is required.`);
  const dims = dimensionsParam(raw['Dimensions'], `${at}.Dimensions`);
  const ts = timestampParam(raw['Timestamp'], `${at}.Timestamp`) ?? now;
  // "Data points with time stamps from 24 hours ago or longer can take at least 48 hours to become available":
  // accepted up to two weeks in the past and two hours in the future.
  if (ts < now - 14 * DAY || ts > now + 2 * HOUR) {
    throw new AwsError('InvalidParameterValue', `The parameter ${at}.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future.`);
  }
  const unit = str(raw, 'Unit') ?? 'None';
  if (!(STANDARD_UNITS as readonly string[]).includes(unit)) throw new AwsError('InvalidParameterValue', `The parameter ${at}.Unit must be a value in the set [ ${STANDARD_UNITS.join(', ')} ].`);
  const value = raw['Value'];
  if (value !== undefined && (typeof value !== 'number' || !validValue(value))) throw new AwsError('InvalidParameterValue', `The value ${String(value)} for parameter ${at}.Value is invalid.`);
  const values = numberList(raw, 'Values', at);
  const counts = numberList(raw, 'Counts', at);
  const sv = raw['StatisticValues'];
  const given = [value !== undefined, values !== undefined, sv !== undefined].filter(Boolean).length;
  if (given > 1) throw new AwsError('InvalidParameterCombination', `The parameters ${at}.Value, ${at}.Values and ${at}.StatisticValues are mutually exclusive and you have specified more than one.`);
  if (given === 0) throw new AwsError('InvalidParameterCombination', `At least one of the parameters ${at}.Value, ${at}.Values or ${at}.StatisticValues must be specified.`);
  if (values) {
    if (values.length > 150) throw new AwsError('InvalidParameterValue', `The collection ${at}.Values must not have a size greater than 150.`);
    if (!values.every(validValue)) throw new AwsError('InvalidParameterValue', `The parameter ${at}.Values contains an invalid value.`);
    if (counts && counts.length !== values.length) throw new AwsError('InvalidParameterValue', `The parameters ${at}.Values and ${at}.Counts must be arrays of the same length.`);
  } else if (counts) {
    throw new AwsError('InvalidParameterCombination', `The parameter ${at}.Counts must be specified with ${at}.Values.`);
  }
  let statistics: MetricDatumInput['StatisticValues'];
  if (sv !== undefined) {
    if (!isObject(sv)) throw new AwsError('InvalidParameterValue', `The parameter ${at}.StatisticValues must be a structure.`);
    const need = (k: string) => {
      const n = sv[k];
      if (typeof n !== 'number') throw new AwsError('MissingParameter', `The parameter ${at}.StatisticValues.${k} is required.`);
      if (!validValue(n)) throw new AwsError('InvalidParameterValue', `The value ${n} for parameter ${at}.StatisticValues.${k} is invalid.`);
      return n;
    };
    statistics = { SampleCount: need('SampleCount'), Sum: need('Sum'), Minimum: need('Minimum'), Maximum: need('Maximum') };
  }
  const storageResolution = optionalNumber(raw, 'StorageResolution') ?? 60;
  if (storageResolution !== 1 && storageResolution !== 60) throw new AwsError('InvalidParameterValue', `The parameter ${at}.StorageResolution must be either 1 or 60.`);
  return {
    MetricName: metricName, Dimensions: dims, Timestamp: ts, Unit: unit as StandardUnit, StorageResolution: storageResolution,
    ...(typeof value === 'number' ? { Value: value } : {}),
    ...(values ? { Values: values, ...(counts ? { Counts: counts } : {}) } : {}),
    ...(statistics ? { StatisticValues: statistics } : {}),
  };
}

function metricDataQueries(p: JsonObject): MetricDataQuery[] {
  const raw = p['MetricDataQueries'];
  if (!Array.isArray(raw) || raw.length === 0) throw new AwsError('MissingParameter', 'The parameter MetricDataQueries is required.');
  return raw.map((q, i) => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (!isObject(q)) throw new AwsError('InvalidParameterValue', `The parameter ${at} must be a structure.`);
    const out: MetricDataQuery = { Id: str(q, 'Id') ?? '' };
    const ms = q['MetricStat'];
    if (isObject(ms)) {
      const m = isObject(ms['Metric']) ? ms['Metric'] : {};
      out.MetricStat = {
        Metric: { Namespace: str(m, 'Namespace') ?? '', MetricName: str(m, 'MetricName') ?? '', Dimensions: dimensionsParam(m['Dimensions'], `${at}.MetricStat.Metric.Dimensions`) },
        Period: optionalNumber(ms, 'Period') ?? 0,
        Stat: str(ms, 'Stat') ?? '',
        ...(str(ms, 'Unit') ? { Unit: str(ms, 'Unit')! } : {}),
      };
    }
    if (str(q, 'Expression') !== undefined) out.Expression = str(q, 'Expression')!;
    if (str(q, 'Label') !== undefined) out.Label = str(q, 'Label')!;
    if (typeof q['ReturnData'] === 'boolean') out.ReturnData = q['ReturnData'];
    const period = optionalNumber(q, 'Period');
    if (period !== undefined) out.Period = period;
    return out;
  });
}

function dimensionFilters(v: Json | undefined): DimensionFilter[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new AwsError('InvalidParameterValue', 'The parameter Dimensions must be a list.');
  if (v.length > 10) throw new AwsError('InvalidParameterValue', 'The collection Dimensions must not have a size greater than 10.');
  return v.map((d, i) => {
    if (!isObject(d) || typeof d['Name'] !== 'string') throw new AwsError('MissingParameter', `The parameter Dimensions.member.${i + 1}.Name is required.`);
    return typeof d['Value'] === 'string' ? { Name: d['Name'], Value: d['Value'] } : { Name: d['Name'] };
  });
}

export function metricActions(m: CloudWatchModel, d: ServiceDeps): ActionSpec[] {
  // CloudTrail logs these four as data events on AWS::CloudWatch::Metric (CloudWatch user guide,
  // "CloudWatch data events in CloudTrail"); trails record them only when data events are selected.
  const data = { category: 'Data' as const, resourceTypes: ['AWS::CloudWatch::Metric'] };
  return [
    {
      def: apiDef('cloudwatch:PutMetricData', { readOnly: false, ...data, summaryKo: '사용자 지정 지표 데이터를 게시합니다.' }),
      handler: (p, ctx) => {
        const namespace = requiredString(p, 'Namespace');
        if (namespace.startsWith('AWS/')) throw new AwsError('InvalidParameterValue', `The value ${namespace} for parameter Namespace is invalid.`);
        if (namespace.length > 255 || !/^[0-9A-Za-z.\-_/#: ]+$/.test(namespace) || namespace.trim() === '') {
          throw new AwsError('InvalidParameterValue', `The value ${namespace} for parameter Namespace is invalid.`);
        }
        const raw = Array.isArray(p['MetricData']) ? (p['MetricData'] as Json[]) : [];
        if (!raw.length) throw new AwsError('MissingParameter', 'The parameter MetricData is required.');
        if (raw.length > 1000) throw new AwsError('InvalidParameterValue', 'The collection MetricData must not have a size greater than 1000.');
        const now = d.clock.now();
        // All data are checked before any is stored: a refused request stores nothing.
        const parsed = raw.map((x, i) => datum(x, i, now));
        const store = m.metricsIn(ctx.region);
        for (const x of parsed) store.put(namespace, x, now);
        return { response: {} };
      },
    },
    {
      def: apiDef('cloudwatch:GetMetricStatistics', { readOnly: true, ...data, summaryKo: '지표의 기간별 통계를 조회합니다.' }),
      handler: (p, ctx) => {
        const out = getMetricStatistics(m.metricsIn(ctx.region), {
          Namespace: requiredString(p, 'Namespace'),
          MetricName: requiredString(p, 'MetricName'),
          Dimensions: dimensionsParam(p['Dimensions'], 'Dimensions'),
          StartTime: requiredTimestamp(p, 'StartTime'),
          EndTime: requiredTimestamp(p, 'EndTime'),
          Period: optionalNumber(p, 'Period') ?? (() => { throw new AwsError('MissingParameter', 'The parameter Period is required.'); })(),
          ...(stringList(p, 'Statistics') ? { Statistics: stringList(p, 'Statistics')! } : {}),
          ...(stringList(p, 'ExtendedStatistics') ? { ExtendedStatistics: stringList(p, 'ExtendedStatistics')! } : {}),
          ...(str(p, 'Unit') ? { Unit: str(p, 'Unit')! } : {}),
        }, d.clock.now());
        return { response: out as unknown as JsonObject };
      },
    },
    {
      def: apiDef('cloudwatch:GetMetricData', { readOnly: true, ...data, summaryKo: '지표 쿼리와 수식으로 여러 지표 데이터를 한 번에 조회합니다.' }),
      handler: (p, ctx) => {
        const scan = str(p, 'ScanBy');
        if (scan !== undefined && scan !== 'TimestampDescending' && scan !== 'TimestampAscending') {
          throw new AwsError('ValidationError', `1 validation error detected: Value '${scan}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]`);
        }
        const out = getMetricData(m.metricsIn(ctx.region), {
          MetricDataQueries: metricDataQueries(p),
          StartTime: requiredTimestamp(p, 'StartTime'),
          EndTime: requiredTimestamp(p, 'EndTime'),
          ...(scan ? { ScanBy: scan } : {}),
        }, d.clock.now());
        return { response: out as unknown as JsonObject };
      },
    },
    {
      def: apiDef('cloudwatch:ListMetrics', { readOnly: true, ...data, summaryKo: '지표 목록을 조회합니다.' }),
      handler: (p, ctx) => {
        const recent = str(p, 'RecentlyActive');
        if (recent !== undefined && recent !== 'PT3H') {
          throw new AwsError('ValidationError', `1 validation error detected: Value '${recent}' at 'recentlyActive' failed to satisfy constraint: Member must satisfy enum value set: [PT3H]`);
        }
        const metrics = m.metricsIn(ctx.region).list({
          ...(str(p, 'Namespace') ? { Namespace: str(p, 'Namespace')! } : {}),
          ...(str(p, 'MetricName') ? { MetricName: str(p, 'MetricName')! } : {}),
          Dimensions: dimensionFilters(p['Dimensions']),
          ...(recent ? { RecentlyActive: 'PT3H' as const } : {}),
        }, d.clock.now());
        // ListMetrics returns up to 500 results a page.
        const start = Number(str(p, 'NextToken') ?? '0') || 0;
        const page = metrics.slice(start, start + 500);
        return { response: { Metrics: page as unknown as Json, ...(start + 500 < metrics.length ? { NextToken: String(start + 500) } : {}) } };
      },
    },
  ];
}
