import { AwsError, type Json } from '../core/contract';

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}
export interface LogStream {
  logStreamName: string;
  creationTime: number;
  events: LogEvent[];
}
export interface LogGroup {
  logGroupName: string;
  creationTime: number;
  retentionInDays: number | null;
  streams: Record<string, LogStream>;
}

/** CloudWatch Logs state per Region. */
export class LogsModel {
  regions: Record<string, Record<string, LogGroup>> = {};

  groups(region: string): Record<string, LogGroup> {
    return (this.regions[region] ??= {});
  }
  group(region: string, name: string): LogGroup {
    const g = this.groups(region)[name];
    if (!g) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return g;
  }
  stream(region: string, group: string, name: string): LogStream {
    const s = this.group(region, group).streams[name];
    if (!s) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    return s;
  }
  /** Creates the group and stream when missing (what AWS services writing their own logs do) and appends. */
  append(region: string, group: string, stream: string, events: { timestamp: number; message: string }[], now: number): void {
    const g = (this.groups(region)[group] ??= { logGroupName: group, creationTime: now, retentionInDays: null, streams: {} });
    const s = (g.streams[stream] ??= { logStreamName: stream, creationTime: now, events: [] });
    for (const e of events) s.events.push({ timestamp: e.timestamp, message: e.message, ingestionTime: now });
  }
  /**
   * A trail's delivery to CloudWatch Logs: each record becomes one log event (timestamped at its eventTime)
   * in the stream "<account>_CloudTrail_<region>" of the trail's log group. A log group that no longer exists
   * receives nothing.
   */
  deliverTrailRecords(logGroupArn: string, accountId: string, sourceRegion: string, records: string[], now: number): void {
    const m = /^arn:aws:logs:([a-z0-9-]+):\d{12}:log-group:(.+?)(:\*)?$/.exec(logGroupArn);
    if (!m?.[1] || !m[2] || !this.groups(m[1])[m[2]]) return;
    const events = records.map((r) => ({ timestamp: Date.parse((JSON.parse(r) as { eventTime: string }).eventTime), message: r }));
    this.append(m[1], m[2], `${accountId}_CloudTrail_${sourceRegion}`, events.sort((a, b) => a.timestamp - b.timestamp), now);
  }
  storedBytes(g: LogGroup): number {
    let n = 0;
    for (const s of Object.values(g.streams)) for (const e of s.events) n += new TextEncoder().encode(e.message).length + 26;
    return n;
  }
  snapshot(): Json {
    return JSON.parse(JSON.stringify(this.regions)) as Json;
  }
  restore(s: Json): void {
    this.regions = JSON.parse(JSON.stringify(s)) as Record<string, Record<string, LogGroup>>;
  }
}
