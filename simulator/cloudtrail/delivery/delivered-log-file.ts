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
  private jsons: string[] | undefined;

  constructor(
    readonly texts: { get(id: number): string },
    readonly ids: Int32Array,
    private readonly buffer: readonly BufferedRecord[],
  ) {}

  /** Each record's eventTime in ms, NaN where the lane did not know it (read it from the text). */
  get eventMs(): Float64Array {
    if (this.times === undefined) this.list();
    return this.times!;
  }

  /** The records' texts as the lane held them. */
  get records(): string[] {
    if (this.jsons === undefined) this.list();
    return this.jsons!;
  }

  /** Both lists in one pass: whoever reads one reads the other (a log group stores texts at their times), and
   *  each buffered record is read from memory once. */
  private list(): void {
    const n = this.buffer.length;
    const times = new Float64Array(n);
    const jsons = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const r = this.buffer[i]!;
      times[i] = r.eventMs;
      jsons[i] = r.json;
    }
    this.times = times;
    this.jsons = jsons;
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

  /** The delivered records' texts: the texts the lane held, which are the archive's texts of those records
   *  (the archive keeps them exactly), without rebuilding them from its templates. */
  get records(): string[] {
    return this.archived.records;
  }
}
