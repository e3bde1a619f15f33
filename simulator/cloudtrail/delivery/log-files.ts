// Delivered log files as runs of record ids. A busy account delivers a log file every five minutes per trail
// and Region: each file costs a few numbers in a shared column and one small object, not an array, closures
// and gzip bytes of its own. The records of one delivery are archived in order, and every trail delivering
// them at that instant names the same ids in the same order, so a file's ids are a few runs of consecutive
// ids: the column holds each run as its first id and its length. Those trails' files are the same bytes, and
// share one content (lanes.ts archived): one run of ids, and one hash for the digests that list them.
import type { Json, ReproducibleContent } from '../../core/contract';
import { IntColumn } from '../../core/int-column';
import { gzipDeterministic } from './files';
import { idsFromText, RecordArchive, runsFromText, runsToText } from './record-archive';

/** One log file: `runs` runs of record ids from `at` in its LogFiles' column. The S3 object's content. */
export class LogFileContent implements ReproducibleContent {
  constructor(
    private readonly files: LogFiles,
    private readonly at: number,
    private readonly runs: number,
  ) {}

  /** {"Records":[…]} as delivered: what a digest hashes. */
  uncompressed(): Uint8Array {
    return this.files.archive.body(this.files.idsOf(this.at, this.runs));
  }

  body(): Uint8Array {
    return gzipDeterministic(this.uncompressed());
  }

  recipe(): Json {
    return { cloudTrailLogFile: runsToText(this.files.runsOf(this.at, this.runs)) };
  }

  /** True when every id names a record the archive holds (a restored file, checked once the archive is). */
  valid(): boolean {
    return this.files.holds(this.at, this.runs);
  }
}

export class LogFiles {
  /** Every record delivered, once however many trails delivered it. */
  readonly archive = new RecordArchive();
  private ids = new IntColumn();

  /** A new log file holding these records, in order. */
  file(recordIds: ArrayLike<number>): LogFileContent {
    const at = this.ids.length;
    let runs = 0;
    for (let i = 0; i < recordIds.length; ) {
      const first = recordIds[i]!;
      let n = 1;
      while (i + n < recordIds.length && recordIds[i + n] === first + n) n++;
      this.ids.push(first);
      this.ids.push(n);
      runs++;
      i += n;
    }
    return new LogFileContent(this, at, runs);
  }

  /** A log file as a snapshot named it (see LogFileContent.recipe); undefined if the text is not ids. Saved runs
   *  are kept as they are: a few characters can name millions of ids, which are not written out here. */
  restoredFile(text: unknown): LogFileContent | undefined {
    if (typeof text !== 'string') return undefined;
    const runs = runsFromText(text);
    if (runs === undefined) {
      const ids = idsFromText(text);
      return ids && this.file(ids);
    }
    const at = this.ids.length;
    for (let r = 0; r < runs.length; r += 2) {
      this.ids.push(runs[r]!);
      this.ids.push(runs[r + 1]!);
    }
    return new LogFileContent(this, at, runs.length / 2);
  }

  /** Whether every id of the file names a record the archive holds, run by run. */
  holds(at: number, runs: number): boolean {
    const size = this.archive.size;
    for (let r = 0; r < runs; r++) {
      const first = this.ids.at(at + 2 * r);
      if (!(first >= 0 && first + this.ids.at(at + 2 * r + 1) <= size)) return false;
    }
    return true;
  }

  /** The runs of the file whose `runs` runs start at `at`: first id and length of each (a copy). */
  runsOf(at: number, runs: number): Int32Array {
    return this.ids.toArray(at, at + 2 * runs);
  }

  /** The ids of the file whose `runs` runs start at `at`, in order. */
  idsOf(at: number, runs: number): Int32Array {
    const col = this.ids;
    let count = 0;
    for (let r = 0; r < runs; r++) count += col.at(at + 2 * r + 1);
    const out = new Int32Array(count);
    let k = 0;
    for (let r = 0; r < runs; r++) {
      const first = col.at(at + 2 * r);
      const n = col.at(at + 2 * r + 1);
      for (let j = 0; j < n; j++) out[k++] = first + j;
    }
    return out;
  }
}
