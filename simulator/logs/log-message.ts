// A log event's message as the filter patterns read it. An event passes through every metric filter of its
// group (twenty in a busy account), and a JSON pattern needs the message parsed: parsing happens here, at
// most once per event however many filters, selectors or dimensions ask. The text itself is never changed
// or re-encoded: GetLogEvents and FilterLogEvents return the stored string, not anything derived from it.
import { indexOfKey } from './json-text-search';
import { shapeCuts } from './message-shape';
import { utf8Length } from '../core/utf8-length';
import type { TemplatedSource } from './template-shapes';

/** Parses the message as one JSON object; anything else is "not JSON" and cannot match. */
export function parseJsonMessage(message: string): Record<string, unknown> | undefined {
  const trimmed = message.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const NOT_YET = Symbol('not parsed yet');

/** What reading the text itself worked out. Made on the first such read: a trail's records recognised by their
 *  template (most of a busy account's messages) never read their text, and their messages are smaller without. */
interface TextReading {
  parsed: Record<string, unknown> | undefined | typeof NOT_YET;
  unicodeEscapes: boolean | undefined;
  valueStarts: Map<string, number[]> | undefined;
  cuts: number[] | undefined | typeof NOT_YET;
}

export class LogMessage {
  private reading: TextReading | undefined;
  private bytes: number | undefined;
  private given: string | undefined;
  /** The verdicts of the message's shape, by pattern, once FilterVerdicts has looked the shape up. */
  shapeVerdicts: Map<object, boolean> | undefined;

  /**
   * `source`/`sourceId`: where the text is kept as a template and values (CloudTrail's record archive), when
   * it is; the text is then exactly `source.get(sourceId)`, and its shape is found by its template
   * (template-shapes.ts). `text` may then be left out: it is made from the source if something reads it.
   */
  constructor(
    text: string | undefined,
    readonly source?: TemplatedSource,
    readonly sourceId = -1,
  ) {
    if (text === undefined && source === undefined) throw new Error('log message: no text and no source');
    this.given = text;
  }

  get text(): string {
    return (this.given ??= this.source!.get(this.sourceId));
  }

  private read(): TextReading {
    return (this.reading ??= { parsed: NOT_YET, unicodeEscapes: undefined, valueStarts: undefined, cuts: NOT_YET });
  }

  /** The message as one JSON object, or undefined when it is not one ("not JSON" never matches). */
  json(): Record<string, unknown> | undefined {
    const r = this.read();
    if (r.parsed === NOT_YET) r.parsed = parseJsonMessage(this.text);
    return r.parsed;
  }

  /** The text's UTF-8 length (what storedBytes counts), worked out once; from the source when the text is
   *  not made. */
  utf8Length(): number {
    return (this.bytes ??= this.given === undefined ? this.source!.utf8Length(this.sourceId) : utf8Length(this.given));
  }

  /**
   * Records the UTF-8 length found while the text was read for another purpose (a shape lookup compares
   * every character of it), so counting it for storedBytes needs no further pass. The caller vouches
   * that it is utf8Length(text).
   */
  knowUtf8Length(bytes: number): void {
    this.bytes = bytes;
  }

  /** Where the message's shape is cut (message-shape.ts), worked out once for every filter that asks. */
  shapeCuts(): readonly number[] | undefined {
    const r = this.read();
    if (r.cuts === NOT_YET) r.cuts = shapeCuts(this.text);
    return r.cuts;
  }

  /** The cut values themselves, in text order (what a trail stream's template store packs). */
  shapeValues(): string[] {
    const cuts = this.shapeCuts() ?? [];
    const out: string[] = [];
    for (let i = 0; i < cuts.length; i += 2) out.push(this.text.slice(cuts[i], cuts[i + 1]));
    return out;
  }

  /**
   * Whether some JSON string in the message might be written with a `\uXXXX` escape. Without one, every
   * character a string value holds (other than `"`, `\`, `/` and control characters, which have short
   * escapes) appears literally in the text, so a text search can rule a comparison out before any parse.
   * Conservative: an escaped backslash followed by `u` also counts.
   */
  mayUseUnicodeEscapes(): boolean {
    const r = this.read();
    return (r.unicodeEscapes ??= this.text.includes('\\u'));
  }

  /**
   * Where the values of `"key":` begin in the text, found once per key and shared by every filter that
   * asks. Some positions may not be real members (the same characters inside a longer string); callers
   * use them only to rule messages out, so an extra position costs nothing but a look.
   */
  valuesOf(key: string): readonly number[] {
    const memo = (this.read().valueStarts ??= new Map());
    let out = memo.get(key);
    if (out) return out;
    out = [];
    const t = this.text;
    for (let at = indexOfKey(t, key); at >= 0; at = indexOfKey(t, key, at + 1)) {
      let i = skipSpace(t, at + key.length + 2);
      if (t.charCodeAt(i) !== 0x3a) continue;
      i = skipSpace(t, i + 1);
      out.push(i);
    }
    memo.set(key, out);
    return out;
  }
}

/** JSON's insignificant whitespace: space, tab, line feed, carriage return. */
function skipSpace(t: string, i: number): number {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    i++;
  }
}

/** Callers holding a plain string (tests, TestMetricFilter) get a one-off view of it. */
export function asLogMessage(message: string | LogMessage): LogMessage {
  return typeof message === 'string' ? new LogMessage(message) : message;
}
