// What a lane reports for each log file it delivered. Ten trails deliver a file every five minutes per Region,
// and only a trail with a CloudWatch Logs group has its records' times read (the account hands them to the log
// group, which reads texts from the archive as it needs them): they are listed when first asked, not at every
// delivery. A class, not an object literal with a getter: such a literal, and properties assigned onto it
// afterwards, cost more to make than the rest of the report. The lane gets a new buffer after a delivery, so this one stays as
// delivered.
import type { LogFolder } from './files';

/** A record as the lane buffered it: its text unless the event history kept it (see WaitingRecord), and its
 *  eventTime in ms (NaN when not known). */
export interface BufferedRecord {
  readonly json: string | undefined;
  readonly eventMs: number;
}

/** The delivered records in the record archive: record i is texts.get(ids[i]), its eventTime eventMs[i]. */
export class ArchivedRecords {
  private times: Float64Array | undefined;
  private jsons: string[] | undefined;

  constructor(
    readonly texts: { get(id: number): string },
    readonly ids: Int32Array,
    private readonly buffer: readonly BufferedRecord[],
  ) {}

  /** Each record's eventTime in ms, NaN where the lane did not know it (read it from the text). */
  get eventMs(): Float64Array {
    if (this.times === undefined) {
      const n = this.buffer.length;
      const times = new Float64Array(n);
      for (let i = 0; i < n; i++) times[i] = this.buffer[i]!.eventMs;
      this.times = times;
    }
    return this.times;
  }

  /** The records' texts: as the lane held them, or rebuilt by the archive. A log group reads the archive's
   *  templates instead (template-shapes.ts), and each text only when something asks for it. */
  get records(): string[] {
    if (this.jsons === undefined) {
      const n = this.buffer.length;
      const jsons = new Array<string>(n);
      for (let i = 0; i < n; i++) jsons[i] = this.buffer[i]!.json ?? this.texts.get(this.ids[i]!);
      this.jsons = jsons;
    }
    return this.jsons;
  }
}

export class DeliveredLogFile {
  readonly kind = 'logFile' as const;
  cloudWatchLogs?: { logGroupArn: string; roleArn: string };

  constructor(
    readonly folder: LogFolder,
    readonly trailArn: string,
    readonly region: string,
    readonly bucket: string,
    readonly key: string,
    readonly atMs: number,
    readonly archived: ArchivedRecords,
  ) {}

  /** The delivered records' texts (the archive keeps them exactly), listed when first asked. */
  get records(): string[] {
    return this.archived.records;
  }
}
