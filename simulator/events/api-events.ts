import { AwsError, type Json, type JsonObject } from '../core/contract';
import { eventTime } from '../core/clock';
import { apiDef, isObject, type ActionSpec, type ServiceDeps } from '../core/service';
import type { EventBridgeEvent } from './cloudtrail-event';
import { parseJsonLikeJackson } from './pattern-json';
import { testEventPattern } from './pattern';

/** PutEvents accepts 1 to 10 entries (EventBridge API reference, PutEvents). */
const MAX_ENTRIES = 10;
/** Total request size limit: 1 MB (EventBridge quotas). */
const MAX_BYTES = 1024 * 1024;

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

function entryError(e: JsonObject, accountId: string, region: string): { ErrorCode: string; ErrorMessage: string } | undefined {
  const text = (k: string) => (typeof e[k] === 'string' && (e[k] as string).length > 0 ? (e[k] as string) : undefined);
  // Messages as the service returns them per entry (also what moto reproduces for PutEvents).
  if (!text('Source')) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' };
  if (!text('DetailType')) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' };
  if (!text('Detail')) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' };
  let detail: Json | undefined;
  try {
    detail = parseJsonLikeJackson(text('Detail') as string);
  } catch {
    detail = undefined;
  }
  if (!isObject(detail ?? null)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  // "aws." sources are reserved for AWS services (EventBridge user guide, eb-events).
  if ((text('Source') as string).startsWith('aws.')) return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
  const bus = text('EventBusName');
  if (bus !== undefined && bus !== 'default' && bus !== `arn:aws:events:${region}:${accountId}:event-bus/default`) {
    return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${bus} does not exist.` };
  }
  return undefined;
}

function eventTimeOf(e: JsonObject, nowMs: number): string {
  const t = e['Time'];
  // The SDKs send Time as epoch seconds; an ISO text is accepted as the CLI's shorthand.
  const ms = typeof t === 'number' ? t * 1000 : typeof t === 'string' ? Date.parse(t) : NaN;
  return eventTime(Number.isFinite(ms) ? ms : nowMs);
}

export function eventActions(d: ServiceDeps, offer: (event: EventBridgeEvent) => void): ActionSpec[] {
  const acct = d.accountId;
  const busArn = (region: string) => `arn:aws:events:${region}:${acct}:event-bus/default`;
  return [
    {
      // PutEvents is logged as a CloudTrail data event on the event bus (resource type AWS::Events::EventBus).
      def: apiDef('events:PutEvents', { readOnly: false, category: 'Data', resourceTypes: ['AWS::Events::EventBus'], summaryKo: '사용자 지정 이벤트를 기본 이벤트 버스에 넣습니다(데이터 이벤트).' }),
      authz: (_p, ctx) => ({ resource: busArn(ctx.region) }),
      resources: (_p, ctx) => [{ accountId: acct, type: 'AWS::Events::EventBus', ARN: busArn(ctx.region) }],
      handler: (p, ctx) => {
        const raw = p['Entries'];
        const entries = Array.isArray(raw) ? raw : [];
        if (entries.length === 0) throw new AwsError('ValidationException', "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1");
        if (entries.length > MAX_ENTRIES) {
          throw new AwsError('ValidationException', "1 validation error detected: Value '[PutEventsRequestEntry]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10");
        }
        if (new TextEncoder().encode(JSON.stringify(entries)).length > MAX_BYTES) throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.');
        const results: EntryResult[] = [];
        const accepted: EventBridgeEvent[] = [];
        for (const e of entries) {
          const entry = isObject(e) ? e : {};
          const error = entryError(entry, acct, ctx.region);
          if (error) {
            results.push(error);
            continue;
          }
          const id = ctx.random.uuid();
          results.push({ EventId: id });
          accepted.push({
            version: '0', id, 'detail-type': entry['DetailType'] as string, source: entry['Source'] as string, account: acct,
            time: eventTimeOf(entry, ctx.clock.now()), region: ctx.region,
            resources: Array.isArray(entry['Resources']) ? entry['Resources'].filter((r): r is string => typeof r === 'string') : [],
            detail: parseJsonLikeJackson(entry['Detail'] as string) as JsonObject,
          });
        }
        for (const ev of accepted) offer(ev);
        const failed = results.filter((r) => 'ErrorCode' in r).length;
        return {
          response: { FailedEntryCount: failed, Entries: results as unknown as Json[] },
          // UNVERIFIED: the record's responseElements for PutEvents; the answer's counts are written as for PutTargets.
          responseElements: { failedEntryCount: failed, entries: results.map((r): JsonObject => ('EventId' in r ? { eventId: r.EventId } : { errorCode: r.ErrorCode, errorMessage: r.ErrorMessage })) },
        };
      },
    },
    {
      // Read-only, yet delivered to ENABLED rules: its name starts neither with Describe, Get nor List.
      def: apiDef('events:TestEventPattern', { readOnly: true, summaryKo: '이벤트 패턴이 주어진 이벤트와 일치하는지 시험합니다.' }),
      handler: (p) => {
        const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
        const pattern = s('EventPattern');
        const event = s('Event');
        return { response: testEventPattern({ ...(pattern !== undefined ? { EventPattern: pattern } : {}), ...(event !== undefined ? { Event: event } : {}) }) };
      },
    },
  ];
}
