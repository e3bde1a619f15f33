import { AwsError, type Json, type JsonObject } from '../core/contract';
import { BASE64_WRITER, type SnapshotWriter } from '../core/snapshot-writer';
import { fromBase64 } from '../core/format';
import { TemplatedTexts, type TemplatedTextsColumnsSnapshot } from '../core/templated-texts';
import { compileMetricFilter, type MetricTransformation } from './metric-filter';
import { LogMessage } from './log-message';
import { EventList } from './event-list';
import { StreamTallies, type StreamTally } from './stream-tally';
import { trailRecordTime, varyingValues } from './trail-record-fields';
import { TrailRecordStore, type MessageTexts } from './trail-record-store';
import { isTemplatedSource } from './template-shapes';
import { TrailBatch } from './trail-batch';
import { TrailDestinations } from './trail-destination';

/** A log event as stored and as read. */
export interface LogEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly ingestionTime: number;
}
export interface LogStream {
  logStreamName: string;
  creationTime: number;
  /** The stored events, column by column (event-list.ts): what the service reads and appends to. */
  readonly log: EventList;
  /** The events as plain objects, made afresh at each read (for one-off readers such as tests). */
  readonly events: readonly LogEvent[];
}

/** A stream as the model keeps it; its snapshot is the plain `{ logStreamName, creationTime, events }`, but for a
 *  trail's stream, which LogsModel.snapshot saves compactly. */
class StoredLogStream implements LogStream {
  readonly log = new EventList();
  constructor(
    public logStreamName: string,
    public creationTime: number,
  ) {}

  get events(): readonly LogEvent[] {
    return this.log.toArray();
  }

  toJSON(): { logStreamName: string; creationTime: number; events: EventList } {
    return { logStreamName: this.logStreamName, creationTime: this.creationTime, events: this.log };
  }
}

/** A metric filter as PutMetricFilter stored it, plus what it has already published. */
export interface StoredMetricFilter {
  filterName: string;
  filterPattern: string;
  metricTransformations: MetricTransformation[];
  creationTime: number;
  /**
   * Event minutes (epoch ms) this filter has already published something for, newest last. A minute that
   * produced a match or a default value publishes no further default value (the default stands for "events
   * but no match in that minute"). Kept short: only recent minutes can still receive events in practice.
   */
  publishedMinutes: number[];
}

export interface LogGroup {
  logGroupName: string;
  creationTime: number;
  retentionInDays: number | null;
  streams: Record<string, LogStream>;
  metricFilters: Record<string, StoredMetricFilter>;
}

/** Log events just stored in one stream of one group, for whoever processes ingestion (metric filters). */
export interface IngestedBatch {
  region: string;
  group: LogGroup;
  streamName: string;
  /** The events as they arrived, in stored order. */
  events: readonly LogEvent[];
  /** The events' messages as filters read them, when storing them already looked into them (a trail's). */
  messages?: readonly LogMessage[];
  /** The events' timestamps in stored order, when the writer has them as a list (a trail's). */
  timestamps?: readonly number[];
  now: number;
}

/** 2: a trail stream's events are saved compactly (below); version 1 snapshots, plain events only, still load. */
const SNAPSHOT_VERSION = 2;
/** The stream a trail writes to: "<account>_CloudTrail_<region>". */
const TRAIL_STREAM = /^\d{12}_CloudTrail_[a-z0-9-]+$/;

/** CloudWatch Logs state per Region. */
export class LogsModel {
  regions: Record<string, Record<string, LogGroup>> = {};
  /** Called after every batch of stored events, whoever wrote them (PutLogEvents, CloudTrail, Lambda). */
  onIngest: ((batch: IngestedBatch) => void) | undefined;
  private readonly tallies = new StreamTallies();
  /** Trail streams' own message stores, beside the model (a snapshot saves their columns, see snapshot()). */
  private readonly trailStores = new WeakMap<LogStream, TrailRecordStore>();
  private readonly destinations = new TrailDestinations();
  /** CloudTrail's record archive, where the texts of the records a trail delivers are kept (the account sets it):
   *  a trail stream's snapshot refers to the records kept there rather than copying their texts. */
  sharedTexts: (MessageTexts & { readonly size: number }) | undefined;
  /** The highest archive id the last restore referred to, checked once the archive is restored (checkShared). */
  private sharedNeeded = -1;

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
  newGroup(name: string, now: number): LogGroup {
    return { logGroupName: name, creationTime: now, retentionInDays: null, streams: {}, metricFilters: {} };
  }
  newStream(name: string, now: number): LogStream {
    return new StoredLogStream(name, now);
  }
  /** Stores events in an existing stream and hands them to ingestion processing. */
  ingest(region: string, group: LogGroup, stream: LogStream, events: readonly { timestamp: number; message: string }[], now: number): void {
    const arrived: LogEvent[] = events.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: now }));
    const from = stream.log.length;
    const store = this.trailStores.get(stream);
    // Events written into a trail's stream by other means are kept as compactly as the trail's own: cut at
    // their varying values once, the store packs them and metric filters share the verdicts of records cut
    // the same way (filter-verdicts.ts).
    const messages = store ? arrived.map((e) => new LogMessage(e.message)) : undefined;
    for (let i = 0; i < arrived.length; i++) {
      const e = arrived[i]!;
      if (store && messages) store.append(stream.log, e.timestamp, e.message, now, messages[i]!.shapeValues());
      else stream.log.push(e.timestamp, e.message, now);
    }
    this.tallies.appended(stream, from, events.map((e) => e.message));
    // Processing gets the texts as they arrived, not the stored events (a trail's rebuild theirs on read).
    if (arrived.length > 0) this.onIngest?.({ region, group, streamName: stream.logStreamName, events: arrived, ...(messages ? { messages } : {}), now });
  }
  /** Creates the group and stream when missing (what AWS services writing their own logs do) and appends. */
  append(region: string, group: string, stream: string, events: { timestamp: number; message: string }[], now: number): void {
    const s = this.streamFor(region, group, stream, now);
    this.ingest(region, this.group(region, group), s, events, now);
  }
  private streamFor(region: string, group: string, stream: string, now: number): LogStream {
    const g = (this.groups(region)[group] ??= this.newGroup(group, now));
    return (g.streams[stream] ??= this.newStream(stream, now));
  }
  /**
   * A trail's delivery to CloudWatch Logs: each record becomes one log event (timestamped at its eventTime)
   * in the stream "<account>_CloudTrail_<region>" of the trail's log group. A log group that no longer exists
   * receives nothing. `records` are the texts; when CloudTrail's archive keeps them (`archived`), they are read
   * from there instead, each only if something asks for it: the stream refers to the archive, and metric
   * filters recognise most records by their template (template-shapes.ts), so `records` may then be left out.
   */
  deliverTrailRecords(
    logGroupArn: string, accountId: string, sourceRegion: string, records: readonly string[] | undefined, now: number,
    archived?: { texts: MessageTexts; ids: ArrayLike<number>; eventMs?: ArrayLike<number> },
  ): void {
    const place = this.destinations.place(logGroupArn);
    const group = place && this.groups(place.region)[place.name];
    if (!place || !group) return;
    const region = place.region;
    const stream = this.streamFor(region, place.name, this.destinations.streamName(accountId, sourceRegion), now);
    let store = this.trailStores.get(stream);
    if (!store) this.trailStores.set(stream, (store = new TrailRecordStore()));
    const n = archived ? archived.ids.length : (records?.length ?? 0);
    const textAt = (i: number): string => (archived ? archived.texts.get(archived.ids[i]!) : records![i]!);
    const order = deliveryOrder(n, textAt, archived?.eventMs);
    const from = stream.log.length;
    // Stored order's timestamps: the delivery's own list when it is in order already.
    const timestamps = order.at ? order.at.map((i) => order.times[i]!) : order.times;
    const messages = new Array<LogMessage>(n);
    // Records the archive keeps as templates are recognised by their template (template-shapes.ts).
    const source = archived && isTemplatedSource(archived.texts) ? archived.texts : undefined;
    for (let k = 0; k < n; k++) {
      const i = order.at ? order.at[k]! : k;
      const message = (messages[k] = source ? new LogMessage(undefined, source, archived!.ids[i]!) : new LogMessage(textAt(i)));
      const t = timestamps[k]!;
      // A record CloudTrail already keeps is referred to, not copied.
      if (archived) stream.log.pushKept(t, now, archived.texts, archived.ids[i]!);
      else store.append(stream.log, t, message.text, now, message.shapeValues());
    }
    // Processing gets the messages as they arrived, not the stored events (a trail's rebuild theirs on read).
    if (n > 0) this.onIngest?.(new TrailBatch(region, group, stream.logStreamName, timestamps, messages, now));
    // Counted after processing: the metric filters' shape lookup has read each text by then and knows its
    // UTF-8 length (log-message.ts), where counting first cost a pass of its own over every record; a message
    // the archive keeps counts its length from its template and values. In stored order, as `messages` are.
    this.tallies.appended(stream, from, messages, now);
  }
  /** O(streams): each stream keeps a running tally (see stream-tally.ts). */
  storedBytes(g: LogGroup): number {
    let n = 0;
    for (const s of Object.values(g.streams)) n += this.tallies.of(s).bytes;
    return n;
  }
  /** A stream's byte count, time span and order, brought up to date. */
  tally(stream: LogStream): Readonly<StreamTally> {
    return this.tallies.of(stream);
  }
  /**
   * A trail stream's events are saved compactly: their messages as one template store's columns (written by
   * `out`, see SnapshotWriter), their timestamps and ingestion runs beside. Saved as plain events, as other
   * streams' are, they made most of a busy sandbox's save (63 of 86 MB of JSON after two days of the
   * benchmark's 90-day mix), and past about twelve days more than a JavaScript string can hold, so the save
   * failed.
   */
  snapshot(out: SnapshotWriter = BASE64_WRITER): Json {
    const regions: Record<string, Record<string, Json>> = {};
    for (const [region, groups] of Object.entries(this.regions)) {
      const saved: Record<string, Json> = (regions[region] = {});
      for (const [name, g] of Object.entries(groups)) {
        const streams: Record<string, Json> = {};
        for (const [sn, s] of Object.entries(g.streams)) streams[sn] = TRAIL_STREAM.test(sn) ? keptStream(s, out, this.sharedTexts) : (JSON.parse(JSON.stringify(s)) as Json);
        // The group's own members in their order, its streams as above.
        saved[name] = { ...(JSON.parse(JSON.stringify({ ...g, streams: {} })) as JsonObject), streams };
      }
    }
    return { version: SNAPSHOT_VERSION, regions };
  }
  /** Snapshots are untrusted: the shape is checked before anything is kept. Version-less snapshots (before
   *  metric filters existed) hold the regions map itself. */
  restore(s: Json): void {
    this.sharedNeeded = -1;
    if (s === null || typeof s !== 'object' || Array.isArray(s)) throw new Error('logs snapshot: malformed');
    const versioned = 'version' in s;
    if (versioned && s['version'] !== SNAPSHOT_VERSION && s['version'] !== 1) throw new Error(`logs snapshot: unsupported version ${JSON.stringify(s['version'])}`);
    const regions = versioned ? s['regions'] : s;
    if (regions === null || typeof regions !== 'object' || Array.isArray(regions)) throw new Error('logs snapshot: malformed regions');
    const out: Record<string, Record<string, LogGroup>> = {};
    for (const [region, groups] of Object.entries(regions)) {
      if (groups === null || typeof groups !== 'object' || Array.isArray(groups)) throw new Error(`logs snapshot: malformed region ${region}`);
      out[region] = {};
      for (const [name, g] of Object.entries(groups)) out[region][name] = checkGroup(name, g, (sn, created, events) => this.restoredStream(sn, created, events));
    }
    this.regions = out;
  }
  /** After the archive is restored too: every record a restored trail stream referred to is kept there. */
  checkShared(): void {
    if (this.sharedNeeded >= (this.sharedTexts?.size ?? 0)) throw new Error('logs snapshot: a trail log stream refers to records CloudTrail\'s record archive does not hold');
  }

  /** A stream from its snapshot's plain events; a trail's goes back to its compact form. */
  private restoredStream(name: string, creationTime: number, events: readonly LogEvent[] | KeptEvents): LogStream {
    const stream = this.newStream(name, creationTime);
    if (!Array.isArray(events)) {
      // Saved compactly: the saved texts become the stream's own store, as they were saved, and the records the
      // archive keeps are referred to there again (checked once it is restored: checkShared). Its tally is counted
      // when first asked for (stream-tally.ts), not here: that reads every message.
      const kept = events as KeptEvents;
      this.trailStores.set(stream, new TrailRecordStore(kept.texts));
      const shared = kept.archived;
      if (shared.length > 0 && !this.sharedTexts) throw new Error(`logs snapshot: log stream ${name} refers to CloudTrail's record archive, which is not there`);
      for (let r = 0; r < shared.length; r += 3) this.sharedNeeded = Math.max(this.sharedNeeded, shared[r + 1]! + shared[r + 2]! - 1);
      stream.log.pushAllKept(kept.timestamps, kept.runs, kept.texts, shared.length > 0 ? { runs: shared, texts: this.sharedTexts! } : undefined);
      return stream;
    }
    const store = TRAIL_STREAM.test(name) ? new TrailRecordStore() : undefined;
    if (store) this.trailStores.set(stream, store);
    for (const e of events) {
      if (store) store.append(stream.log, e.timestamp, e.message, e.ingestionTime);
      else stream.log.push(e.timestamp, e.message, e.ingestionTime);
    }
    // Counted from the plain texts, not from messages rebuilt out of the store.
    this.tallies.appended(stream, 0, events.map((e) => e.message));
    return stream;
  }
}

/**
 * The order a delivery's records are stored in (by eventTime, ties in delivery order) and each record's
 * time. CloudTrail passes each record's time when it knows it; otherwise it is read from the text. Records
 * usually arrive in time order already: `at` (record indexes in stored order) is then left out.
 */
function deliveryOrder(n: number, textAt: (i: number) => string, eventMs: ArrayLike<number> | undefined): { at: number[] | undefined; times: number[] } {
  const times = new Array<number>(n);
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    const known = eventMs?.[i];
    const t = (times[i] = known !== undefined && Number.isFinite(known) ? known : trailRecordTime(textAt(i)));
    // A NaN (an unreadable time) is out of any order: the sort then decides, as it always did.
    if (i > 0 ? !(t >= times[i - 1]!) : Number.isNaN(t)) inOrder = false;
  }
  if (inOrder) return { at: undefined, times };
  // The same comparisons as sorting the events by timestamp: the same (stable) order, NaNs included.
  const at = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a]! - times[b]!);
  return { at, times };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A trail stream's events as a compact snapshot holds them (see LogsModel.snapshot). */
interface KeptEvents {
  timestamps: number[];
  runs: { from: number[]; at: number[] };
  /** The events' messages kept in the stream's own store, in event order (those `archived` names left out). */
  texts: TemplatedTexts;
  /** Runs of [first event, first archive id, count]: events whose messages CloudTrail's record archive keeps. */
  archived: number[];
}

/** A trail stream saved compactly. */
function keptStream(s: LogStream, out: SnapshotWriter, shared: MessageTexts | undefined): Json {
  const texts = new TemplatedTexts();
  // The records CloudTrail's archive keeps (a trail's deliveries, every one of them until a restore without the
  // archive) are saved as runs of its ids: the archive is saved anyway, and copying them made a third of a busy
  // sandbox's save.
  const archived = s.log.copyMessagesInto(texts, varyingValues, shared);
  const runs = s.log.ingestionRuns();
  return {
    logStreamName: s.logStreamName, creationTime: s.creationTime,
    kept: {
      timestamps: savedTimestamps(s.log.timestampList(), out), ingestedFrom: runs.from, ingestedAt: runs.at, texts: texts.snapshotTo(out),
      ...(archived.length > 0 ? { archived: out.bytes(new Uint8Array(Int32Array.from(archived).buffer)) } : {}),
    },
  };
}

/** Timestamps as saved: their milliseconds. Whole seconds (a trail's records' times) may go to the writer as they
 *  are, to be written elsewhere (a long list of numbers was a share of the save's time in the simulator's worker). */
function savedTimestamps(ms: number[], out: SnapshotWriter): Json {
  if (!out.seconds || !ms.every((t) => t % 1000 === 0 && t / 1000 >= -(2 ** 31) && t / 1000 < 2 ** 31)) return ms;
  const seconds = out.columns?.(ms.length) ?? new Int32Array(ms.length);
  for (let i = 0; i < ms.length; i++) seconds[i] = ms[i]! / 1000;
  return out.seconds(seconds.length === ms.length ? seconds : seconds.subarray(0, ms.length));
}

/** A compact stream's events, checked (snapshots are untrusted). */
function keptEventsOf(where: string, raw: unknown): KeptEvents {
  const bad = (): never => {
    throw new Error(`logs snapshot: malformed log stream ${where}`);
  };
  if (!isRecord(raw)) return bad();
  const numbers = (v: unknown): number[] => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : bad());
  const timestamps = numbers(raw['timestamps']);
  const from = numbers(raw['ingestedFrom']);
  const at = numbers(raw['ingestedAt']);
  // Runs start at event 0, ascend, and each holds at least one event.
  if (from.length !== at.length || (timestamps.length > 0 && from[0] !== 0) || (timestamps.length === 0 && from.length > 0)) bad();
  for (let i = 1; i < from.length; i++) if (!(from[i]! > from[i - 1]!) || from[i]! >= timestamps.length) bad();
  let texts: TemplatedTexts;
  try {
    texts = TemplatedTexts.fromSnapshot(raw['texts'] as unknown as TemplatedTextsColumnsSnapshot);
  } catch {
    return bad();
  }
  // Archived runs: [first event, first id, count] each, events ascending and apart, within the stream.
  let archived: number[] = [];
  if (raw['archived'] !== undefined) {
    if (typeof raw['archived'] !== 'string') bad();
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(raw['archived'] as string);
    } catch {
      return bad();
    }
    if (bytes.length % 12 !== 0) bad();
    archived = Array.from(new Int32Array(bytes.slice().buffer));
  }
  let inArchive = 0;
  for (let r = 0; r < archived.length; r += 3) {
    const [first, id, n] = [archived[r]!, archived[r + 1]!, archived[r + 2]!];
    if (first < (r > 0 ? archived[r - 3]! + archived[r - 1]! : 0) || id < 0 || n < 1 || first + n > timestamps.length || id + n > 2 ** 31 - 1) bad();
    inArchive += n;
  }
  if (texts.size !== timestamps.length - inArchive) bad();
  return { timestamps, runs: { from, at }, texts, archived };
}

type MakeStream = (name: string, creationTime: number, events: readonly LogEvent[] | KeptEvents) => LogStream;

function checkGroup(name: string, raw: Json, makeStream: MakeStream): LogGroup {
  const g = raw as unknown;
  if (!isRecord(g) || g['logGroupName'] !== name || typeof g['creationTime'] !== 'number' || !isRecord(g['streams'])) {
    throw new Error(`logs snapshot: malformed log group ${name}`);
  }
  const retention = g['retentionInDays'];
  if (retention !== null && typeof retention !== 'number') throw new Error(`logs snapshot: malformed retention of ${name}`);
  const streams: Record<string, LogStream> = {};
  for (const [sn, s] of Object.entries(g['streams'])) {
    if (!isRecord(s) || s['logStreamName'] !== sn || typeof s['creationTime'] !== 'number' || !(Array.isArray(s['events']) || isRecord(s['kept']))) {
      throw new Error(`logs snapshot: malformed log stream ${name}/${sn}`);
    }
    if (!Array.isArray(s['events'])) {
      streams[sn] = makeStream(sn, s['creationTime'], keptEventsOf(`${name}/${sn}`, s['kept']));
      continue;
    }
    const events = (s['events'] as unknown[]).map((e) => {
      if (!isRecord(e) || typeof e['timestamp'] !== 'number' || typeof e['message'] !== 'string' || typeof e['ingestionTime'] !== 'number') {
        throw new Error(`logs snapshot: malformed log event in ${name}/${sn}`);
      }
      return { timestamp: e['timestamp'], message: e['message'], ingestionTime: e['ingestionTime'] };
    });
    streams[sn] = makeStream(sn, s['creationTime'], events);
  }
  const filters: Record<string, StoredMetricFilter> = {};
  for (const [fn, f] of Object.entries(isRecord(g['metricFilters']) ? g['metricFilters'] : {})) {
    const ok =
      isRecord(f) && f['filterName'] === fn && typeof f['filterPattern'] === 'string' && typeof f['creationTime'] === 'number' &&
      Array.isArray(f['metricTransformations']) && Array.isArray(f['publishedMinutes']) && (f['publishedMinutes'] as unknown[]).every((m) => typeof m === 'number');
    if (!ok) throw new Error(`logs snapshot: malformed metric filter ${name}/${fn}`);
    const stored = JSON.parse(JSON.stringify(f)) as StoredMetricFilter;
    try {
      compileMetricFilter({ filterPattern: stored.filterPattern, metricTransformations: stored.metricTransformations });
    } catch {
      throw new Error(`logs snapshot: metric filter ${name}/${fn} does not compile`);
    }
    filters[fn] = stored;
  }
  return { logGroupName: name, creationTime: g['creationTime'], retentionInDays: retention, streams, metricFilters: filters };
}
