// A log stream's stored events, kept column by column instead of one object per event. A trail's log group
// receives every record for as long as it is kept (millions over 90 days): an object per event, with its
// place in a list, cost 63 bytes (measured) and one more thing for every full garbage collection to visit.
// Here a trail's event is 12 bytes of typed columns (13.7 measured, with spare capacity): its timestamp,
// and the id of its text in a template store (CloudTrail's record archive, or the stream's own store).
// Ingestion times are kept once per run of events ingested together, and a message given as text
// (PutLogEvents, a Lambda function's output) is kept as that string. Readers get exactly the values
// stored: a message is rebuilt byte for byte from its store when it is read.
import { TemplatedTexts } from '../core/templated-texts';
import type { LogEvent } from './model';
import { Float64Column, Int32Column } from './number-columns';
import type { MessageTexts } from './trail-record-store';

/** Ids a column holds as they are: a template store's ids are small non-negative integers. */
function isColumnId(id: number): boolean {
  return (id | 0) === id && id >= 0;
}

/** The index of the last of `starts` (ascending, starts[0] = 0) at or before `i`. */
function runAt(starts: readonly number[], i: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class EventList {
  private readonly timestamps = new Float64Column();
  /** Per event: the id of its text in the store of its texts run (≥ 0), or -(k + 1) for `strings[k]`. */
  private readonly refs = new Int32Column();
  private readonly strings: string[] = [];
  /** Runs of events ingested at one time: where each starts, and the time. */
  private readonly ingestedFrom: number[] = [];
  private readonly ingestedAt: number[] = [];
  /** Runs of events whose texts one store keeps: where each starts, and the store. */
  private readonly textsFrom: number[] = [];
  private readonly textsIn: MessageTexts[] = [];

  get length(): number {
    return this.timestamps.length;
  }

  /** Appends an event whose message is the text itself. */
  push(timestamp: number, message: string, ingestionTime: number): void {
    this.ingested(ingestionTime);
    this.timestamps.push(timestamp);
    this.refs.push(-(this.strings.length + 1));
    this.strings.push(message);
  }

  /** Appends an event whose message is text `id` of `texts` (kept there already, not copied). */
  pushKept(timestamp: number, ingestionTime: number, texts: MessageTexts, id: number): void {
    if (!isColumnId(id)) {
      this.push(timestamp, texts.get(id), ingestionTime);
      return;
    }
    if (this.textsIn[this.textsIn.length - 1] !== texts) {
      this.textsFrom.push(this.length);
      this.textsIn.push(texts);
    }
    this.ingested(ingestionTime);
    this.timestamps.push(timestamp);
    this.refs.push(id);
  }

  timestamp(i: number): number {
    return this.timestamps.data[i]!;
  }

  ingestionTime(i: number): number {
    return this.ingestedAt[runAt(this.ingestedFrom, i)]!;
  }

  message(i: number): string {
    const ref = this.refs.data[i]!;
    return ref < 0 ? this.strings[-ref - 1]! : this.textsIn[runAt(this.textsFrom, i)]!.get(ref);
  }

  /** Whether event i's message is kept in a template store rather than as its own text. */
  isKept(i: number): boolean {
    return this.refs.data[i]! >= 0;
  }

  /** Event i as a plain object (its message read once). */
  at(i: number): LogEvent {
    return { timestamp: this.timestamp(i), message: this.message(i), ingestionTime: this.ingestionTime(i) };
  }

  /** Every event as a plain object, in stored order. */
  toArray(): LogEvent[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  /** A snapshot holds plain events (a trail stream's are saved compactly instead: the methods below). */
  toJSON(): LogEvent[] {
    return this.toArray();
  }

  /** Every event's message, in stored order, into `into` (which then holds them in that order): copied as its
   *  template and values from a store that can, otherwise cut at `cut`'s values (any choice gives the same text).
   *  Events whose message `shared` keeps are not copied: they come back as runs of [first event, first id in
   *  `shared`, count], consecutive events of consecutive ids in one run. */
  copyMessagesInto(into: TemplatedTexts, cut: (message: string) => readonly string[], shared?: MessageTexts): number[] {
    const runs: number[] = [];
    let run = 0;
    for (let i = 0; i < this.length; i++) {
      const ref = this.refs.data[i]!;
      if (ref < 0) {
        const m = this.strings[-ref - 1]!;
        into.add(m, cut(m));
        continue;
      }
      while (run + 1 < this.textsFrom.length && this.textsFrom[run + 1]! <= i) run++;
      const texts = this.textsIn[run]!;
      if (shared !== undefined && texts === shared) {
        const n = runs.length;
        if (n > 0 && runs[n - 3]! + runs[n - 1]! === i && runs[n - 2]! + runs[n - 1]! === ref) runs[n - 1]!++;
        else runs.push(i, ref, 1);
        continue;
      }
      if (texts instanceof TemplatedTexts) into.copyFrom(texts, ref);
      else if (texts.copyInto) texts.copyInto(ref, into);
      else {
        const m = texts.get(ref);
        into.add(m, cut(m));
      }
    }
    return runs;
  }

  /** The events' timestamps, in stored order. */
  timestampList(): number[] {
    return Array.from(this.timestamps.data.subarray(0, this.timestamps.length));
  }

  /** The runs of events ingested at one time: where each starts, and the time (copies). */
  ingestionRuns(): { from: number[]; at: number[] } {
    return { from: [...this.ingestedFrom], at: [...this.ingestedAt] };
  }

  /** Appends events whose messages are texts 0, 1, 2… of `texts`, at these timestamps, ingested in these runs
   *  (a compact snapshot's stream; the caller has checked the lengths agree), but for the events `shared` names
   *  (runs of [first event, first id, count], as copyMessagesInto gives them), whose messages are `shared.texts`'. */
  pushAllKept(timestamps: readonly number[], runs: { from: readonly number[]; at: readonly number[] }, texts: MessageTexts, shared?: { runs: readonly number[]; texts: MessageTexts }): void {
    let run = -1;
    let own = 0;
    let next = 0;
    for (let i = 0; i < timestamps.length; i++) {
      while (run + 1 < runs.from.length && runs.from[run + 1]! <= i) run++;
      const r = shared?.runs;
      if (r !== undefined && next < r.length && i >= r[next]!) {
        this.pushKept(timestamps[i]!, runs.at[run]!, shared!.texts, r[next + 1]! + (i - r[next]!));
        if (i === r[next]! + r[next + 2]! - 1) next += 3;
        continue;
      }
      this.pushKept(timestamps[i]!, runs.at[run]!, texts, own++);
    }
  }

  /** Starts a run when the ingestion time differs from the last event's (-0 and NaN told apart, as stored). */
  private ingested(t: number): void {
    const n = this.ingestedAt.length;
    if (n > 0 && Object.is(this.ingestedAt[n - 1], t)) return;
    this.ingestedFrom.push(this.length);
    this.ingestedAt.push(t);
  }
}
