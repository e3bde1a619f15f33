import { AwsError, type Json, type JsonObject } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { need } from './api-groups';
import type { EventList } from './event-list';
import type { LogsModel } from './model';
import type { StreamTally } from './stream-tally';

const DAY = 86_400_000;

/** Index of the first event in `[lo, hi)` whose timestamp is ≥ `t`; events in time order. */
function firstAtOrAfter(events: EventList, t: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events.timestamp(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The stream's events in [start, end) in time order, as a range of stored positions: for a stream stored in
 * time order (the usual case) a range of the stream itself, found by binary search, instead of a filtered
 * and sorted copy of every event on every call. `list`: the positions in order, when they are not a range.
 */
function timeRange(events: EventList, inTimeOrder: boolean, start: number, end: number): { list?: readonly number[]; lo: number; hi: number } {
  if (inTimeOrder) {
    const lo = firstAtOrAfter(events, start, 0, events.length);
    return { lo, hi: firstAtOrAfter(events, end, lo, events.length) };
  }
  const list: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const t = events.timestamp(i);
    if (t >= start && t < end) list.push(i);
  }
  // Array.prototype.sort is stable: events with the same timestamp keep their ingestion order.
  list.sort((a, b) => events.timestamp(a) - events.timestamp(b));
  return { list, lo: 0, hi: list.length };
}

function span(t: StreamTally): JsonObject {
  return { firstEventTimestamp: t.firstEventTimestamp, lastEventTimestamp: t.lastEventTimestamp, lastIngestionTime: t.lastIngestionTime };
}

export function streamActions(m: LogsModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const streamArn = (region: string, p: JsonObject) => `arn:aws:logs:${region}:${acct}:log-group:${str(p, 'logGroupName') ?? ''}:log-stream:${str(p, 'logStreamName') ?? ''}`;
  return [
    {
      def: apiDef('logs:CreateLogStream', { readOnly: false, resourceTypes: ['AWS::Logs::LogStream'], summaryKo: '로그 그룹에 로그 스트림을 만듭니다.' }),
      authz: (p, ctx) => ({ resource: streamArn(ctx.region, p) }),
      handler: (p, ctx) => {
        const g = m.group(ctx.region, need(p, 'logGroupName'));
        const name = need(p, 'logStreamName');
        if (name.includes(':') || name.includes('*')) throw new AwsError('InvalidParameterException', `1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`);
        if (g.streams[name]) throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
        g.streams[name] = m.newStream(name, d.clock.now());
        return { response: {} };
      },
    },
    {
      def: apiDef('logs:DescribeLogStreams', { readOnly: true, resourceTypes: ['AWS::Logs::LogGroup'], summaryKo: '로그 스트림 목록을 조회합니다.' }),
      handler: (p, ctx) => {
        const g = m.group(ctx.region, need(p, 'logGroupName'));
        const prefix = str(p, 'logStreamNamePrefix') ?? '';
        const streams = Object.values(g.streams).filter((s) => s.logStreamName.startsWith(prefix)).sort((a, b) => (a.logStreamName < b.logStreamName ? -1 : 1));
        return {
          response: {
            logStreams: streams.map((s) => ({
              logStreamName: s.logStreamName, creationTime: s.creationTime,
              ...(s.log.length ? span(m.tally(s)) : {}),
              arn: streamArn(ctx.region, { logGroupName: g.logGroupName, logStreamName: s.logStreamName }), storedBytes: 0,
            })),
          },
        };
      },
    },
    {
      // PutLogEvents is a data-plane call that CloudTrail does not record.
      def: { ...apiDef('logs:PutLogEvents', { readOnly: false, resourceTypes: ['AWS::Logs::LogStream'], summaryKo: '로그 이벤트를 기록합니다(CloudTrail에 기록되지 않음).' }), recordedByCloudTrail: false },
      authz: (p, ctx) => ({ resource: streamArn(ctx.region, p) }),
      handler: (p, ctx) => {
        const g = m.group(ctx.region, need(p, 'logGroupName'));
        const s = m.stream(ctx.region, g.logGroupName, need(p, 'logStreamName'));
        const raw = Array.isArray(p['logEvents']) ? (p['logEvents'] as Json[]) : [];
        if (raw.length === 0 || raw.length > 10_000) throw new AwsError('InvalidParameterException', '1 validation error detected: Value at \'logEvents\' failed to satisfy constraint: Member must have length between 1 and 10000');
        // Both members are required (InputLogEvent): a missing one is refused as AWS refuses it, so no event is stored
        // without a time (a stored NaN also made a save that could not be read back).
        raw.forEach((e, i) => {
          for (const member of ['timestamp', 'message']) {
            const v = (e as JsonObject | null)?.[member];
            if (v === undefined || v === null) {
              throw new AwsError('InvalidParameterException', `1 validation error detected: Value null at 'logEvents.${i + 1}.member.${member}' failed to satisfy constraint: Member must not be null`);
            }
          }
        });
        const events = raw.map((e) => e as JsonObject).map((e) => ({ timestamp: Number(e['timestamp']), message: String(e['message']) }));
        for (let i = 1; i < events.length; i++) {
          if ((events[i]?.timestamp ?? 0) < (events[i - 1]?.timestamp ?? 0)) throw new AwsError('InvalidParameterException', 'Log events in a single PutLogEvents request must be in chronological order.');
        }
        if ((events.at(-1)?.timestamp ?? 0) - (events[0]?.timestamp ?? 0) > DAY) throw new AwsError('InvalidParameterException', 'Log events in a single PutLogEvents request cannot span more than 24 hours.');
        const now = d.clock.now();
        // Events more than 14 days old or more than 2 hours ahead are rejected, not stored.
        const tooOld = events.filter((e) => e.timestamp < now - 14 * DAY).length;
        const tooNewAt = events.findIndex((e) => e.timestamp > now + 2 * 3_600_000);
        const kept = events.slice(tooOld, tooNewAt < 0 ? undefined : tooNewAt);
        m.ingest(ctx.region, g, s, kept, now);
        const rejected: JsonObject = {};
        if (tooOld > 0) rejected['tooOldLogEventEndIndex'] = tooOld;
        if (tooNewAt >= 0) rejected['tooNewLogEventStartIndex'] = tooNewAt;
        return { response: Object.keys(rejected).length ? { rejectedLogEventsInfo: rejected } : {} };
      },
    },
    {
      def: { ...apiDef('logs:GetLogEvents', { readOnly: true, resourceTypes: ['AWS::Logs::LogStream'], summaryKo: '로그 스트림의 이벤트를 읽습니다(CloudTrail에 기록되지 않음).' }), recordedByCloudTrail: false },
      authz: (p, ctx) => ({ resource: streamArn(ctx.region, p) }),
      handler: (p, ctx) => {
        const s = m.stream(ctx.region, need(p, 'logGroupName'), need(p, 'logStreamName'));
        const start = typeof p['startTime'] === 'number' ? p['startTime'] : -Infinity;
        const end = typeof p['endTime'] === 'number' ? p['endTime'] : Infinity;
        const limit = p['limit'] === undefined ? 10_000 : p['limit'];
        if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
          throw new AwsError('InvalidParameterException', `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000`);
        }
        const { list, lo, hi } = timeRange(s.log, m.tally(s).inTimeOrder, start, end);
        const count = hi - lo;
        // Tokens are positions: "f/N" reads forward from N, "b/N" reads the page that ends before N. Without a
        // token the newest page is returned unless startFromHead is true.
        const token = str(p, 'nextToken');
        let from: number;
        if (token !== undefined) {
          const t = /^([fb])\/(\d{1,9})$/.exec(token);
          if (!t?.[2]) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
          const at = Math.min(Number(t[2]), count);
          from = t[1] === 'f' ? at : Math.max(0, at - limit);
        } else {
          from = p['startFromHead'] === true ? 0 : Math.max(0, count - limit);
        }
        const to = token?.startsWith('b/') ? Math.min(count, Math.max(from, Number(token.slice(2)))) : Math.min(count, from + limit);
        const page: JsonObject[] = [];
        for (let k = lo + from; k < lo + to; k++) {
          const i = list ? list[k]! : k;
          page.push({ timestamp: s.log.timestamp(i), message: s.log.message(i), ingestionTime: s.log.ingestionTime(i) });
        }
        return {
          response: {
            events: page,
            nextForwardToken: `f/${to}`, nextBackwardToken: `b/${from}`,
          },
        };
      },
    },
  ];
}
