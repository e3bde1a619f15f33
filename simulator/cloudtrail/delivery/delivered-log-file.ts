// What a lane reports for each log file it delivered. Ten trails deliver a file every five minutes per Region,
// and only a trail with a CloudWatch Logs group has its records' texts and times read (the account hands them
// to the log group): they are listed from the lane's buffer when first asked, not at every delivery. A class,
// not an object literal with a getter: such a literal, and properties assigned onto it afterwards, cost more
// to make than the rest of the report. The lane gets a new buffer after a delivery, so this one stays as
// delivered.
import type { LogFolder } from './files';

/** A record as the lane buffered it: its text, and its eventTime in ms (NaN when not known). */
export interface BufferedRecord {
  readonly json: string;
  readonly eventMs: number;
}

/** The delivered records in the record archive: record i is texts.get(ids[i]), its eventTime eventMs[i]. */
export class ArchivedRecords {
  private times: Float64Array | undefined;

  constructor(
    readonly texts: { get(id: number): string },
    readonly ids: Int32Array,
    private readonly buffer: readonly BufferedRecord[],
  ) {}

  /** Each record's eventTime in ms, NaN where the lane did not know it (read it from the text). */
  get eventMs(): Float64Array {
    if (this.times === undefined) {
      const times = new Float64Array(this.buffer.length);
      for (let i = 0; i < times.length; i++) times[i] = this.buffer[i]!.eventMs;
      this.times = times;
    }
    return this.times;
  }
}

export class DeliveredLogFile {
  readonly kind = 'logFile' as const;
  cloudWatchLogs?: { logGroupArn: string; roleArn: string };
  private texts: string[] | undefined;

  constructor(
    private readonly buffer: readonly BufferedRecord[],
    readonly folder: LogFolder,
    readonly trailArn: string,
    readonly region: string,
    readonly bucket: string,
    readonly key: string,
    readonly atMs: number,
    readonly archived: ArchivedRecords,
  ) {}

  /** The delivered records' texts: the texts the lane held, which are the archive's texts of those records
   *  (the archive keeps them exactly), without rebuilding them from its templates. */
  get records(): string[] {
    return (this.texts ??= Array.from(this.buffer, (r) => r.json));
  }
}
