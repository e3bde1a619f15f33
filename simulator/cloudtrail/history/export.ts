// Event history downloads, as the console's "Download events" produces them from a lookup result.
// The CSV column set follows the console's download (column names as the console labels them).
import type { CloudTrailRecord, JsonObject } from '../../core/contract';
import { isoSeconds } from '../time';

export const CSV_COLUMNS = [
  'Event ID',
  'Event time',
  'User name',
  'Event name',
  'Resource type',
  'Resource name',
  'AWS access key',
  'AWS region',
  'Error code',
  'Source IP address',
  'Read only',
  'Event source',
] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** CSV of LookupEvents Events[] (one row per event, newest first as given). */
export function eventsToCsv(events: JsonObject[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const event of events) {
    const record = JSON.parse(str(event['CloudTrailEvent'])) as CloudTrailRecord;
    const resources = Array.isArray(event['Resources']) ? (event['Resources'] as JsonObject[]) : [];
    const eventTime = typeof event['EventTime'] === 'string' ? isoSeconds(Date.parse(event['EventTime'])) : record.eventTime;
    const row = [
      str(event['EventId']),
      eventTime,
      str(event['Username']),
      str(event['EventName']),
      resources.map((r) => str(r['ResourceType'])).join(', '),
      resources.map((r) => str(r['ResourceName'])).join(', '),
      str(event['AccessKeyId']),
      record.awsRegion,
      record.errorCode ?? '',
      record.sourceIPAddress ?? '',
      str(event['ReadOnly']),
      str(event['EventSource']),
    ];
    rows.push(row.map(csvField).join(','));
  }
  return rows.join('\n') + '\n';
}

/** JSON download: the full records in a {"Records": [...]} wrapper, like a log file. */
export function eventsToJson(events: JsonObject[]): string {
  const records = events.map((e) => JSON.parse(str(e['CloudTrailEvent'])) as unknown);
  return JSON.stringify({ Records: records }, null, 2);
}
