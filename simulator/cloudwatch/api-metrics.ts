import { AwsError, type Json, type JsonObject } from '../core/contract';
import { isObject, apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { CloudWatchModel, RawDatum } from './model';

const UNITS = ['Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes', 'Bits', 'Kilobits', 'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second', 'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second', 'Terabits/Second', 'Count/Second', 'None'];
const DAY = 86_400_000;

function datum(raw: Json, i: number, namespace: string, now: number): RawDatum {
  const at = `MetricData.member.${i + 1}`;
  if (!isObject(raw)) throw new AwsError('InvalidParameterValue', `The parameter ${at} must be a structure.`);
  const metricName = raw['MetricName'];
  if (typeof metricName !== 'string' || !metricName) throw new AwsError('MissingParameter', `The parameter ${at}.MetricName is required.`);
  const dims = Array.isArray(raw['Dimensions']) ? (raw['Dimensions'] as JsonObject[]).map((x) => ({ Name: String(x['Name'] ?? ''), Value: String(x['Value'] ?? '') })) : [];
  if (dims.length > 30) throw new AwsError('InvalidParameterValue', `The collection ${at}.Dimensions must not have a size greater than 30.`);
  const ts = raw['Timestamp'] === undefined ? now : typeof raw['Timestamp'] === 'number' ? raw['Timestamp'] : Date.parse(String(raw['Timestamp']));
  if (Number.isNaN(ts)) throw new AwsError('InvalidParameterValue', `The parameter ${at}.Timestamp is not a valid timestamp.`);
  if (ts < now - 14 * DAY || ts > now + 2 * 3_600_000) {
    throw new AwsError('InvalidParameterValue', `The parameter ${at}.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future.`);
  }
  const unit = str(raw, 'Unit') ?? 'None';
  if (!UNITS.includes(unit)) throw new AwsError('InvalidParameterValue', `The parameter ${at}.Unit must be a value in the set [ ${UNITS.join(', ')} ].`);
  const values = typeof raw['Value'] === 'number' ? [raw['Value']] : Array.isArray(raw['Values']) ? raw['Values'].filter((v): v is number => typeof v === 'number') : [];
  const counts = Array.isArray(raw['Counts']) ? raw['Counts'].filter((v): v is number => typeof v === 'number') : values.map(() => 1);
  const sv = raw['StatisticValues'];
  const statistics = isObject(sv) ? { SampleCount: Number(sv['SampleCount']), Sum: Number(sv['Sum']), Minimum: Number(sv['Minimum']), Maximum: Number(sv['Maximum']) } : null;
  if (raw['Value'] !== undefined && statistics) throw new AwsError('InvalidParameterCombination', `The parameters ${at}.Value and ${at}.StatisticValues are mutually exclusive and you have specified both.`);
  if (!values.length && !statistics) throw new AwsError('InvalidParameterCombination', `At least one of the parameters ${at}.Value, ${at}.Values or ${at}.StatisticValues must be specified.`);
  if (counts.length !== values.length) throw new AwsError('InvalidParameterValue', `The parameters ${at}.Values and ${at}.Counts must be arrays of the same length.`);
  const storageResolution = typeof raw['StorageResolution'] === 'number' ? raw['StorageResolution'] : 60;
  if (storageResolution !== 1 && storageResolution !== 60) throw new AwsError('InvalidParameterValue', `The parameter ${at}.StorageResolution must be either 1 or 60.`);
  return { namespace, metricName, dimensions: dims, timestamp: ts, receivedAt: now, values, counts, statistics, unit, storageResolution };
}

const dimKey = (d: { Name: string; Value: string }[]) => JSON.stringify([...d].sort((a, b) => (a.Name < b.Name ? -1 : 1)));

export function metricActions(m: CloudWatchModel, d: ServiceDeps): ActionSpec[] {
  const data = { category: 'Data' as const, resourceTypes: ['AWS::CloudWatch::Metric'] };
  return [
    {
      def: apiDef('cloudwatch:PutMetricData', { readOnly: false, ...data, summaryKo: '사용자 지정 지표 데이터를 게시합니다.' }),
      handler: (p, ctx) => {
        const namespace = str(p, 'Namespace');
        if (!namespace) throw new AwsError('MissingParameter', 'The parameter Namespace is required.');
        if (namespace.startsWith('AWS/')) throw new AwsError('InvalidParameterValue', `The value ${namespace} for parameter Namespace is invalid.`);
        const raw = Array.isArray(p['MetricData']) ? (p['MetricData'] as Json[]) : [];
        if (!raw.length) throw new AwsError('MissingParameter', 'The parameter MetricData is required.');
        if (raw.length > 1000) throw new AwsError('InvalidParameterValue', 'The collection MetricData must not have a size greater than 1000.');
        const now = d.clock.now();
        const parsed = raw.map((x, i) => datum(x, i, namespace, now));
        m.region(ctx.region).data.push(...parsed);
        return { response: {} };
      },
    },
    {
      def: apiDef('cloudwatch:ListMetrics', { readOnly: true, ...data, summaryKo: '지표 목록을 조회합니다.' }),
      handler: (p, ctx) => {
        const now = d.clock.now();
        // Metrics that have received no data for two weeks are no longer listed.
        const window = str(p, 'RecentlyActive') === 'PT3H' ? 3 * 3_600_000 : 14 * DAY;
        const wantDims = Array.isArray(p['Dimensions']) ? (p['Dimensions'] as JsonObject[]) : [];
        const seen = new Map<string, JsonObject>();
        for (const x of m.region(ctx.region).data) {
          if (now - x.receivedAt > window) continue;
          if (str(p, 'Namespace') && x.namespace !== str(p, 'Namespace')) continue;
          if (str(p, 'MetricName') && x.metricName !== str(p, 'MetricName')) continue;
          if (!wantDims.every((w) => x.dimensions.some((dd) => dd.Name === w['Name'] && (w['Value'] === undefined || dd.Value === w['Value'])))) continue;
          const key = `${x.namespace}\u0000${x.metricName}\u0000${dimKey(x.dimensions)}`;
          if (!seen.has(key)) seen.set(key, { Namespace: x.namespace, MetricName: x.metricName, Dimensions: x.dimensions });
        }
        return { response: { Metrics: [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v) } };
      },
    },
    {
      def: apiDef('cloudwatch:DescribeAlarms', { readOnly: true, summaryKo: 'CloudWatch 경보 목록을 조회합니다.' }),
      handler: (p, ctx) => {
        const prefix = str(p, 'AlarmNamePrefix') ?? '';
        const state = str(p, 'StateValue');
        const alarms = m.region(ctx.region).alarms.filter((a) => String(a['AlarmName'] ?? '').startsWith(prefix) && (!state || a['StateValue'] === state));
        return { response: { MetricAlarms: alarms, CompositeAlarms: [] } };
      },
    },
  ];
}
