// What the API reports about a stream, kept as a running tally instead of a pass over every stored event on
// each call: storedBytes (DescribeLogGroups), the first/last event and last ingestion times
// (DescribeLogStreams), and whether events are in time order (then GetLogEvents finds its time range by
// binary search). Only events appended since the last look are read.
import type { LogMessage } from './log-message';
import type { LogStream } from './model';
import { utf8Length } from '../core/utf8-length';

/** Bytes CloudWatch Logs counts for one event: the UTF-8 message plus 26 bytes of overhead. */
export const EVENT_OVERHEAD_BYTES = 26;

export { utf8Length } from '../core/utf8-length';

export interface StreamTally {
  /** How many of the stream's events are counted below. */
  counted: number;
  bytes: number;
  firstEventTimestamp: number;
  lastEventTimestamp: number;
  lastIngestionTime: number;
  /** Every event's timestamp is ≥ the one before it (in stored order). */
  inTimeOrder: boolean;
}

function emptyTally(): StreamTally {
  return { counted: 0, bytes: 0, firstEventTimestamp: Infinity, lastEventTimestamp: -Infinity, lastIngestionTime: -Infinity, inTimeOrder: true };
}

function addEvent(t: StreamTally, timestamp: number, ingestionTime: number, bytes: number): void {
  // While in order the latest timestamp is the previous event's. A NaN (PutLogEvents without a timestamp)
  // has no place in an order: such a stream is read the slow, always-correct way.
  if (Number.isNaN(timestamp) || (t.counted > 0 && timestamp < t.lastEventTimestamp)) t.inTimeOrder = false;
  if (timestamp < t.firstEventTimestamp) t.firstEventTimestamp = timestamp;
  if (timestamp > t.lastEventTimestamp) t.lastEventTimestamp = timestamp;
  if (ingestionTime > t.lastIngestionTime) t.lastIngestionTime = ingestionTime;
  t.bytes += bytes + EVENT_OVERHEAD_BYTES;
  t.counted++;
}

/** Per stream, kept beside the model (never in its snapshot); a restored stream is a new object. */
export class StreamTallies {
  private readonly tallies = new WeakMap<LogStream, StreamTally>();

  /**
   * Counts the events just stored at `from` onward whose messages the caller still holds, sparing a read of
   * stored ones. A LogMessage may already know its byte length (a shape lookup read its text). Events
   * stored since the tally's last count but before `from` (by a nested write) are left to the next look.
   * `ingestionTime`: the caller vouches that every one of these events was ingested then (one delivery),
   * sparing a search of the stream's ingestion runs per event.
   */
  appended(stream: LogStream, from: number, messages: readonly string[] | readonly LogMessage[], ingestionTime?: number): void {
    const log = stream.log;
    let t = this.tallies.get(stream);
    // A stream's first events start its tally, so no later look has to read stored messages back.
    if (!t && from === 0) this.tallies.set(stream, (t = emptyTally()));
    if (!t || t.counted !== from || from + messages.length > log.length) return;
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      addEvent(t, log.timestamp(from + i), ingestionTime ?? log.ingestionTime(from + i), typeof m === 'string' ? utf8Length(m) : m.utf8Length());
    }
  }

  of(stream: LogStream): Readonly<StreamTally> {
    const log = stream.log;
    let t = this.tallies.get(stream);
    // Events are only ever appended; a shorter list means something rewrote it, so count afresh.
    if (!t || t.counted > log.length) this.tallies.set(stream, (t = emptyTally()));
    for (let i = t.counted; i < log.length; i++) addEvent(t, log.timestamp(i), log.ingestionTime(i), utf8Length(log.message(i)));
    return t;
  }
}
