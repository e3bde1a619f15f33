// The log events a trail delivers, kept compactly. A trail sends every record to its log group, so over
// 90 days of activity the group holds millions of 1–2 KB JSON texts that differ only in a few values. Each
// record's text is kept once, as shared templates plus those values (core/templated-texts.ts): in
// CloudTrail's record archive when the delivery says where, otherwise in the stream's own template store
// (this file). The stream's event list (event-list.ts) holds the text's id, and a message is rebuilt, byte
// for byte, when something reads it (GetLogEvents, FilterLogEvents); a snapshot copies the template words or, for
// the archive's records, names them (model.ts). Metric filters never read
// it back: they see the text as delivered.
import { TemplatedTexts } from '../core/templated-texts';
import type { EventList } from './event-list';
import { varyingValues } from './trail-record-fields';

/** Where a trail stream's messages are kept: its own template store, or CloudTrail's record archive. */
export interface MessageTexts {
  get(id: number): string;
  /** Stores text `id` into `into` as its template and values are kept here (TemplatedTexts.copyFrom), where the
   *  store can: a snapshot then copies words instead of rebuilding each text and cutting it again. */
  copyInto?(id: number, into: TemplatedTexts): number;
}

/** One trail stream's own store, for records no archive keeps (a restored stream's, a delivery without
 *  an archive). The stream's events keep it alive, so a deleted group frees it with them. */
export class TrailRecordStore {
  /** `texts`: a saved stream's messages, restored as they were saved (its events refer to them by position). */
  constructor(private readonly texts = new TemplatedTexts()) {}

  /** Appends an event whose message is kept here. `values`: where to cut the message into template and
   *  values; any choice gives back the same text. */
  append(events: EventList, timestamp: number, message: string, ingestionTime: number, values: readonly string[] = varyingValues(message)): void {
    events.pushKept(timestamp, ingestionTime, this.texts, this.texts.add(message, values));
  }
}
