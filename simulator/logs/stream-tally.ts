// What the API reports about a stream, kept as a running tally instead of a pass over every stored event on
// each call: storedBytes (DescribeLogGroups), the first/last event and last ingestion times
// (DescribeLogStreams), and whether events are in time order (then GetLogEvents finds its time range by
// binary search). Only events appended since the last look are read.
import type { LogStream } from './model';

/** Bytes CloudWatch Logs counts for one event: the UTF-8 message plus 26 bytes of overhead. */
export const EVENT_OVERHEAD_BYTES = 26;

const encoder = new TextEncoder();
/** Room for any message up to 16,384 UTF-16 units (3 bytes each at most); longer ones are counted in JS. */
const scratch = new Uint8Array(3 * 16_384);

/**
 * UTF-8 length without allocating: TextEncoder.encodeInto a reused buffer is native and measured ~30×
 * faster than a charCodeAt loop on 1.2 KB records (0.18 µs against 5.9 µs).
 */
export function utf8Length(s: string): number {
  if (s.length * 3 <= scratch.length) return encoder.encodeInto(s, scratch).written;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3; // Other BMP characters, and lone surrogates, which TextEncoder writes as U+FFFD (3 bytes).
  }
  return n;
}

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

  /** Counts events just appended whose messages the caller still holds, sparing a read of stored ones. */
  appended(stream: LogStream, messages: readonly string[]): void {
    const log = stream.log;
    const before = log.length - messages.length;
    let t = this.tallies.get(stream);
    // A stream's first events start its tally, so no later look has to read stored messages back.
    if (!t && before === 0) this.tallies.set(stream, (t = emptyTally()));
    if (!t || t.counted !== before) return;
    for (let i = 0; i < messages.length; i++) addEvent(t, log.timestamp(before + i), log.ingestionTime(before + i), utf8Length(messages[i]!));
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
