// LookupEvents over one Region's event history, with the API reference's rules: at most one lookup
// attribute, inclusive time range, newest first, MaxResults 1..50 (default 50), opaque NextToken that is
// only valid with the same parameters, EventCategory "insight" for Insights events.
import { AwsError, type CloudTrailRecord, type Json, type JsonObject } from '../../core/contract';
import { sha256Hex } from '../crypto/sha256';
import { apiTimestamp, DAY_MS, parseApiTimestamp } from '../time';
import type { EventStore, StoredEvent } from './event-store';
import { INSIGHT_LOOKUP_KEYS, LOOKUP_ATTRIBUTE_KEYS, resourcesOf, usernameOf, type LookupAttributeKey } from './lookup-keys';

export const EVENT_HISTORY_DAYS = 90;

export interface RegionHistory {
  management: EventStore;
  insight: EventStore;
}

interface Attribute {
  key: LookupAttributeKey;
  value: string;
}

function parseAttributes(raw: Json | undefined, insight: boolean): Attribute | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw new AwsError('InvalidLookupAttributesException', 'LookupAttributes must be a list.');
  if (raw.length === 0) return undefined;
  if (raw.length > 1) {
    throw new AwsError('InvalidLookupAttributesException', 'You can only specify one lookup attribute.');
  }
  const attr = raw[0] as JsonObject | undefined;
  const key = attr?.['AttributeKey'];
  const value = attr?.['AttributeValue'];
  if (typeof key !== 'string' || !(LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
    throw new AwsError('InvalidLookupAttributesException', `Invalid attribute key: ${String(key)}`);
  }
  if (typeof value !== 'string' || value.length < 1 || value.length > 2000) {
    throw new AwsError('InvalidLookupAttributesException', 'AttributeValue must be between 1 and 2000 characters.');
  }
  if (insight && !INSIGHT_LOOKUP_KEYS.includes(key as LookupAttributeKey)) {
    throw new AwsError(
      'InvalidLookupAttributesException',
      `Lookup attribute ${key} is not supported for Insights events. Supported attributes: EventId, EventName, EventSource.`,
    );
  }
  return { key: key as LookupAttributeKey, value };
}

function parseMaxResults(raw: Json | undefined): number {
  if (raw === undefined || raw === null) return 50;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 50) {
    throw new AwsError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  }
  return raw;
}

function fingerprintOf(params: JsonObject): string {
  const { NextToken: _ignored, MaxResults: _max, ...rest } = params;
  return sha256Hex(JSON.stringify(rest, Object.keys(rest).sort())).slice(0, 16);
}

function encodeToken(fingerprint: string, last: StoredEvent): string {
  return btoa(JSON.stringify({ f: fingerprint, t: last.timeMs, i: last.id }));
}

function decodeToken(token: Json | undefined, fingerprint: string): { timeMs: number; id: number } | undefined {
  if (token === undefined || token === null) return undefined;
  const invalid = new AwsError('InvalidNextTokenException', 'Invalid NextToken.');
  if (typeof token !== 'string') throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(atob(token));
  } catch {
    throw invalid;
  }
  const d = decoded as { f?: unknown; t?: unknown; i?: unknown };
  if (d.f !== fingerprint || typeof d.t !== 'number' || typeof d.i !== 'number') throw invalid;
  return { timeMs: d.t, id: d.i };
}

/** One LookupEvents Event member, built from the stored record. */
export function toLookupEvent(json: string): JsonObject {
  const record = JSON.parse(json) as CloudTrailRecord;
  const insight = record.insightDetails as { eventName?: string; eventSource?: string } | undefined;
  const event: JsonObject = {
    EventId: record.eventID,
    EventName: record.eventName ?? insight?.eventName ?? null,
    ReadOnly: String(record.readOnly ?? false),
  };
  const key = record.userIdentity?.accessKeyId;
  if (key) event['AccessKeyId'] = key;
  event['EventTime'] = apiTimestamp(Date.parse(record.eventTime));
  event['EventSource'] = record.eventSource ?? insight?.eventSource ?? null;
  const user = usernameOf(record);
  if (user) event['Username'] = user;
  event['Resources'] = resourcesOf(record);
  event['CloudTrailEvent'] = json;
  return event;
}

export function lookupEvents(params: JsonObject, history: RegionHistory, nowMs: number): JsonObject {
  const category = params['EventCategory'];
  if (category !== undefined && category !== null && category !== 'insight') {
    throw new AwsError('InvalidEventCategoryException', `Invalid EventCategory: ${String(category)}`);
  }
  const insight = category === 'insight';
  const attribute = parseAttributes(params['LookupAttributes'], insight);
  const limit = parseMaxResults(params['MaxResults']);
  const start = parseApiTimestamp(params['StartTime'], 'startTime');
  const end = parseApiTimestamp(params['EndTime'], 'endTime');
  if (start !== undefined && end !== undefined && start > end) {
    throw new AwsError('InvalidTimeRangeException', 'Start time must be before end time.');
  }
  const fingerprint = fingerprintOf(params);
  const before = decodeToken(params['NextToken'], fingerprint);
  const store = insight ? history.insight : history.management;
  const found = store.query({
    key: attribute ? `${attribute.key}\u0000${attribute.value}` : undefined,
    startMs: Math.max(start ?? 0, nowMs - EVENT_HISTORY_DAYS * DAY_MS),
    endMs: end ?? nowMs,
    before,
    limit: limit + 1,
  });
  const page = found.slice(0, limit);
  const response: JsonObject = { Events: page.map((e) => toLookupEvent(e.json)) };
  const last = page[page.length - 1];
  if (found.length > limit && last) response['NextToken'] = encodeToken(fingerprint, last);
  return response;
}
