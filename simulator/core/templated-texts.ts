// Many similar JSON texts kept small. CloudTrail records written by the same caller for the same call differ
// only in a few values (eventTime, requestID, eventID, S3's x-amz-id-2): each text is cut at those values into
// a template shared by all texts of the same shape, plus the values themselves. Values of the usual kinds are
// packed into 32-bit words: a lower-case UUID into 16 bytes, S3's upper-case 16-digit request id into 8, a
// base64-alphabet value (S3's x-amz-id-2) at six bits a character, an ISO time to the second (eventTime) into
// one. `get` rebuilds the exact original text.

import { HEX_UPPER, hex4 } from './hex-digits';
import { fromBase64, toBase64, type BytesWriter } from './format';
import { CHUNK_MASK, IntColumn } from './int-column';
import { isoSecondsOf } from './iso-seconds';
import { utf8Length } from './utf8-length';
import type { Json } from './contract';
import type { SnapshotWriter } from './snapshot-writer';

/** JSON.stringify writes these characters escaped, so a value holding one is not found verbatim. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029]/;
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A value cut from a bigger text may be a slice that keeps the whole text alive (V8 slices strings of 13
 *  characters or more): keep a copy of its own. */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}


const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each base64 character's six bits by character code, -1 for the characters outside the alphabet ('=' too). */
const B64_BITS = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_BITS[B64.charCodeAt(i)] = i;

/** The words of the values of the text being added, as `kindOf` read them, hole after hole: each value is
 *  checked and packed in one pass, and its words are copied from here once its hole is found. */
let WORDS = new Int32Array(256);

/** Room for `n` words at `at` in WORDS. */
function wordsRoom(at: number, n: number): void {
  if (at + n > WORDS.length) {
    const next = new Int32Array(Math.max(2 * WORDS.length, at + n));
    next.set(WORDS);
    WORDS = next;
  }
}

/** If `s` is what /^[A-Za-z0-9+/]+={0,2}$/ accepts (S3's x-amz-id-2), writes it at `at` in WORDS — a word
 *  holding the length and the number of '=' at the end, then five characters of six bits a word — and returns
 *  how many words; otherwise -1. Exact for any such text, canonical base64 or not. */
function readBase64(s: string, at: number): number {
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  if (end === 0) return -1;
  const n = 1 + Math.ceil(end / 5);
  wordsRoom(at, n);
  WORDS[at] = (end << 2) | (s.length - end);
  let to = at + 1;
  let i = 0;
  // Whole words of five characters with one check each (an x-amz-id-2 is fifteen of them), then the rest.
  for (; i + 5 <= end; i += 5) {
    const a = bits6(s.charCodeAt(i));
    const b = bits6(s.charCodeAt(i + 1));
    const c = bits6(s.charCodeAt(i + 2));
    const d = bits6(s.charCodeAt(i + 3));
    const e = bits6(s.charCodeAt(i + 4));
    if ((a | b | c | d | e) < 0) return -1;
    WORDS[to++] = (a << 24) | (b << 18) | (c << 12) | (d << 6) | e;
  }
  if (i < end) {
    let w = 0;
    for (let j = 0; j < 5; j++) {
      const bits = i + j < end ? bits6(s.charCodeAt(i + j)) : 0;
      if (bits < 0) return -1;
      w = (w << 6) | bits;
    }
    WORDS[to] = w;
  }
  return n;
}

/** A base64 character's six bits, or -1 for any other character. */
function bits6(c: number): number {
  return c < 128 ? B64_BITS[c]! : -1;
}

function unpackBase64(col: Int32Array, at: number): string {
  const n = col[at]! >>> 2;
  let out = '';
  for (let i = 0; i < n; i++) out += B64[(col[at + 1 + Math.floor(i / 5)]! >>> (6 * (4 - (i % 5)))) & 63]!;
  return out + '='.repeat(col[at]! & 3);
}

function base64Words(col: Int32Array, at: number): number {
  return 1 + Math.ceil((col[at]! >>> 2) / 5);
}

/** Checks that `s` is a lower-case canonical UUID (8-4-4-4-12) and writes its four words (its 32 hex digits,
 *  eight a word) at `to` in WORDS in the same pass (every record holds two or three UUIDs, and every store
 *  checks each): four digits at a time by table, without a branch per character. */
function readUuid(s: string, to: number): boolean {
  if (s.length !== 36 || s.charCodeAt(8) !== 45 || s.charCodeAt(13) !== 45 || s.charCodeAt(18) !== 45 || s.charCodeAt(23) !== 45) return false;
  const a = hex4(s, 0);
  const b = hex4(s, 4);
  const c = hex4(s, 9);
  const d = hex4(s, 14);
  const e = hex4(s, 19);
  const f = hex4(s, 24);
  const g = hex4(s, 28);
  const h = hex4(s, 32);
  if ((a | b | c | d | e | f | g | h) < 0) return false;
  wordsRoom(to, 4);
  WORDS[to] = (a << 16) | b;
  WORDS[to + 1] = (c << 16) | d;
  WORDS[to + 2] = (e << 16) | f;
  WORDS[to + 3] = (g << 16) | h;
  return true;
}

/** Checks that `s` is S3's request id form (16 upper-case hex digits) and writes its two words at `to`. */
function readHex16(s: string, to: number): boolean {
  const a = hex4(s, 0, HEX_UPPER);
  const b = hex4(s, 4, HEX_UPPER);
  const c = hex4(s, 8, HEX_UPPER);
  const d = hex4(s, 12, HEX_UPPER);
  if ((a | b | c | d) < 0) return false;
  wordsRoom(to, 2);
  WORDS[to] = (a << 16) | b;
  WORDS[to + 1] = (c << 16) | d;
  return true;
}

function word(v: number): string {
  return HEX[(v >>> 24) & 255]! + HEX[(v >>> 16) & 255]! + HEX[(v >>> 8) & 255]! + HEX[v & 255]!;
}

/** The hex digits of byte `shift` bits up in `v`. */
function hexByte(v: number, shift: number): string {
  return HEX[(v >>> shift) & 255]!;
}

/** Written byte by byte, with no intermediate words to slice (about a third faster than slicing them). */
function unpackUuid(col: Int32Array, at: number): string {
  const a = col[at]!;
  const b = col[at + 1]!;
  const c = col[at + 2]!;
  const d = col[at + 3]!;
  return (
    hexByte(a, 24) + hexByte(a, 16) + hexByte(a, 8) + hexByte(a, 0) + '-' + hexByte(b, 24) + hexByte(b, 16) + '-' + hexByte(b, 8) + hexByte(b, 0) + '-' +
    hexByte(c, 24) + hexByte(c, 16) + '-' + hexByte(c, 8) + hexByte(c, 0) + hexByte(d, 24) + hexByte(d, 16) + hexByte(d, 8) + hexByte(d, 0)
  );
}

/** Kinds of packed values. A snapshot keeps a column of holes: STRING_HOLE (the next saved string) or the
 *  offset of the hole's words in the saved `packed` column with the kind in its top bits. */
const STRING_HOLE = -1;
const KIND_SHIFT = 29;
const OFFSET_MASK = (1 << KIND_SHIFT) - 1;
const UUID_KIND = 0;
const HEX16_KIND = 1;
const BASE64_KIND = 2;
const TIME_KIND = 3;

/** Seconds since 2000-01-01T00:00:00Z fit a non-negative 32-bit word until 2068. */
const TIME_BASE_S = Date.UTC(2000, 0, 1) / 1000;

function isoOfWord(w: number): string {
  return new Date((w + TIME_BASE_S) * 1000).toISOString().slice(0, 19) + 'Z';
}

/** The word for an ISO time to the second, if it is one that writes back to exactly the same text (isoOfWord):
 *  one as toISOString writes it (isoSecondsOf), from 2000 until the word runs out in 2068. */
export function timeWord(s: string): number | undefined {
  const seconds = isoSecondsOf(s);
  if (seconds === undefined) return undefined;
  const w = seconds - TIME_BASE_S;
  return w >= 0 && w < 2 ** 31 ? w : undefined;
}

/** How many packed words a hole of this kind takes at `at` (-1: not a packed kind). */
function packedWords(kind: number, col: Int32Array, at: number, length: number): number {
  switch (kind) {
    case UUID_KIND:
      return 4;
    case HEX16_KIND:
      return 2;
    case TIME_KIND:
      return 1;
    case BASE64_KIND:
      return at < length ? base64Words(col, at) : -1;
    default:
      return -1;
  }
}

/** Consecutive records mostly share their second: the last time written back is kept. */
let lastTime = { word: -1, text: '' };
function unpackTime(w: number): string {
  if (lastTime.word !== w) lastTime = { word: w, text: isoOfWord(w) };
  return lastTime.text;
}

function unpackAt(kind: number, col: Int32Array, at: number): string {
  switch (kind) {
    case UUID_KIND:
      return unpackUuid(col, at);
    case HEX16_KIND:
      return (word(col[at]!) + word(col[at + 1]!)).toUpperCase();
    case TIME_KIND:
      return unpackTime(col[at]!);
    default:
      return unpackBase64(col, at);
  }
}

/** The length of the packed value of this kind at `at` (what unpackAt writes), without unpacking it. */
function packedLength(kind: number, col: Int32Array, at: number): number {
  switch (kind) {
    case UUID_KIND:
      return 36;
    case HEX16_KIND:
      return 16;
    case TIME_KIND:
      return 20;
    default: {
      // readBase64's first word: the characters before the padding, shifted, and the '=' count.
      const w = col[at]!;
      return (w >>> 2) + (w & 3);
    }
  }
}

/** Template parts' UTF-8 length, by parts array (a template's parts never change). */
const partsBytes = new WeakMap<readonly string[], number>();
function partsUtf8Length(parts: readonly string[]): number {
  let n = partsBytes.get(parts);
  if (n === undefined) {
    n = 0;
    for (const p of parts) n += utf8Length(p);
    partsBytes.set(parts, n);
  }
  return n;
}

/** Where `v` starts inside the first `"v"` at or after `from` (the opening quote's position + 1), or -1;
 *  found without building the quoted string. */
function quotedAt(text: string, v: string, from: number): number {
  for (let at = text.indexOf(v, from + 1); at >= 0; at = text.indexOf(v, at + 1)) {
    if (text.charCodeAt(at - 1) === 34 && text.charCodeAt(at + v.length) === 34) return at;
  }
  return -1;
}

/** From this many templates under one signature on, a template is found by its content (contentIndex). */
const MANY_PER_SIGNATURE = 8;
/** A template's key in contentIndex: findTemplate builds the same from a text and its cuts. */
function contentKey(parts: readonly string[]): string {
  return `${parts.length - 1}:${parts.join('\u0000')}`;
}

/** A template's signature: a hash of its parts' lengths in order (FNV-1a over the lengths). Different templates
 *  may share one; a template found by it is always confirmed part by part. */
const SIGNATURE_SEED = 0x811c9dc5;
/** Signed 32 bits, not `>>> 0`: the same bits, but a small integer to V8 (on 64-bit Node), where half the
 *  unsigned values were heap numbers, allocated and hashed as doubles by the Map on every lookup. */
function signatureStep(h: number, length: number): number {
  return Math.imul(h ^ length, 0x01000193) | 0;
}
export function signatureOf(parts: readonly string[]): number {
  let h = SIGNATURE_SEED;
  for (const p of parts) h = signatureStep(h, p.length);
  return h;
}

/** The longest value packed as base64 words (see kindOf). */
const MAX_PACKED_CHARS = 1 << 16;

const CUTS: number[] = [];
const HOLES: string[] = [];
const KINDS: number[] = [];

/** A text's holes' kinds, three bits a hole: the kinds above, or STRING (then one word in `packed`, the
 *  string's number). The first ten are in the text's `kinds` word; any more lead its packed words, ten a word. */
const STRING_KIND = 4;
const KINDS_PER_WORD = 10;
/** Bit 2 of every three-bit kind: set only for STRING_KIND. */
const STRING_BITS = 0x24924924;

function extraKindWords(holes: number): number {
  return holes > KINDS_PER_WORD ? Math.ceil((holes - KINDS_PER_WORD) / KINDS_PER_WORD) : 0;
}

/** Writes a text's `n` hole kinds: the first ten into its `kinds` word, any more into `col` from `to` on (the
 *  start of the text's packed words), ten a word; returns where its hole words start. */
function pushKinds(kinds: readonly number[], n: number, into: IntColumn, col: Int32Array, to: number): number {
  let word = 0;
  for (let i = 0; i < n && i < KINDS_PER_WORD; i++) word |= kinds[i]! << (3 * i);
  into.push(word);
  for (let i = KINDS_PER_WORD; i < n; i += KINDS_PER_WORD) {
    let more = 0;
    for (let j = 0; j < KINDS_PER_WORD && i + j < n; j++) more |= kinds[i + j]! << (3 * j);
    col[to++] = more;
  }
  return to;
}

/** Packed words a hole of a non-string kind takes at `at` (in a column known to hold it). */
function wordsAt(kind: number, col: Int32Array, at: number): number {
  return packedWords(kind, col, at, col.length);
}

/** A store's columns as it keeps them: its templates, per text the template, where its words start in `packed`
 *  and its holes' kinds (three bits a hole; past ten holes, extra kind words open its words), and its strings
 *  (a STRING hole's word is its number, `strings[word - stringBase]`). The four number columns are copies made
 *  for the reader (the store keeps them in chunks); the templates and strings are the store's own. */
export interface TextsLayout {
  templates: readonly (readonly string[])[];
  template: Int32Array;
  packedAt: Int32Array;
  kinds: Int32Array;
  packed: Int32Array;
  strings: readonly string[];
  stringBase: number;
}

/**
 * The saved form of a store's layout: a column of holes (kind, and place in the saved `packed`, of each) and one
 * of where each text's holes and strings start. A pure function of the layout, so it can run on another thread.
 * Every column is made once at its size (pushing millions of words into growing columns took most of a save).
 */
export function savedTexts(l: TextsLayout, writeBytes: BytesWriter = toBase64): TemplatedTextsColumnsSnapshot {
  const n = l.template.length;
  const holesOf = l.templates.map((t) => t.length - 1);
  let holeCount = 0;
  for (let id = 0; id < n; id++) holeCount += holesOf[l.template[id]!]!;
  const holesAt = new Int32Array(n);
  const stringsAt = new Int32Array(n);
  const holeKinds = new Int32Array(holeCount);
  // At most the words kept now: the saved form drops the extra kind words and the string numbers.
  const packed = new Int32Array(l.packed.length);
  let kindsLength = 0;
  let packedLength = 0;
  const strings: string[] = [];
  const col = l.packed;
  for (let id = 0; id < n; id++) {
    const holes = holesOf[l.template[id]!]!;
    holesAt[id] = kindsLength;
    stringsAt[id] = strings.length;
    const start = l.packedAt[id]!;
    let at = start + extraKindWords(holes);
    let word = l.kinds[id]!;
    for (let i = 0; i < holes; i++) {
      const slot = i % KINDS_PER_WORD;
      // Past the first ten holes the kinds continue in the extra words at the start of the text's words.
      if (slot === 0 && i > 0) word = col[start + i / KINDS_PER_WORD - 1]!;
      const kind = (word >>> (3 * slot)) & 7;
      if (kind === STRING_KIND) {
        holeKinds[kindsLength++] = STRING_HOLE;
        strings.push(l.strings[col[at++]! - l.stringBase]!);
      } else {
        holeKinds[kindsLength++] = (kind << KIND_SHIFT) | packedLength;
        for (let w = wordsAt(kind, col, at); w > 0; w--) packed[packedLength++] = col[at++]!;
      }
    }
  }
  const bytes = (words: Int32Array, length: number) => writeBytes(new Uint8Array(words.buffer, words.byteOffset, length * 4));
  return {
    templates: l.templates.map((t) => [...t]),
    columns: { template: bytes(l.template, n), holesAt: bytes(holesAt, n), stringsAt: bytes(stringsAt, n), holeKinds: bytes(holeKinds, kindsLength), packed: bytes(packed, packedLength) },
    strings,
  };
}

export class TemplatedTexts {
  private templates: string[][] = [];
  /** Templates by signature (a hash of their parts' lengths); different templates may share one. */
  private templateIds = new Map<number, number | number[]>();
  /** See contentIndex. */
  private byContent = new Map<number, { byKey: Map<string, number>; count: number }>();
  /** Per text: its template, where its words start in `packed`, and its holes' kinds (three bits a hole).
   *  Three words a text: a hole's place is found by walking the text's few holes, not kept per hole. */
  private template = new IntColumn();
  private packedAt = new IntColumn();
  private kinds = new IntColumn();
  private packed = new IntColumn();
  /** Values kept as strings; a STRING hole's word is its number, `strings[word - stringBase]`. */
  private strings: string[] = [];
  private stringBase = 0;
  /** The last string value seen at each hole position (repeats are shared, not copied). */
  private lastByPosition: string[] = [];
  /** The last time packed, as text and word (eventTime repeats within a second). */
  private lastTimeText = '';
  private lastTimeWord = 0;

  get size(): number {
    return this.template.length;
  }

  /** Stores `text`, cut at each of `values` that it contains as a whole JSON string, in the order given. */
  add(text: string, values: readonly (string | undefined)[]): number {
    // Where the holes are, then a cheap signature (the parts' lengths); a template with that signature is
    // confirmed part by part in place, so no copy of the text is made per call.
    // Scratch arrays shared by every call (add is never re-entered): no arrays made per text. `n` holes found.
    const cuts = CUTS;
    const holes = HOLES;
    const kinds = KINDS;
    let n = 0;
    let from = 0;
    // Words of the holes found so far, at the start of WORDS.
    let words = 0;
    // A raw NUL (never in JSON.stringify output) could make two different cuts share a template key. This search
    // also flattens a text built by concatenation (recordText's) in one go: skipping it for record texts cost
    // more in the value searches below than it saved (profiled: their share of a busy run, 1.6% → 5.1%).
    if (!text.includes('\u0000')) {
      for (const v of values) {
        if (!v) continue;
        // Packed kinds never hold a character JSON escapes; other values are searched for only without one.
        // The value's words go after the found holes' words; a value not found leaves them to the next.
        const kind = this.kindOf(v, words);
        if (kind === STRING_KIND && NEEDS_ESCAPE.test(v)) continue;
        const at = quotedAt(text, v, from);
        if (at < 0) continue;
        if (kind !== STRING_KIND) words += wordsAt(kind, WORDS, words);
        cuts[n] = at;
        holes[n] = v;
        kinds[n] = kind;
        n++;
        from = at + v.length;
      }
    }
    let signature = SIGNATURE_SEED;
    let start = 0;
    for (let i = 0; i < n; i++) {
      signature = signatureStep(signature, cuts[i]! - start);
      start = cuts[i]! + holes[i]!.length;
    }
    signature = signatureStep(signature, text.length - start);
    let tid = this.findTemplate(signature, text, cuts, holes, n);
    if (tid === undefined) {
      const parts: string[] = [];
      start = 0;
      for (let i = 0; i < n; i++) {
        parts.push(text.slice(start, cuts[i]));
        start = cuts[i]! + holes[i]!.length;
      }
      parts.push(text.slice(start));
      // Own copies, not slices that would keep the whole first text alive.
      tid = this.addTemplate(parts.map((p) => (p.length > 12 ? (JSON.parse(JSON.stringify([p])) as string[])[0]! : p)));
    }
    const id = this.template.length;
    const packed = this.packed;
    this.template.push(tid);
    // The text's words in one chunk: its extra kind words, then every hole's (the packed kinds' from WORDS, in
    // hole order, and a number per STRING hole; `n` is room enough for those).
    const size = extraKindWords(n) + words + n;
    const first = packed.reserve(size);
    this.packedAt.push(first);
    const col = packed.chunkOf(first);
    let to = pushKinds(kinds, n, this.kinds, col, first & CHUNK_MASK);
    let w = 0;
    for (let i = 0; i < n; i++) {
      const kind = kinds[i]!;
      if (kind !== STRING_KIND) {
        for (let end = w + wordsAt(kind, WORDS, w); w < end; w++) col[to++] = WORDS[w]!;
        continue;
      }
      const h = holes[i]!;
      col[to++] = this.stringBase + this.strings.length;
      const last = this.lastByPosition[i];
      if (last === h) this.strings.push(last);
      else {
        const own = ownCopy(h);
        this.lastByPosition[i] = own;
        this.strings.push(own);
      }
    }
    packed.length = first - (first & CHUNK_MASK) + to;
    return id;
  }

  /** How a value is kept: packed into words of one of the kinds (written at `at` in WORDS), or as a string. */
  private kindOf(v: string, at: number): number {
    switch (v.length) {
      case 36:
        // Not a UUID: still packed if it is in the base64 alphabet, as any other long value.
        if (readUuid(v, at)) return UUID_KIND;
        break;
      case 16:
        return readHex16(v, at) ? HEX16_KIND : STRING_KIND;
      case 20:
        if (v !== this.lastTimeText && !this.rememberTime(v)) return STRING_KIND;
        wordsRoom(at, 1);
        WORDS[at] = this.lastTimeWord;
        return TIME_KIND;
    }
    // A value of more than 64 K characters is kept as a string: a text's packed words must fit in one chunk of
    // the column (int-column.ts), and ten such values would not.
    return v.length >= 24 && v.length <= MAX_PACKED_CHARS && readBase64(v, at) > 0 ? BASE64_KIND : STRING_KIND;
  }

  /** True if `h` packs as a time; it is then the last time packed. */
  private rememberTime(h: string): boolean {
    const w = timeWord(h);
    if (w === undefined) return false;
    this.lastTimeText = h;
    this.lastTimeWord = w;
    return true;
  }

  /** Stores a template and files it under its signature (its parts' lengths, as `add` computes it). */
  private addTemplate(parts: string[]): number {
    const tid = this.templates.length;
    this.templates.push(parts);
    const signature = signatureOf(parts);
    const same = this.templateIds.get(signature);
    if (same === undefined) this.templateIds.set(signature, tid);
    else if (typeof same === 'number') this.templateIds.set(signature, [same, tid]);
    else same.push(tid);
    return tid;
  }

  /** The template of a text with `n` holes (`cuts[i]`, `holes[i]`), if one is stored. */
  private findTemplate(signature: number, text: string, cuts: number[], holes: string[], n: number): number | undefined {
    const found = this.templateIds.get(signature);
    if (found === undefined) return undefined;
    // Nearly every signature has one template: it is tried without an array made for it.
    if (typeof found === 'number') return this.fits(found, text, cuts, holes, n) ? found : undefined;
    if (found.length >= MANY_PER_SIGNATURE) {
      let key = `${n}:${text.slice(0, n > 0 ? cuts[0] : text.length)}`;
      for (let i = 0; i < n; i++) key += `\u0000${text.slice(cuts[i]! + holes[i]!.length, i + 1 < n ? cuts[i + 1] : text.length)}`;
      return this.contentIndex(signature, found).get(key);
    }
    for (const tid of found) if (this.fits(tid, text, cuts, holes, n)) return tid;
    return undefined;
  }

  /**
   * The templates filed under one signature, by their number of holes and their parts joined with NUL (which
   * no cut text holds), for a signature that many templates share. Records whose texts differ in a value that is not cut but keeps its
   * width (a new VPC's id, an instance's, a session's keys) each make a template, all of one signature: tried
   * one by one, 5,000 CreateVpc calls took 0.7 ms each and 20,000 took 4.6 ms. A text fits at most one
   * template, so the one found is the one the search would find. Built as the signature's list grows (it
   * only grows; a store made from another builds its own).
   */
  private contentIndex(signature: number, tids: readonly number[]): Map<string, number> {
    let index = this.byContent.get(signature);
    if (index === undefined) this.byContent.set(signature, (index = { byKey: new Map(), count: 0 }));
    for (; index.count < tids.length; index.count++) {
      const tid = tids[index.count]!;
      index.byKey.set(contentKey(this.templates[tid]!), tid);
    }
    return index.byKey;
  }

  /** Whether template `tid` is `text` cut at its `n` holes. */
  private fits(tid: number, text: string, cuts: number[], holes: string[], n: number): boolean {
    const parts = this.templates[tid]!;
    // The signature is a hash: the number of parts and each part's exact span are checked too.
    if (parts.length !== n + 1) return false;
    let start = 0;
    for (let i = 0; i < parts.length; i++) {
      // substring + === compares in native code; startsWith(part, offset) was ~80× slower on V8.
      const part = parts[i]!;
      const end = i < n ? cuts[i]! : text.length;
      if (end - start !== part.length || text.substring(start, end) !== part) return false;
      if (i < n) start = cuts[i]! + holes[i]!.length;
    }
    return true;
  }

  /** The parts of text `id`'s template: one array per template, the same for every text of it and never
   *  changed (a reader may key what it learns of a template on it). */
  templateParts(id: number): readonly string[] {
    return this.templates[this.template.at(id)]!;
  }

  /** Whether every hole of text `id` holds a packed value (a UUID, hex, time or base64 characters: ASCII, with
   *  nothing JSON escapes), none kept as a string. */
  packedOnly(id: number): boolean {
    const holes = this.templates[this.template.at(id)]!.length - 1;
    return holes <= KINDS_PER_WORD && (this.kinds.at(id) & STRING_BITS) === 0;
  }

  /** The kind of hole `i` of text `id`. */
  private kindAt(id: number, i: number): number {
    if (i < KINDS_PER_WORD) return (this.kinds.at(id) >>> (3 * i)) & 7;
    const j = i - KINDS_PER_WORD;
    return (this.packed.at(this.packedAt.at(id) + Math.floor(j / KINDS_PER_WORD)) >>> (3 * (j % KINDS_PER_WORD))) & 7;
  }

  /** The holes' values of text `id`, in order. */
  values(id: number): string[] {
    const holes = this.templates[this.template.at(id)]!.length - 1;
    const start = this.packedAt.at(id);
    const col = this.packed.chunkOf(start);
    const out: string[] = [];
    let at = (start & CHUNK_MASK) + extraKindWords(holes);
    for (let i = 0; i < holes; i++) {
      const kind = this.kindAt(id, i);
      if (kind === STRING_KIND) out.push(this.strings[col[at++]! - this.stringBase]!);
      else {
        out.push(unpackAt(kind, col, at));
        at += wordsAt(kind, col, at);
      }
    }
    return out;
  }

  /** The value of hole `hole` of text `id` (the earlier holes' words are skipped, not unpacked). */
  valueAt(id: number, hole: number): string {
    const holes = this.templates[this.template.at(id)]!.length - 1;
    if (hole < 0 || hole >= holes) throw new RangeError(`templated texts: text ${id} has no hole ${hole}`);
    const start = this.packedAt.at(id);
    const col = this.packed.chunkOf(start);
    let at = (start & CHUNK_MASK) + extraKindWords(holes);
    for (let i = 0; i < hole; i++) {
      const kind = this.kindAt(id, i);
      at += kind === STRING_KIND ? 1 : wordsAt(kind, col, at);
    }
    const kind = this.kindAt(id, hole);
    return kind === STRING_KIND ? this.strings[col[at]! - this.stringBase]! : unpackAt(kind, col, at);
  }

  /** The UTF-8 length of text `id`, without making the text: its template parts' (worked out once per template)
   *  and its values' (packed values are ASCII, their lengths known from their kind). */
  utf8Length(id: number): number {
    const parts = this.templates[this.template.at(id)]!;
    let n = partsUtf8Length(parts);
    const holes = parts.length - 1;
    if (holes === 0) return n;
    const start = this.packedAt.at(id);
    const col = this.packed.chunkOf(start);
    let at = (start & CHUNK_MASK) + extraKindWords(holes);
    for (let i = 0; i < holes; i++) {
      const kind = this.kindAt(id, i);
      if (kind === STRING_KIND) n += utf8Length(this.strings[col[at++]! - this.stringBase]!);
      else {
        n += packedLength(kind, col, at);
        at += wordsAt(kind, col, at);
      }
    }
    return n;
  }

  /** Text `id` as it was stored: its template's parts with its values between them (no array of values). */
  get(id: number): string {
    const parts = this.templates[this.template.at(id)]!;
    const holes = parts.length - 1;
    if (holes === 0) return parts[0]!;
    const start = this.packedAt.at(id);
    const col = this.packed.chunkOf(start);
    let at = (start & CHUNK_MASK) + extraKindWords(holes);
    let text = parts[0]!;
    for (let i = 0; i < holes; i++) {
      const kind = this.kindAt(id, i);
      if (kind === STRING_KIND) text += this.strings[col[at++]! - this.stringBase]!;
      else {
        text += unpackAt(kind, col, at);
        at += wordsAt(kind, col, at);
      }
      text += parts[i + 1]!;
    }
    return text;
  }

  /** Own template ids of another store's templates, found by content (templates never change). */
  private adopted = new WeakMap<TemplatedTexts, Map<number, number>>();

  /** Stores text `id` of `other` exactly as `add` would have stored it (same template, same holes), by
   *  copying its words instead of cutting and classifying the text again. */
  copyFrom(other: TemplatedTexts, id: number): number {
    let mine = this.adopted.get(other);
    if (!mine) this.adopted.set(other, (mine = new Map()));
    const otid = other.template.at(id);
    let tid = mine.get(otid);
    if (tid === undefined) {
      const parts = other.templates[otid]!;
      tid = this.templateLike(parts) ?? this.addTemplate(parts);
      mine.set(otid, tid);
    }
    const holes = other.templates[otid]!.length - 1;
    const from = other.packedAt.at(id);
    const src = other.packed.chunkOf(from);
    const s0 = from & CHUNK_MASK;
    const extra = extraKindWords(holes);
    // The text's words are in one chunk there and go into one chunk here: counted first, then copied, each
    // STRING hole's number made this store's.
    let size = extra;
    for (let i = 0; i < holes; i++) {
      const kind = other.kindAt(id, i);
      size += kind === STRING_KIND ? 1 : wordsAt(kind, src, s0 + size);
    }
    const out = this.template.length;
    this.template.push(tid);
    const first = this.packed.reserve(size);
    this.packedAt.push(first);
    this.kinds.push(other.kinds.at(id));
    const dst = this.packed.chunkOf(first);
    const d0 = first & CHUNK_MASK;
    let w = 0;
    for (; w < extra; w++) dst[d0 + w] = src[s0 + w]!;
    for (let i = 0; i < holes; i++) {
      const kind = other.kindAt(id, i);
      if (kind === STRING_KIND) {
        dst[d0 + w] = this.stringBase + this.strings.length;
        this.strings.push(other.strings[src[s0 + w]! - other.stringBase]!);
        w++;
      } else {
        for (let end = w + wordsAt(kind, src, s0 + w); w < end; w++) dst[d0 + w] = src[s0 + w]!;
      }
    }
    this.packed.length = first + size;
    return out;
  }

  /** The first own template with exactly these parts (the one `add` would find for a text of that shape). */
  private templateLike(parts: readonly string[]): number | undefined {
    const signature = signatureOf(parts);
    const found = this.templateIds.get(signature);
    if (found === undefined) return undefined;
    if (typeof found !== 'number' && found.length >= MANY_PER_SIGNATURE) return this.contentIndex(signature, found).get(contentKey(parts));
    for (const tid of typeof found === 'number' ? [found] : found) {
      const own = this.templates[tid]!;
      if (own.length === parts.length && own.every((p, i) => p === parts[i])) return tid;
    }
    return undefined;
  }

  /** Whether text `id` has a STRING hole (its number is then its first STRING hole's word). */
  private firstStringOf(id: number): number | undefined {
    const holes = this.templates[this.template.at(id)]!.length - 1;
    if (holes <= KINDS_PER_WORD && (this.kinds.at(id) & STRING_BITS) === 0) return undefined;
    const start = this.packedAt.at(id);
    const col = this.packed.chunkOf(start);
    let at = (start & CHUNK_MASK) + extraKindWords(holes);
    for (let i = 0; i < holes; i++) {
      const kind = this.kindAt(id, i);
      if (kind === STRING_KIND) return col[at]!;
      at += wordsAt(kind, col, at);
    }
    return undefined;
  }

  /** A store holding the texts from `first` on, renumbered 0, 1, 2…: `keep` for a contiguous suffix (what
   *  expiry leaves), done with bulk copies. It keeps every template, used or not (there are few). It replaces
   *  this store, which must not be used after: the new one holds its packed words' chunks, not copies. */
  keepFrom(first: number): TemplatedTexts {
    const next = new TemplatedTexts();
    const n = this.template.length;
    if (first >= n) return next.withTemplatesOf(this);
    // The packed words are kept from the chunk holding the first kept text's, so every text's words stay within
    // one chunk (the few words before it in that chunk are kept unread).
    const p0 = this.packedAt.at(first) - (this.packedAt.at(first) & CHUNK_MASK);
    // String numbers rise with the texts: the kept strings start at the first one a kept text holds.
    let s0: number | undefined;
    for (let id = first; s0 === undefined && id < n; id++) s0 = this.firstStringOf(id);
    s0 ??= this.stringBase + this.strings.length;
    next.template = this.template.from(first);
    next.packedAt = this.packedAt.from(first, -p0);
    next.kinds = this.kinds.from(first);
    // This store is being replaced by the new one (EventStore's compaction): its packed words are handed over.
    next.packed = this.packed.takeFrom(p0);
    next.strings = this.strings.slice(s0 - this.stringBase);
    next.stringBase = s0;
    return next.withTemplatesOf(this);
  }

  private withTemplatesOf(other: TemplatedTexts): this {
    this.templates = [...other.templates];
    // Lists of ids are grown in place by addTemplate: each store gets its own.
    this.templateIds = new Map(Array.from(other.templateIds, ([k, v]) => [k, typeof v === 'number' ? v : [...v]]));
    return this;
  }

  /** A store holding only the texts at `ids` (ascending), renumbered 0, 1, 2…, and only their templates (in
   *  the order first used). */
  keep(ids: readonly number[]): TemplatedTexts {
    const next = new TemplatedTexts();
    for (const id of ids) next.copyFrom(this, id);
    return next;
  }

  /** Plain JSON data: the templates in use, the texts' columns as base64 of their 32-bit words (little-endian),
   *  and the values kept as strings. Saving a busy history is then a copy of a few arrays, not a string per
   *  value (a 100,000-record history: about a second less of the worker's time per save). */
  snapshot(ids: readonly number[]): TemplatedTextsSnapshot {
    return this.keep(ids).snapshotAll();
  }

  /** The whole store as `snapshot` writes it, ids unchanged, without the copy `keep` makes. */
  snapshotAll(): TemplatedTextsColumnsSnapshot {
    return savedTexts(this.layout());
  }

  /** The whole store as `out` writes it: a writer that takes the store's layout (`texts`) gets copies of its
   *  number columns and its live templates and strings, and saves what it returns; otherwise as `snapshotAll`. */
  snapshotTo(out: SnapshotWriter): Json {
    return out.texts ? out.texts(this.layout(out.columns)) : (savedTexts(this.layout(), out.bytes) as unknown as Json);
  }

  private layout(array?: (length: number) => Int32Array): TextsLayout {
    return {
      templates: this.templates,
      template: this.template.toArray(0, this.template.length, array),
      packedAt: this.packedAt.toArray(0, this.packedAt.length, array),
      kinds: this.kinds.toArray(0, this.kinds.length, array),
      packed: this.packed.toArray(0, this.packed.length, array),
      strings: this.strings,
      stringBase: this.stringBase,
    };
  }

  /** A store from its snapshot, every column checked, so a corrupt save is refused instead of misread. */
  static fromSnapshot(s: TemplatedTextsColumnsSnapshot): TemplatedTexts {
    const bad = (what: string): never => {
      throw new Error(`templated texts snapshot: ${what}`);
    };
    if (!Array.isArray(s.templates) || !s.templates.every((t) => Array.isArray(t) && t.length > 0 && t.every((p) => typeof p === 'string'))) bad('malformed template');
    // A value holding a character JSON escapes is never cut (add): one here was not written by a store, and would
    // make a text that is not the JSON it was (readers that trust a template's first text to speak for the rest).
    if (!Array.isArray(s.strings) || !s.strings.every((x) => typeof x === 'string' && !NEEDS_ESCAPE.test(x))) bad('malformed strings');
    const c = s.columns as Record<string, unknown> | null;
    const column = (name: string): Int32Array => {
      const text = c?.[name];
      if (typeof text !== 'string') return bad(`no column ${name}`);
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(text);
      } catch {
        return bad(`column ${name} is not base64`);
      }
      if (bytes.length % 4 !== 0) bad(`column ${name} is not whole words`);
      return new Int32Array(bytes.slice().buffer);
    };
    const template = column('template');
    const holesAt = column('holesAt');
    const stringsAt = column('stringsAt');
    const holeKinds = column('holeKinds');
    const saved = column('packed');
    const t = new TemplatedTexts();
    for (const parts of s.templates) t.addTemplate([...parts]);
    const n = template.length;
    if (holesAt.length !== n || stringsAt.length !== n) bad('columns of different lengths');
    let hole = 0;
    let strings = 0;
    for (let id = 0; id < n; id++) {
      const parts = t.templates[template[id]!];
      if (!parts) bad(`no template ${template[id]!}`);
      if (holesAt[id] !== hole || stringsAt[id] !== strings) bad('hole positions out of order');
      const holes = parts!.length - 1;
      const kinds: number[] = [];
      const words: number[] = [];
      for (let h = 0; h < holes; h++) {
        const kind = holeKinds[hole++];
        if (kind === undefined) bad('too few holes');
        if (kind === STRING_HOLE) {
          if (strings >= s.strings.length) bad('strings do not match their holes');
          kinds.push(STRING_KIND);
          words.push(strings++);
        } else {
          const at = kind! & OFFSET_MASK;
          const type = kind! >>> KIND_SHIFT;
          const size = packedWords(type, saved, at, saved.length);
          if (size < 0 || at + size > saved.length) bad('a packed value outside its column');
          kinds.push(type);
          for (let w = 0; w < size; w++) words.push(saved[at + w]!);
        }
      }
      t.template.push(template[id]!);
      const first = t.packed.reserve(extraKindWords(holes) + words.length);
      t.packedAt.push(first);
      const col = t.packed.chunkOf(first);
      let to = pushKinds(kinds, holes, t.kinds, col, first & CHUNK_MASK);
      for (const w of words) col[to++] = w;
      t.packed.length = first - (first & CHUNK_MASK) + to;
    }
    if (hole !== holeKinds.length) bad('too many holes');
    if (strings !== s.strings.length) bad('strings do not match their holes');
    t.strings = [...s.strings];
    return t;
  }

  /** Every text of a snapshot, in order (validated: a malformed snapshot throws instead of giving wrong texts). */
  static textsOf(snapshot: TemplatedTextsSnapshot): string[] {
    if ('columns' in snapshot) {
      const t = TemplatedTexts.fromSnapshot(snapshot);
      return Array.from({ length: t.size }, (_, i) => t.get(i));
    }
    const s = snapshot;
    if (!Array.isArray(s.templates) || !Array.isArray(s.template) || !Array.isArray(s.values)) throw new Error('templated texts snapshot: malformed');
    if (!s.templates.every((t) => Array.isArray(t) && t.length > 0 && t.every((p) => typeof p === 'string'))) throw new Error('templated texts snapshot: malformed template');
    const out: string[] = [];
    let v = 0;
    for (const tid of s.template) {
      const parts = s.templates[tid];
      if (!parts) throw new Error(`templated texts snapshot: no template ${String(tid)}`);
      let text = parts[0]!;
      for (let i = 1; i < parts.length; i++) {
        const value = s.values[v++];
        if (typeof value !== 'string') throw new Error('templated texts snapshot: too few values');
        text += value + parts[i]!;
      }
      out.push(text);
    }
    if (v !== s.values.length) throw new Error('templated texts snapshot: too many values');
    return out;
  }
}

/** The first snapshot form: values as strings (still read). */
export interface TemplatedTextsValuesSnapshot {
  templates: string[][];
  template: number[];
  values: string[];
}

export interface TemplatedTextsColumnsSnapshot {
  templates: string[][];
  columns: { template: string; holesAt: string; stringsAt: string; holeKinds: string; packed: string };
  strings: string[];
}

export type TemplatedTextsSnapshot = TemplatedTextsValuesSnapshot | TemplatedTextsColumnsSnapshot;
