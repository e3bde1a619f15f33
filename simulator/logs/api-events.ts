// FilterLogEvents: search a log group's events by pattern, time range and streams, page by page.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html
import { AwsError, type JsonObject } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { decodeToken, encodeToken } from './api-filters';
import { FilterPatternError, matchLogEvent, parseFilterPattern, type FilterPattern } from './filter-pattern';
import type { EventList } from './event-list';
import type { LogGroup, LogsModel } from './model';

const MAX_LIMIT = 10_000;

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

/** logGroupName, or logGroupIdentifier (a name or an ARN); exactly one of them. */
function groupNameOf(p: JsonObject): string {
  const name = str(p, 'logGroupName');
  const id = str(p, 'logGroupIdentifier');
  if (name !== undefined && id !== undefined) throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  const given = name ?? id;
  if (given === undefined || given === '') throw invalid("1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
  const arn = /^arn:aws:logs:[a-z0-9-]+:\d{12}:log-group:(.+?)(:\*)?$/.exec(given);
  return arn?.[1] ?? given;
}

function timeParam(p: JsonObject, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalid(`1 validation error detected: Value '${String(v)}' at '${name}' failed to satisfy constraint: Member must have value greater than or equal to 0`);
  return v;
}

/** A stable, numeric event id: the event's time, its stream and its place in the stream. */
function eventIdOf(timestamp: number, streamName: string, index: number): string {
  let h = 2166136261;
  for (let i = 0; i < streamName.length; i++) h = Math.imul(h ^ streamName.charCodeAt(i), 16777619) >>> 0;
  return `${String(timestamp).padStart(20, '0')}${String(h).padStart(10, '0')}${String(index).padStart(26, '0')}`;
}

interface Hit {
  key: string;
  event: JsonObject;
}

/** Index of the first event whose timestamp is ≥ `t` (or > `t` when `after`), in a stream in time order. */
function boundary(events: EventList, t: number, after: boolean): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const ts = events.timestamp(mid);
    if (ts < t || (after && ts === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function searchGroup(m: LogsModel, g: LogGroup, streams: (name: string) => boolean, pattern: FilterPattern, start: number, end: number): Hit[] {
  const hits: Hit[] = [];
  for (const s of Object.values(g.streams)) {
    if (!streams(s.logStreamName)) continue;
    // A stream in time order is searched only within [start, end]: no message outside it is read back.
    const ordered = m.tally(s).inTimeOrder;
    const log = s.log;
    const from = ordered ? boundary(log, start, false) : 0;
    const to = ordered ? boundary(log, end, true) : log.length;
    for (let i = from; i < to; i++) {
      const timestamp = log.timestamp(i);
      if (timestamp < start || timestamp > end) continue;
      // Read once: a trail's stored message is rebuilt on each read.
      const message = log.message(i);
      if (!matchLogEvent(pattern, message).matched) continue;
      const eventId = eventIdOf(timestamp, s.logStreamName, i);
      hits.push({ key: eventId, event: { logStreamName: s.logStreamName, timestamp, message, ingestionTime: log.ingestionTime(i), eventId } });
    }
  }
  // Interleaved across streams in time order (the only order the API still offers).
  return hits.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function eventActions(m: LogsModel, d: ServiceDeps): ActionSpec[] {
  return [
    {
      // Reading log events is not recorded by CloudTrail, like GetLogEvents: the CloudWatch Logs page lists the
      // recorded actions, and FilterLogEvents is not among them.
      def: { ...apiDef('logs:FilterLogEvents', { readOnly: true, resourceTypes: ['AWS::Logs::LogGroup'], summaryKo: '로그 그룹의 이벤트를 패턴과 시간 범위로 검색합니다(CloudTrail에 기록되지 않음).' }), recordedByCloudTrail: false },
      authz: (p, ctx) => {
        const name = str(p, 'logGroupName') ?? str(p, 'logGroupIdentifier') ?? '';
        const bare = /^arn:aws:logs:[a-z0-9-]+:\d{12}:log-group:(.+?)(:\*)?$/.exec(name)?.[1] ?? name;
        return { resource: `arn:aws:logs:${ctx.region}:${d.accountId}:log-group:${bare}:*` };
      },
      handler: (p, ctx) => {
        const g = m.group(ctx.region, groupNameOf(p));
        const names = p['logStreamNames'];
        const prefix = str(p, 'logStreamNamePrefix');
        if (names !== undefined && prefix !== undefined) throw invalid('Cannot specify both logStreamNames and logStreamNamePrefix.');
        if (names !== undefined && (!Array.isArray(names) || names.length < 1 || names.length > 100 || !names.every((n) => typeof n === 'string'))) {
          throw invalid("1 validation error detected: Value at 'logStreamNames' failed to satisfy constraint: Member must have length between 1 and 100");
        }
        const wanted = Array.isArray(names) ? new Set(names as string[]) : undefined;
        const streams = (n: string) => (wanted ? wanted.has(n) : prefix === undefined || n.startsWith(prefix));
        const start = timeParam(p, 'startTime') ?? 0;
        const end = timeParam(p, 'endTime') ?? Number.MAX_SAFE_INTEGER;
        const limit = p['limit'] === undefined ? MAX_LIMIT : p['limit'];
        if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
          throw invalid(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${MAX_LIMIT}`);
        }
        const text = p['filterPattern'] === undefined ? '' : p['filterPattern'];
        if (typeof text !== 'string') throw invalid("1 validation error detected: Value at 'filterPattern' failed to satisfy constraint: Member must be a string");
        let pattern: FilterPattern;
        try {
          pattern = parseFilterPattern(text);
        } catch (e) {
          // FilterLogEvents answers with the finer reason, unlike PutMetricFilter.
          if (e instanceof FilterPatternError) throw invalid(e.detail);
          throw e;
        }
        const hits = searchGroup(m, g, streams, pattern, start, end);
        const token = str(p, 'nextToken');
        let from = 0;
        if (token !== undefined) {
          const last = decodeToken(token);
          from = hits.findIndex((h) => h.key > last);
          if (from < 0) from = hits.length;
        }
        const page = hits.slice(from, from + limit);
        const more = from + limit < hits.length;
        return { response: { events: page.map((h) => h.event), ...(more && page.length ? { nextToken: encodeToken(page[page.length - 1]!.key) } : {}) } };
      },
    },
  ];
}
