// Every record some trail buffered, kept once and compactly, so that log files can be lists of record ids
// instead of gzip bytes. Ten trails that log the same Region deliver the same records: gzipping them at
// every delivery was the largest single cost of a busy account, and most log files are never read. A log
// file's bytes are made from here when something reads them (stored-object.ts), and are the same bytes
// whenever that happens: the texts are kept exactly (TemplatedTexts round-trips them).
import { fromBase64, toBase64 } from '../../core/format';
import { TemplatedTexts, type TemplatedTextsColumnsSnapshot } from '../../core/templated-texts';
import type { SnapshotWriter } from '../../core/snapshot-writer';
import type { Json } from '../../core/contract';
import { logFileBody } from './files';

export class RecordArchive {
  private texts = new TemplatedTexts();

  /** Keeps one record's JSON text; `values` are the varying values worth packing (see TemplatedTexts.add). */
  add(json: string, values: readonly (string | undefined)[]): number {
    return this.texts.add(json, values);
  }

  /** Keeps a record the event history holds, copied from there (the same entry `add` would make, without
   *  cutting the text again); undefined when the history no longer has it (then `add` it). */
  addFrom(history: { copyText(id: number, into: TemplatedTexts): number | undefined }, historyId: number): number | undefined {
    return history.copyText(historyId, this.texts);
  }

  /** Stores record `id` into `into` as kept here (a log group's snapshot copies its trail stream's texts). */
  copyInto(id: number, into: TemplatedTexts): number {
    return into.copyFrom(this.texts, id);
  }

  /** One record's text (a log group's trail stream reads its events from here: DeliveredFile.archived). */
  get(id: number): string {
    return this.texts.get(id);
  }

  /** Record `id`'s template parts (TemplatedTexts.templateParts): a log group recognises a record's shape by them. */
  templateParts(id: number): readonly string[] {
    return this.texts.templateParts(id);
  }

  /** The UTF-8 length of record `id`'s text, without making the text (TemplatedTexts.utf8Length). */
  utf8Length(id: number): number {
    return this.texts.utf8Length(id);
  }

  /** Whether record `id`'s holes all hold packed values (TemplatedTexts.packedOnly). */
  packedOnly(id: number): boolean {
    return this.texts.packedOnly(id);
  }

  get size(): number {
    return this.texts.size;
  }

  /** The uncompressed log file CloudTrail writes for these records. */
  body(ids: Int32Array): Uint8Array {
    return logFileBody(Array.from(ids, (id) => this.texts.get(id)));
  }

  snapshot(out: SnapshotWriter): Json {
    return this.texts.snapshotTo(out);
  }

  restore(s: TemplatedTextsColumnsSnapshot | undefined): void {
    this.texts = s === undefined ? new TemplatedTexts() : TemplatedTexts.fromSnapshot(s);
  }
}

/** A log file's record ids as a snapshot keeps them: base64 of the 32-bit words (little-endian). */
export function idsToText(ids: Int32Array): string {
  return toBase64(new Uint8Array(ids.buffer, ids.byteOffset, ids.length * 4));
}

/** Runs of consecutive ids, each its first id and its length, as saved: a log file's ids are usually one run
 *  (records are archived in delivery order, and every trail delivering them at once names the same ones), and
 *  written out one by one they were about a tenth of a busy sandbox's save (five characters a record a trail). */
const RUNS_PREFIX = 'runs:';

export function runsToText(runs: Int32Array): string {
  return RUNS_PREFIX + toBase64(new Uint8Array(runs.buffer, runs.byteOffset, runs.length * 4));
}

/** Saved runs (runsToText) as first id and length of each, checked; undefined when the text is not runs. */
export function runsFromText(text: string): Int32Array | undefined {
  if (!text.startsWith(RUNS_PREFIX)) return undefined;
  const words = wordsOf(text.slice(RUNS_PREFIX.length));
  if (words === undefined || words.length % 2 !== 0) return undefined;
  for (let r = 0; r < words.length; r += 2) if (words[r]! < 0 || words[r + 1]! < 1 || words[r]! + words[r + 1]! > 2 ** 31 - 1) return undefined;
  return words;
}

/** A log file's ids as a snapshot saved them: runs (runsToText), or, in snapshots before session 12, every id
 *  (idsToText). Undefined when the text is neither. Runs are written out here: for reading, not restoring
 *  (LogFiles.restoredFile keeps them as runs). */
export function idsFromText(text: string): Int32Array | undefined {
  if (!text.startsWith(RUNS_PREFIX)) return wordsOf(text);
  const runs = runsFromText(text);
  if (runs === undefined) return undefined;
  let count = 0;
  for (let r = 1; r < runs.length; r += 2) count += runs[r]!;
  // More ids than any archive could number in memory: not a file's (and not written out).
  if (count > MAX_READ_IDS) return undefined;
  const ids = new Int32Array(count);
  let k = 0;
  for (let r = 0; r < runs.length; r += 2) for (let j = 0; j < runs[r + 1]!; j++) ids[k++] = runs[r]! + j;
  return ids;
}

const MAX_READ_IDS = 1 << 26;

function wordsOf(base64: string): Int32Array | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(base64);
  } catch {
    return undefined;
  }
  return bytes.length % 4 === 0 ? new Int32Array(bytes.slice().buffer) : undefined;
}
