// A trail's delivery as ingestion processing receives it. Metric filters read a trail's records through their
// messages and timestamps, never as event objects: the events are listed only if someone asks for them, not as
// one object per record at every delivery (some 50 bytes a record, and a trail's group receives every record).
import type { IngestedBatch, LogEvent, LogGroup } from './model';
import type { LogMessage } from './log-message';

export class TrailBatch implements IngestedBatch {
  private listed: LogEvent[] | undefined;

  /** `messages[k]` is stored event k's, stored at `timestamps[k]`. */
  constructor(
    readonly region: string,
    readonly group: LogGroup,
    readonly streamName: string,
    readonly timestamps: readonly number[],
    readonly messages: readonly LogMessage[],
    readonly now: number,
  ) {}

  get events(): readonly LogEvent[] {
    if (this.listed === undefined) {
      const { messages, now } = this;
      this.listed = Array.from(this.timestamps, (timestamp, k) => ({ timestamp, message: messages[k]!.text, ingestionTime: now }));
    }
    return this.listed;
  }
}
