// A log event's "shape": its text with the values that differ from record to record (a CloudTrail record's
// eventTime, requestID, eventID…) cut out. A trail's records for the same caller and call share one shape,
// so a metric filter that reads none of those values gives every record of a shape the same verdict, and
// the verdict can be worked out once instead of parsing each 1–2 KB record (filter-verdicts.ts).
//
// Why two texts of one shape parse to the same JSON except in the cut values: a value is cut only where the
// text reads `"key":"value"` with the first quote not preceded by a backslash and the value free of `"`,
// `\` and control characters. That first quote is then unescaped: if it opens a string, `key` is a member
// name and `value` the whole content of that member's string value, and any other such content leaves the
// rest of the parse unchanged; if it closed a string instead, the text is not JSON whatever the value. So
// two texts of one shape are both invalid, or parse to the same tree but for the cut members' strings.
import { indexOfKey } from './json-text-search';
import { VARYING_KEYS } from './trail-record-fields';
import { utf8Length, utf8LengthOf } from '../core/utf8-length';

/** Member names whose string values are cut out of a shape, in the order JSON.stringify writes a record's. */
export const SHAPE_KEYS: readonly string[] = VARYING_KEYS;

/** Whether `text[from, to)` can be the whole content of a JSON string: no quote, backslash or control char. */
function plainContent(text: string, from: number, to: number): boolean {
  return plainBytes(text, from, to) >= 0;
}

/** plainContent and, when it holds, the range's UTF-8 length (-1 when it does not): one pass for both. */
function plainBytes(text: string, from: number, to: number): number {
  let ascii = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x5c) return -1;
    if (c >= 0x80) ascii = false;
  }
  return ascii ? to - from : utf8LengthOf(text, from, to);
}

/** The [start, end) of the first cuttable `"key":"value"` content of `key` at or after `from`, or undefined. */
function spanOf(text: string, key: string, from: number): [number, number] | undefined {
  for (let at = indexOfKey(text, key, from); at >= 0; at = indexOfKey(text, key, at + 1)) {
    const colon = at + key.length + 2;
    if (text.charCodeAt(colon) !== 0x3a || text.charCodeAt(colon + 1) !== 0x22) continue;
    if (at > 0 && text.charCodeAt(at - 1) === 0x5c) continue;
    const start = colon + 2;
    const end = text.indexOf('"', start);
    if (end >= 0 && plainContent(text, start, end)) return [start, end];
  }
  return undefined;
}

/**
 * Where the text's cut values are: [start, end) pairs in text order; undefined when nothing could be cut (the
 * shape would be the text itself, so nothing is shared). Each key is looked for after the previous cut, in
 * the order a trail's record has them, so the whole search reads the text about once. A value left uncut
 * (a nested member of the same name, one out of order) only stays part of the shape.
 */
export function shapeCuts(text: string): number[] | undefined {
  let cuts: number[] | undefined;
  let from = 0;
  for (const key of SHAPE_KEYS) {
    const span = spanOf(text, key, from);
    if (span === undefined) continue;
    (cuts ??= []).push(span[0], span[1]);
    from = span[1];
  }
  return cuts;
}

interface Shape<T> {
  /** The text between the cuts, as own strings (not slices keeping a whole message alive). */
  parts: string[];
  /** The parts' UTF-8 length: a text of the shape has this plus its cut values' (see lastUtf8Length). */
  partsBytes: number;
  value: T;
}

/**
 * Values kept per shape, at most `capacity` shapes (the oldest is forgotten first). A shape is found by a
 * short signature (a number mixed from the parts' lengths) and confirmed part by part in place: hashing a
 * 1–2 KB key per message cost more than the parse it saves, and a signature spelled as a string cost as
 * much as the confirmation. Two shapes may share a signature; the confirmation tells them apart.
 */
export class ShapeTable<T> {
  private readonly bySignature = new Map<number, Shape<T>[]>();
  private readonly order: number[] = [];
  private count = 0;
  /** The last shape made or found for a text of each length (see `known`); at most `capacity` lengths. */
  private readonly lastByLength = new Map<number, Shape<T>>();
  private lastBytes = NaN;

  constructor(
    private readonly capacity: number,
    private readonly make: () => T,
  ) {}

  get size(): number {
    return this.count;
  }

  /**
   * The UTF-8 length of the text last given to `known` (when it returned a value) or `of`; NaN after a
   * `known` that found nothing. Both have just read every character of the text (its parts compared, its
   * values scanned), so the length comes from the shape's parts and the values alone, with no other pass
   * (storedBytes counts every event's UTF-8 length; see stream-tally.ts).
   */
  get lastUtf8Length(): number {
    return this.lastBytes;
  }

  /**
   * The value of a shape the text has, found without looking for its keys: the last shape seen for a text
   * of the same length, when the text is that shape's parts with plain values (as shapeCuts cuts them)
   * between them. Records of one caller and call mostly have one length (89% of a bench run's trail records
   * were recognized so), and comparing the parts in place is cheaper than finding the five keys (with the
   * faster key search too, 5.6–6.8 → 3.4–3.7 µs a message measured side by side on a loaded machine).
   * Such a split is as good as the text's own cuts: each part but
   * the last ends with a cut member's key and opening quote, preceded by the same characters as in the text
   * the shape was cut from, so the two texts are two texts of one shape (see the top of this file).
   */
  known(text: string): T | undefined {
    const shape = this.lastByLength.get(text.length);
    const valueBytes = shape === undefined ? -1 : splits(text, shape.parts);
    if (valueBytes < 0) {
      this.lastBytes = NaN;
      return undefined;
    }
    this.lastBytes = shape!.partsBytes + valueBytes;
    return shape!.value;
  }

  /** The value for the shape of `text` cut at `cuts` (from shapeCuts), made when the shape is new. */
  of(text: string, cuts: readonly number[]): T {
    // The cut values are plain (shapeCuts' kind), each between two quotes: no surrogate pair is split.
    let valueBytes = 0;
    for (let i = 0; i < cuts.length; i += 2) valueBytes += utf8LengthOf(text, cuts[i]!, cuts[i + 1]!);
    const signature = signatureOf(text, cuts);
    const same = this.bySignature.get(signature);
    if (same) {
      for (const shape of same) {
        if (fits(text, cuts, shape.parts)) {
          this.seen(text.length, shape);
          this.lastBytes = shape.partsBytes + valueBytes;
          return shape.value;
        }
      }
    }
    if (this.count >= this.capacity) this.forgetOldest();
    const parts: string[] = [];
    let from = 0;
    for (let i = 0; i < cuts.length; i += 2) {
      parts.push(ownCopy(text.slice(from, cuts[i])));
      from = cuts[i + 1]!;
    }
    parts.push(ownCopy(text.slice(from)));
    let partsBytes = 0;
    for (const part of parts) partsBytes += utf8Length(part);
    const shape = { parts, partsBytes, value: this.make() };
    // Looked up again: forgetting the oldest shape may have just dropped this signature's list.
    const list = this.bySignature.get(signature);
    if (list) list.push(shape);
    else this.bySignature.set(signature, [shape]);
    this.order.push(signature);
    this.count++;
    this.seen(text.length, shape);
    this.lastBytes = partsBytes + valueBytes;
    return shape.value;
  }

  /** A shape forgotten by the table may stay here a while: its verdicts are still right, only unshared. */
  private seen(length: number, shape: Shape<T>): void {
    if (this.lastByLength.size >= this.capacity && !this.lastByLength.has(length)) this.lastByLength.clear();
    this.lastByLength.set(length, shape);
  }

  private forgetOldest(): void {
    const signature = this.order.shift()!;
    const same = this.bySignature.get(signature)!;
    same.shift();
    if (same.length === 0) this.bySignature.delete(signature);
    this.count--;
  }
}

/** The parts' lengths mixed into one small integer (a Map key V8 hashes without reading a string). */
function signatureOf(text: string, cuts: readonly number[]): number {
  let h = cuts.length;
  let from = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    h = (Math.imul(h, 0x01000193) ^ (cuts[i]! - from)) | 0;
    from = cuts[i + 1]!;
  }
  return (Math.imul(h, 0x01000193) ^ (text.length - from)) & 0x3fffffff;
}

/** Whether the text, outside the cuts, is the shape's parts (signatures may collide, so lengths are checked). */
function fits(text: string, cuts: readonly number[], parts: readonly string[]): boolean {
  if (cuts.length !== 2 * (parts.length - 1)) return false;
  let from = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const to = i < parts.length - 1 ? cuts[2 * i]! : text.length;
    if (to - from !== part.length) return false;
    // substring + === compares in native code (core/templated-texts.ts measured startsWith far slower).
    if (text.substring(from, to) !== part) return false;
    from = cuts[2 * i + 1]!;
  }
  return true;
}

/** When the text is the parts with a plain value (shapeCuts' kind) between each two of them, the values'
 *  UTF-8 length; otherwise -1. */
function splits(text: string, parts: readonly string[]): number {
  const last = parts.length - 1;
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < last; i++) {
    const part = parts[i]!;
    const start = from + part.length;
    // substring + === compares in native code (see fits).
    if (text.substring(from, start) !== part) return -1;
    const end = text.indexOf('"', start);
    const valueBytes = end < 0 ? -1 : plainBytes(text, start, end);
    if (valueBytes < 0) return -1;
    bytes += valueBytes;
    from = end;
  }
  return text.length - from === parts[last]!.length && text.substring(from) === parts[last] ? bytes : -1;
}

/** A copy that does not share the message's memory (V8 slices strings of 13 characters or more; the
 *  concatenation is flattened into new memory before it is sliced). */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
