// How a snapshot writes its large columns. By default as the saved form itself (byte columns as base64). A saver
// may take them as they are instead (views of live columns, so it must copy them at once) and write their saved
// form later, elsewhere: the same text in the end, and the simulator's worker is not held up making it (making it
// took a quarter of a second at 100,000 records, while a learner's click waited).
import type { Json } from './contract';
import { toBase64, type BytesWriter } from './format';
import type { TextsLayout } from './templated-texts';

export interface SnapshotWriter {
  /** A byte column: the string to save (base64 of the bytes). */
  bytes: BytesWriter;
  /** A store of templated texts (the event history's, the archive's): the value to save (savedTexts of it). */
  texts?: (layout: TextsLayout) => Json;
  /** A column of whole seconds (a copy made for the writer): the value to save (the array of their milliseconds). */
  seconds?: (seconds: Int32Array) => Json;
  /** Makes the arrays the number columns given to `texts` and `seconds` are copied into, `length` numbers each:
   *  a saver may hand out arrays it used before, whose memory is already touched (on these machines fresh memory
   *  costs about 3 ms a megabyte at first touch, most of a save's time in the simulator's worker). */
  columns?: (length: number) => Int32Array;
}

export const BASE64_WRITER: SnapshotWriter = { bytes: toBase64 };
