// The log events a trail delivers, kept compactly. A trail sends every record to its log group, so over
// 90 days of activity the group holds millions of 1–2 KB JSON texts that differ only in a few values. Each
// trail stream keeps its records as shared templates plus those values (core/templated-texts.ts, as the
// event history does) and rebuilds a message, byte for byte, when something reads it (GetLogEvents,
// FilterLogEvents, a snapshot). Metric filters never read it back: they see the text as delivered.
import { TemplatedTexts } from '../core/templated-texts';
import type { LogEvent } from './model';
import { varyingValues } from './trail-record-fields';

/** Where a trail stream's messages are kept: its own template store, or CloudTrail's record archive. */
export interface MessageTexts {
  get(id: number): string;
}

/** A stored event whose message lives in a template store. */
export class TemplatedLogEvent implements LogEvent {
  constructor(
    readonly timestamp: number,
    readonly ingestionTime: number,
    private readonly texts: MessageTexts,
    private readonly id: number,
  ) {}

  get message(): string {
    return this.texts.get(this.id);
  }

  /** Snapshots hold the plain event, fields in the order a plain stored event has them. */
  toJSON(): { timestamp: number; message: string; ingestionTime: number } {
    return { timestamp: this.timestamp, message: this.message, ingestionTime: this.ingestionTime };
  }
}

/** One trail stream's records. Events keep their store alive, so a deleted group frees it with them. */
export class TrailRecordStore {
  private readonly texts = new TemplatedTexts();

  /** `values`: where to cut the message into template and values; any choice gives back the same text. */
  event(timestamp: number, message: string, ingestionTime: number, values: readonly string[] = varyingValues(message)): LogEvent {
    return new TemplatedLogEvent(timestamp, ingestionTime, this.texts, this.texts.add(message, values));
  }
}
