// Delivered log files as runs of record ids. A busy account delivers a log file every five minutes per trail
// and Region: each file costs two numbers in a shared column and one small object, not an array, closures
// and gzip bytes of its own.
import type { Json, ReproducibleContent } from '../../core/contract';
import { IntColumn } from '../../core/int-column';
import { gzipDeterministic } from './files';
import { idsFromText, idsToText, RecordArchive } from './record-archive';

/** One log file: `count` record ids from `at` in its LogFiles' column. The S3 object's content. */
export class LogFileContent implements ReproducibleContent {
  constructor(
    private readonly files: LogFiles,
    private readonly at: number,
    private readonly count: number,
  ) {}

  /** {"Records":[…]} as delivered: what a digest hashes. */
  uncompressed(): Uint8Array {
    return this.files.archive.body(this.files.idsOf(this.at, this.count));
  }

  body(): Uint8Array {
    return gzipDeterministic(this.uncompressed());
  }

  recipe(): Json {
    return { cloudTrailLogFile: idsToText(this.files.idsOf(this.at, this.count)) };
  }

  /** True when every id names a record the archive holds (a restored file, checked once the archive is). */
  valid(): boolean {
    return this.files.archive.has(this.files.idsOf(this.at, this.count));
  }
}

export class LogFiles {
  /** Every record delivered, once however many trails delivered it. */
  readonly archive = new RecordArchive();
  private ids = new IntColumn();

  /** A new log file holding these records, in order. */
  file(recordIds: ArrayLike<number>): LogFileContent {
    const at = this.ids.length;
    for (let i = 0; i < recordIds.length; i++) this.ids.push(recordIds[i]!);
    return new LogFileContent(this, at, recordIds.length);
  }

  /** A log file as a snapshot named it (see LogFileContent.recipe); undefined if the text is not ids. */
  restoredFile(text: unknown): LogFileContent | undefined {
    const ids = typeof text === 'string' ? idsFromText(text) : undefined;
    return ids && this.file(ids);
  }

  idsOf(at: number, count: number): Int32Array {
    return this.ids.data.subarray(at, at + count);
  }
}
