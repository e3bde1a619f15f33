// Metric filters through the API: PutMetricFilter, DescribeMetricFilters, DeleteMetricFilter, TestMetricFilter.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutMetricFilter.html
import { AwsError, type Json, type JsonObject } from '../core/contract';
import { apiDef, isObject, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { STANDARD_UNITS } from '../cloudwatch/metric-types';
import { need } from './api-groups';
import { patternUsesRegex } from './filter-pattern';
import { compileMetricFilter, type MetricTransformation } from './metric-filter';
import { testMetricFilter } from './metric-filter-test-run';
import type { LogGroup, LogsModel, StoredMetricFilter } from './model';

/** "The maximum number of metric filters that can be associated with a log group is 100." */
export const MAX_FILTERS_PER_GROUP = 100;
/** "You can have up to five filter patterns containing regular expressions within each log group." */
const MAX_REGEX_FILTERS_PER_GROUP = 5;

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

function constraint(value: string, member: string, rule: string): AwsError {
  return invalid(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${rule}`);
}

function checkName(value: string, member: string, max: number, pattern: RegExp, shown: string): void {
  if (value.length > max) throw constraint(value, member, `Member must have length less than or equal to ${max}`);
  if (!pattern.test(value)) throw constraint(value, member, `Member must satisfy regular expression pattern: ${shown}`);
}

/** One MetricTransformation of the request, in the API's member names, checked member by member. */
function readTransformation(raw: Json | undefined, i: number): MetricTransformation {
  const at = `metricTransformations.${i + 1}.member`;
  if (!isObject(raw)) throw invalid(`1 validation error detected: Value null at '${at}' failed to satisfy constraint: Member must not be null`);
  const required = (name: string): string => {
    const v = raw[name];
    if (typeof v === 'string' && v.length > 0) return v;
    throw invalid(`1 validation error detected: Value null at '${at}.${name}' failed to satisfy constraint: Member must not be null`);
  };
  const metricName = required('metricName');
  const metricNamespace = required('metricNamespace');
  const metricValue = required('metricValue');
  checkName(metricName, `${at}.metricName`, 255, /^[^:*$]*$/, '[^:*$]*');
  checkName(metricNamespace, `${at}.metricNamespace`, 255, /^[^:*$]*$/, '[^:*$]*');
  const t: MetricTransformation = { metricName, metricNamespace, metricValue };
  const dv = raw['defaultValue'];
  if (dv !== undefined && dv !== null) {
    if (typeof dv !== 'number' || !Number.isFinite(dv)) throw invalid(`1 validation error detected: Value '${String(dv)}' at '${at}.defaultValue' failed to satisfy constraint: Member must be a number`);
    t.defaultValue = dv;
  }
  const dims = raw['dimensions'];
  if (dims !== undefined && dims !== null) {
    if (!isObject(dims) || !Object.values(dims).every((v) => typeof v === 'string')) throw invalid(`1 validation error detected: Value at '${at}.dimensions' failed to satisfy constraint: Member must be a map of strings`);
    if (Object.keys(dims).length > 0) t.dimensions = dims as Record<string, string>;
  }
  const unit = raw['unit'];
  if (unit !== undefined && unit !== null) {
    if (typeof unit !== 'string' || !(STANDARD_UNITS as readonly string[]).includes(unit)) {
      throw constraint(String(unit), `${at}.unit`, `Member must satisfy enum value set: [${STANDARD_UNITS.join(', ')}]`);
    }
    t.unit = unit;
  }
  return t;
}

/** The filter as DescribeMetricFilters writes it. */
function wire(g: LogGroup, f: StoredMetricFilter): JsonObject {
  return {
    filterName: f.filterName,
    filterPattern: f.filterPattern,
    metricTransformations: f.metricTransformations.map((t) => ({
      metricName: t.metricName, metricNamespace: t.metricNamespace, metricValue: t.metricValue,
      ...(t.defaultValue !== undefined ? { defaultValue: t.defaultValue } : {}),
      ...(t.dimensions ? { dimensions: { ...t.dimensions } } : {}),
      ...(t.unit ? { unit: t.unit } : {}),
    })),
    creationTime: f.creationTime,
    logGroupName: g.logGroupName,
    applyOnTransformedLogs: false,
  };
}

export function filterActions(m: LogsModel, d: ServiceDeps): ActionSpec[] {
  const groupArn = (region: string, name: string) => `arn:aws:logs:${region}:${d.accountId}:log-group:${name}:*`;
  const onGroup = (p: JsonObject, ctx: { region: string }) => ({ resource: groupArn(ctx.region, str(p, 'logGroupName') ?? '') });
  return [
    {
      def: apiDef('logs:PutMetricFilter', { readOnly: false, resourceTypes: ['AWS::Logs::LogGroup'], summaryKo: '로그 그룹에 지표 필터를 만들거나 바꿉니다.' }),
      authz: onGroup,
      handler: (p, ctx) => {
        const groupName = need(p, 'logGroupName');
        const filterName = need(p, 'filterName');
        checkName(filterName, 'filterName', 512, /^[^:*]*$/, '[^:*]*');
        const filterPattern = p['filterPattern'];
        if (typeof filterPattern !== 'string') throw invalid("1 validation error detected: Value null at 'filterPattern' failed to satisfy constraint: Member must not be null");
        const raw = p['metricTransformations'];
        if (!Array.isArray(raw)) throw invalid("1 validation error detected: Value null at 'metricTransformations' failed to satisfy constraint: Member must not be null");
        const metricTransformations = raw.map(readTransformation);
        const compiled = compileMetricFilter({ filterPattern, metricTransformations });
        const g = m.group(ctx.region, groupName);
        const others = Object.values(g.metricFilters).filter((f) => f.filterName !== filterName);
        if (!g.metricFilters[filterName] && others.length >= MAX_FILTERS_PER_GROUP) throw new AwsError('LimitExceededException', 'Resource limit exceeded.');
        if (patternUsesRegex(compiled.pattern)) {
          const withRegex = others.filter((f) => patternUsesRegex(compileMetricFilter(f).pattern)).length;
          // The quota is documented; the service's wording for it was not found, so this sentence is ours.
          if (withRegex >= MAX_REGEX_FILTERS_PER_GROUP) throw new AwsError('LimitExceededException', 'A log group can have at most 5 filter patterns that contain regular expressions.');
        }
        // A replaced filter starts afresh: its new definition counts only events ingested from now on.
        g.metricFilters[filterName] = { filterName, filterPattern, metricTransformations, creationTime: d.clock.now(), publishedMinutes: [] };
        return { response: {} };
      },
    },
    {
      def: apiDef('logs:DescribeMetricFilters', { readOnly: true, resourceTypes: ['AWS::Logs::LogGroup'], summaryKo: '지표 필터 목록을 조회합니다.' }),
      authz: (p, ctx) => ({ resource: str(p, 'logGroupName') ? groupArn(ctx.region, str(p, 'logGroupName') ?? '') : '*' }),
      handler: (p, ctx) => {
        const groupName = str(p, 'logGroupName');
        const prefix = str(p, 'filterNamePrefix');
        const metricName = str(p, 'metricName');
        const metricNamespace = str(p, 'metricNamespace');
        // The API reference: filterNamePrefix needs logGroupName; metricName and metricNamespace go together.
        // The exact sentences were not found; these are ours.
        if (prefix !== undefined && groupName === undefined) throw invalid('If you specify filterNamePrefix, you must also specify logGroupName.');
        if ((metricName === undefined) !== (metricNamespace === undefined)) throw invalid('If you specify metricName, you must also specify metricNamespace, and the other way around.');
        const limit = p['limit'] === undefined ? 50 : p['limit'];
        if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 50) {
          throw constraint(String(limit), 'limit', limit !== null && Number(limit) < 1 ? 'Member must have value greater than or equal to 1' : 'Member must have value less than or equal to 50');
        }
        const groups = groupName !== undefined ? [m.group(ctx.region, groupName)] : Object.values(m.groups(ctx.region));
        const all = groups
          .flatMap((g) => Object.values(g.metricFilters).map((f) => ({ g, f, key: `${g.logGroupName}\u0000${f.filterName}` })))
          .filter(({ f }) => prefix === undefined || f.filterName.startsWith(prefix))
          .filter(({ f }) => metricName === undefined || f.metricTransformations.some((t) => t.metricName === metricName && t.metricNamespace === metricNamespace))
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const after = str(p, 'nextToken');
        let start = 0;
        if (after !== undefined) {
          const key = decodeToken(after);
          start = all.findIndex((x) => x.key > key);
          if (start < 0) start = all.length;
        }
        const page = all.slice(start, start + limit);
        const more = start + limit < all.length;
        return { response: { metricFilters: page.map(({ g, f }) => wire(g, f)), ...(more && page.length ? { nextToken: encodeToken(page[page.length - 1]!.key) } : {}) } };
      },
    },
    {
      def: apiDef('logs:DeleteMetricFilter', { readOnly: false, resourceTypes: ['AWS::Logs::LogGroup'], summaryKo: '지표 필터를 삭제합니다(이미 발행된 지표 데이터는 남습니다).' }),
      authz: onGroup,
      handler: (p, ctx) => {
        const g = m.group(ctx.region, need(p, 'logGroupName'));
        const name = need(p, 'filterName');
        if (!g.metricFilters[name]) throw new AwsError('ResourceNotFoundException', 'The specified metric filter does not exist.');
        delete g.metricFilters[name];
        return { response: {} };
      },
    },
    {
      def: apiDef('logs:TestMetricFilter', { readOnly: true, summaryKo: '필터 패턴을 예시 로그 메시지에 시험해 봅니다.' }),
      handler: (p) => {
        const filterPattern = p['filterPattern'];
        if (typeof filterPattern !== 'string') throw invalid("1 validation error detected: Value null at 'filterPattern' failed to satisfy constraint: Member must not be null");
        const raw = p['logEventMessages'];
        if (!Array.isArray(raw)) throw invalid("1 validation error detected: Value null at 'logEventMessages' failed to satisfy constraint: Member must not be null");
        const { matches } = testMetricFilter({ filterPattern, logEventMessages: raw.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) });
        return { response: { matches: matches.map((x) => ({ eventNumber: x.eventNumber, eventMessage: x.eventMessage, extractedValues: { ...x.extractedValues } })) } };
      },
    },
  ];
}

// Paging tokens are opaque to callers; ours carry the last key returned.
export function encodeToken(key: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(key)));
}

export function decodeToken(token: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)));
  } catch {
    throw invalid('The specified nextToken is invalid.');
  }
}
