// Many similar JSON texts kept small. CloudTrail records written by the same caller for the same call differ
// only in a few values (eventTime, requestID, eventID, S3's x-amz-id-2): each text is cut at those values into
// a template shared by all texts of the same shape, plus the values themselves. Values of the usual kinds are
// packed into 32-bit words: a lower-case UUID into 16 bytes, S3's upper-case 16-digit request id into 8, a
// base64-alphabet value (S3's x-amz-id-2) at six bits a character, an ISO time to the second (eventTime) into
// one. `get` rebuilds the exact original text.

import { fromBase64, toBase64 } from './format';
import { IntColumn } from './int-column';

/** JSON.stringify writes these characters escaped, so a value holding one is not found verbatim. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029]/;
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A value cut from a bigger text may be a slice that keeps the whole text alive (V8 slices strings of 13
 *  characters or more): keep a copy of its own. */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}


/** Hex digits of either case (the caller has checked them). */
function hexValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    v = (v << 4) | (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return v | 0;
}

const HEX16_UPPER = /^[0-9A-F]{16}$/;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each base64 character's six bits, by character code (the caller has checked the alphabet). */
const B64_BITS = new Int8Array(128);
for (let i = 0; i < B64.length; i++) B64_BITS[B64.charCodeAt(i)] = i;
/** 1 for the characters of the base64 alphabet (not '='), by character code. */
const IS_B64 = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) IS_B64[B64.charCodeAt(i)] = 1;

/** What /^[A-Za-z0-9+/]+={0,2}$/ accepts, checked without a regular expression (every S3 record has one). */
function isBase64(s: string): boolean {
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  if (end === 0) return false;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || IS_B64[c] === 0) return false;
  }
  return true;
}

/** A text in the base64 alphabet (S3's x-amz-id-2), five characters of six bits a word, after a word holding
 *  the length and the number of '=' at the end. Exact for any such text, canonical base64 or not. */
function packBase64(s: string, into: IntColumn): void {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  into.push((end << 2) | (s.length - end));
  for (let i = 0; i < end; i += 5) {
    let w = 0;
    for (let j = 0; j < 5; j++) w = (w << 6) | (i + j < end ? B64_BITS[s.charCodeAt(i + j)]! : 0);
    into.push(w);
  }
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

/** The four words of the last UUID `readUuid` accepted: its 32 hex digits, eight a word. */
const UUID_WORDS = new Int32Array(4);

/** Checks that `s` is a lower-case canonical UUID (8-4-4-4-12) and reads its words in the same pass (every
 *  record holds two or three UUIDs, and every store checks each). */
function readUuid(s: string): boolean {
  if (s.length !== 36) return false;
  let w = 0;
  let digits = 0;
  let word = 0;
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45 /* - */) return false;
      continue;
    }
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return false;
    w = (w << 4) | d;
    if (++digits === 8) {
      UUID_WORDS[word++] = w;
      w = 0;
      digits = 0;
    }
  }
  return true;
}

function word(v: number): string {
  return HEX[(v >>> 24) & 255]! + HEX[(v >>> 16) & 255]! + HEX[(v >>> 8) & 255]! + HEX[v & 255]!;
}

function unpackUuid(col: Int32Array, at: number): string {
  const b = word(col[at + 1]!);
  const c = word(col[at + 2]!);
  return `${word(col[at]!)}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${word(col[at + 3]!)}`;
}

/** Holes: a plain string in `strings` (STRING_HOLE), or packed words in `packed`: the hole's entry is the
 *  words' offset with the kind in its top bits. */
const STRING_HOLE = -1;
const KIND_SHIFT = 29;
const OFFSET_MASK = (1 << KIND_SHIFT) - 1;
const UUID_KIND = 0;
const HEX16_KIND = 1;
const BASE64_KIND = 2;
const TIME_KIND = 3;

/** Seconds since 2000-01-01T00:00:00Z fit a non-negative 32-bit word until 2068. */
const TIME_BASE_S = Date.UTC(2000, 0, 1) / 1000;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function isoOfWord(w: number): string {
  return new Date((w + TIME_BASE_S) * 1000).toISOString().slice(0, 19) + 'Z';
}

/** The word for an ISO time to the second, if it is one that writes back to exactly the same text. */
function timeWord(s: string): number | undefined {
  if (s.length !== 20 || !ISO_SECONDS.test(s)) return undefined;
  const w = Date.parse(s) / 1000 - TIME_BASE_S;
  return Number.isInteger(w) && w >= 0 && w < 2 ** 31 && isoOfWord(w) === s ? w : undefined;
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

function unpack(col: Int32Array, entry: number): string {
  const at = entry & OFFSET_MASK;
  switch (entry >>> KIND_SHIFT) {
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

/** Where `v` starts inside the first `"v"` at or after `from` (the opening quote's position + 1), or -1;
 *  found without building the quoted string. */
function quotedAt(text: string, v: string, from: number): number {
  for (let at = text.indexOf(v, from + 1); at >= 0; at = text.indexOf(v, at + 1)) {
    if (text.charCodeAt(at - 1) === 34 && text.charCodeAt(at + v.length) === 34) return at;
  }
  return -1;
}

/** A template's signature: a hash of its parts' lengths in order (FNV-1a over the lengths). Different templates
 *  may share one; a template found by it is always confirmed part by part. */
const SIGNATURE_SEED = 0x811c9dc5;
function signatureStep(h: number, length: number): number {
  return Math.imul(h ^ length, 0x01000193) >>> 0;
}
export function signatureOf(parts: readonly string[]): number {
  let h = SIGNATURE_SEED;
  for (const p of parts) h = signatureStep(h, p.length);
  return h;
}

const CUTS: number[] = [];
const HOLES: string[] = [];
const KINDS: number[] = [];
/** The packed words of each UUID hole of the text being added, four a hole. */
let UUID_HOLE_WORDS = new Int32Array(64);

export class TemplatedTexts {
  private templates: string[][] = [];
  /** Templates by signature (a hash of their parts' lengths); different templates may share one. */
  private templateIds = new Map<number, number | number[]>();
  /** Per text: its template, and where its holes start in `holeKinds`. */
  private template = new IntColumn();
  private holesAt = new IntColumn();
  /** Per hole: the offset of its packed UUID, or STRING_HOLE (then the next entry of `strings`). */
  private holeKinds = new IntColumn();
  private stringsAt = new IntColumn();
  private packed = new IntColumn();
  private strings: string[] = [];
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
    // A raw NUL (never in JSON.stringify output) could make two different cuts share a template key.
    if (!text.includes('\u0000')) {
      for (const v of values) {
        if (!v) continue;
        // Packed kinds never hold a character JSON escapes; other values are searched for only without one.
        const kind = this.kindOf(v);
        if (kind === STRING_HOLE && NEEDS_ESCAPE.test(v)) continue;
        const at = quotedAt(text, v, from);
        if (at < 0) continue;
        // A UUID's words as kindOf just read them (kept per hole: the next value's check overwrites them).
        if (kind === UUID_KIND) {
          if (4 * n + 4 > UUID_HOLE_WORDS.length) UUID_HOLE_WORDS = Int32Array.from({ length: 2 * UUID_HOLE_WORDS.length }, (_, k) => UUID_HOLE_WORDS[k] ?? 0);
          UUID_HOLE_WORDS.set(UUID_WORDS, 4 * n);
        }
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
    this.template.push(tid);
    this.holesAt.push(this.holeKinds.length);
    this.stringsAt.push(this.strings.length);
    for (let i = 0; i < n; i++) {
      const h = holes[i]!;
      const at = this.packed.length;
      const kind = kinds[i]!;
      if (kind !== STRING_HOLE) this.holeKinds.push((kind << KIND_SHIFT) | at);
      if (kind === UUID_KIND) {
        for (let w = 0; w < 4; w++) this.packed.push(UUID_HOLE_WORDS[4 * i + w]!);
      } else if (kind === HEX16_KIND) {
        this.packed.push(hexValue(h, 0, 8));
        this.packed.push(hexValue(h, 8, 16));
      } else if (kind === BASE64_KIND) {
        packBase64(h, this.packed);
      } else if (kind === TIME_KIND) {
        this.packed.push(h === this.lastTimeText ? this.lastTimeWord : timeWord(h)!);
      } else {
        this.holeKinds.push(STRING_HOLE);
        const last = this.lastByPosition[i];
        if (last === h) this.strings.push(last);
        else {
          const own = ownCopy(h);
          this.lastByPosition[i] = own;
          this.strings.push(own);
        }
      }
    }
    return id;
  }

  /** How a value is kept: packed into words of one of the kinds, or as a string. */
  private kindOf(v: string): number {
    if (v.length === 36 && readUuid(v)) return UUID_KIND;
    if (v.length === 16) return HEX16_UPPER.test(v) ? HEX16_KIND : STRING_HOLE;
    if (v.length === 20) return v === this.lastTimeText || this.rememberTime(v) ? TIME_KIND : STRING_HOLE;
    return v.length >= 24 && isBase64(v) ? BASE64_KIND : STRING_HOLE;
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
    this.templateIds.set(signature, same === undefined ? tid : [...(typeof same === 'number' ? [same] : same), tid]);
    return tid;
  }

  /** The template of a text with `n` holes (`cuts[i]`, `holes[i]`), if one is stored. */
  private findTemplate(signature: number, text: string, cuts: number[], holes: string[], n: number): number | undefined {
    const found = this.templateIds.get(signature);
    if (found === undefined) return undefined;
    for (const tid of typeof found === 'number' ? [found] : found) {
      const parts = this.templates[tid]!;
      // The signature is a hash: the number of parts and each part's exact span are checked too.
      if (parts.length !== n + 1) continue;
      let start = 0;
      let ok = true;
      for (let i = 0; ok && i < parts.length; i++) {
        // substring + === compares in native code; startsWith(part, offset) was ~80× slower on V8.
        const part = parts[i]!;
        const end = i < n ? cuts[i]! : text.length;
        ok = end - start === part.length && text.substring(start, end) === part;
        if (i < n) start = cuts[i]! + holes[i]!.length;
      }
      if (ok) return tid;
    }
    return undefined;
  }

  /** The holes' values of text `id`, in order. */
  values(id: number): string[] {
    const parts = this.templates[this.template.data[id]!]!;
    const out: string[] = [];
    let s = this.stringsAt.data[id]!;
    const h0 = this.holesAt.data[id]!;
    for (let i = 0; i < parts.length - 1; i++) {
      const kind = this.holeKinds.data[h0 + i]!;
      out.push(kind === STRING_HOLE ? this.strings[s++]! : unpack(this.packed.data, kind));
    }
    return out;
  }

  get(id: number): string {
    const parts = this.templates[this.template.data[id]!]!;
    if (parts.length === 1) return parts[0]!;
    const values = this.values(id);
    let text = parts[0]!;
    for (let i = 0; i < values.length; i++) text += values[i]! + parts[i + 1]!;
    return text;
  }

  /** Own template ids of another store's templates, found by content (templates never change). */
  private adopted = new WeakMap<TemplatedTexts, Map<number, number>>();

  /** Stores text `id` of `other` exactly as `add` would have stored it (same template, same holes), by
   *  copying its words instead of cutting and classifying the text again. */
  copyFrom(other: TemplatedTexts, id: number): number {
    let mine = this.adopted.get(other);
    if (!mine) this.adopted.set(other, (mine = new Map()));
    const otid = other.template.data[id]!;
    let tid = mine.get(otid);
    if (tid === undefined) {
      const parts = other.templates[otid]!;
      tid = this.templateLike(parts) ?? this.addTemplate(parts);
      mine.set(otid, tid);
    }
    const out = this.template.length;
    this.template.push(tid);
    this.holesAt.push(this.holeKinds.length);
    this.stringsAt.push(this.strings.length);
    let s = other.stringsAt.data[id]!;
    const h0 = other.holesAt.data[id]!;
    const holes = other.templates[otid]!.length - 1;
    for (let i = 0; i < holes; i++) {
      const kind = other.holeKinds.data[h0 + i]!;
      if (kind === STRING_HOLE) {
        this.holeKinds.push(STRING_HOLE);
        this.strings.push(other.strings[s++]!);
      } else {
        const from = kind & OFFSET_MASK;
        const type = kind >>> KIND_SHIFT;
        const words = packedWords(type, other.packed.data, from, other.packed.length);
        this.holeKinds.push((type << KIND_SHIFT) | this.packed.length);
        for (let w = 0; w < words; w++) this.packed.push(other.packed.data[from + w]!);
      }
    }
    return out;
  }

  /** The first own template with exactly these parts (the one `add` would find for a text of that shape). */
  private templateLike(parts: readonly string[]): number | undefined {
    const found = this.templateIds.get(signatureOf(parts));
    if (found === undefined) return undefined;
    for (const tid of typeof found === 'number' ? [found] : found) {
      const own = this.templates[tid]!;
      if (own.length === parts.length && own.every((p, i) => p === parts[i])) return tid;
    }
    return undefined;
  }

  /** A store holding the texts from `first` on, renumbered 0, 1, 2…: `keep` for a contiguous suffix (what
   *  expiry leaves), done with bulk copies. It keeps every template, used or not (there are few). */
  keepFrom(first: number): TemplatedTexts {
    const next = new TemplatedTexts();
    const n = this.template.length;
    if (first >= n) return next.withTemplatesOf(this);
    const h0 = this.holesAt.data[first]!;
    const s0 = this.stringsAt.data[first]!;
    let p0 = this.packed.length;
    for (let h = h0; h < this.holeKinds.length; h++) {
      const kind = this.holeKinds.data[h]!;
      if (kind !== STRING_HOLE) {
        p0 = kind & OFFSET_MASK;
        break;
      }
    }
    const sliced = (c: IntColumn, from: number, minus = 0): IntColumn => {
      const out = new IntColumn();
      out.data = c.data.slice(from, Math.max(from + 1, c.length));
      out.length = c.length - from;
      if (minus) for (let i = 0; i < out.length; i++) out.data[i] = out.data[i]! - minus;
      return out;
    };
    next.template = sliced(this.template, first);
    next.holesAt = sliced(this.holesAt, first, h0);
    next.stringsAt = sliced(this.stringsAt, first, s0);
    next.holeKinds = sliced(this.holeKinds, h0);
    for (let i = 0; i < next.holeKinds.length; i++) {
      const kind = next.holeKinds.data[i]!;
      if (kind !== STRING_HOLE) next.holeKinds.data[i] = (kind & ~OFFSET_MASK) | ((kind & OFFSET_MASK) - p0);
    }
    next.packed = sliced(this.packed, p0);
    next.strings = this.strings.slice(s0);
    return next.withTemplatesOf(this);
  }

  private withTemplatesOf(other: TemplatedTexts): this {
    this.templates = [...other.templates];
    this.templateIds = new Map(other.templateIds);
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
    const kept = this.keep(ids);
    const words = (c: IntColumn) => toBase64(new Uint8Array(c.data.buffer, 0, c.length * 4));
    return {
      templates: kept.templates.map((t) => [...t]),
      columns: { template: words(kept.template), holesAt: words(kept.holesAt), stringsAt: words(kept.stringsAt), holeKinds: words(kept.holeKinds), packed: words(kept.packed) },
      strings: [...kept.strings],
    };
  }

  /** The whole store as `snapshot` writes it, ids unchanged, without the copy `keep` makes. */
  snapshotAll(): TemplatedTextsColumnsSnapshot {
    const words = (c: IntColumn) => toBase64(new Uint8Array(c.data.buffer, 0, c.length * 4));
    return {
      templates: this.templates.map((t) => [...t]),
      columns: { template: words(this.template), holesAt: words(this.holesAt), stringsAt: words(this.stringsAt), holeKinds: words(this.holeKinds), packed: words(this.packed) },
      strings: [...this.strings],
    };
  }

  /** A store from its snapshot, every column checked, so a corrupt save is refused instead of misread. */
  static fromSnapshot(s: TemplatedTextsColumnsSnapshot): TemplatedTexts {
    const bad = (what: string): never => {
      throw new Error(`templated texts snapshot: ${what}`);
    };
    if (!Array.isArray(s.templates) || !s.templates.every((t) => Array.isArray(t) && t.length > 0 && t.every((p) => typeof p === 'string'))) bad('malformed template');
    if (!Array.isArray(s.strings) || !s.strings.every((x) => typeof x === 'string')) bad('malformed strings');
    const c = s.columns as Record<string, unknown> | null;
    const column = (name: string): IntColumn => {
      const text = c?.[name];
      if (typeof text !== 'string') return bad(`no column ${name}`);
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(text);
      } catch {
        return bad(`column ${name} is not base64`);
      }
      if (bytes.length % 4 !== 0) bad(`column ${name} is not whole words`);
      const col = new IntColumn();
      col.data = new Int32Array(bytes.slice().buffer);
      col.length = col.data.length;
      return col;
    };
    const t = new TemplatedTexts();
    t.template = column('template');
    t.holesAt = column('holesAt');
    t.stringsAt = column('stringsAt');
    t.holeKinds = column('holeKinds');
    t.packed = column('packed');
    t.strings = [...s.strings];
    for (const parts of s.templates) t.addTemplate([...parts]);
    const n = t.template.length;
    if (t.holesAt.length !== n || t.stringsAt.length !== n) bad('columns of different lengths');
    let holes = 0;
    let strings = 0;
    for (let i = 0; i < n; i++) {
      const parts = t.templates[t.template.data[i]!];
      if (!parts) bad(`no template ${t.template.data[i]!}`);
      if (t.holesAt.data[i] !== holes || t.stringsAt.data[i] !== strings) bad('hole positions out of order');
      for (let h = 0; h < parts!.length - 1; h++) {
        const kind = t.holeKinds.data[holes++];
        if (kind === undefined || holes > t.holeKinds.length) bad('too few holes');
        if (kind === STRING_HOLE) strings++;
        else {
          const at = kind! & OFFSET_MASK;
          const type = kind! >>> KIND_SHIFT;
          const size = packedWords(type, t.packed.data, at, t.packed.length);
          if (size < 0 || at + size > t.packed.length) bad('a packed value outside its column');
        }
      }
    }
    if (holes !== t.holeKinds.length) bad('too many holes');
    if (strings !== t.strings.length) bad('strings do not match their holes');
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
