// A trail's delivery as ingestion processing receives it. Metric filters read a trail's records through their
// messages and timestamps, never as event objects: the events are listed only if someone asks for them, not as
// one object per record at every delivery (some 50 bytes a record, and a trail's group receives every record).
import type { IngestedBatch, LogEvent, LogGroup } from './model';
import type { LogMessage } from './log-message';

export class TrailBatch implements IngestedBatch {
  private listed: LogEvent[] | undefined;

  /**
   * `texts[order[k]]` is the text of stored event k (`order` undefined: texts are in stored order), stored at
   * `timestamps[k]`; `messages`, when given, are the same texts in stored order.
   */
  constructor(
    readonly region: string,
    readonly group: LogGroup,
    readonly streamName: string,
    private readonly texts: readonly string[],
    private readonly order: readonly number[] | undefined,
    readonly timestamps: readonly number[],
    readonly messages: readonly LogMessage[] | undefined,
    readonly now: number,
  ) {}

  get events(): readonly LogEvent[] {
    if (this.listed === undefined) {
      const { texts, order, timestamps, now } = this;
      this.listed = Array.from(timestamps, (timestamp, k) => ({ timestamp, message: texts[order ? order[k]! : k]!, ingestionTime: now }));
    }
    return this.listed;
  }
}
