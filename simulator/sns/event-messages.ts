// Messages that are whole EventBridge events, kept compactly. A rule that sends its matched events to a topic
// (what the learner sets up in the scenarios) hands SNS a 1–2 KB JSON text per event, and the inbox keeps
// every one for the whole run: over 90 days of activity, about a gigabyte of text. Events of the same shape
// differ only in a few values (the event's id and time, the CloudTrail record's eventTime, requestID,
// eventID, …): each text is kept as a template shared by every text of its shape plus those values
// (core/templated-texts.ts), and rebuilt, byte for byte, when something reads it.
import { TemplatedTexts } from '../core/templated-texts';

/** How JSON.stringify of an EventBridge event starts: what a target receives without Input, InputPath or
 *  InputTransformer. Other texts (a constant Input, a transformer's output, a learner's own Publish) are
 *  kept as they are: nothing says they hold these values, and one template per distinct text would only
 *  add lookups (many templates share a signature when their lengths do). */
export const EVENT_PREFIX = '{"version":"0","id":"';

/** The values `add` cuts at and where each starts, reused by every call (TemplatedTexts.add keeps neither). */
const VALUES: string[] = [];
const STARTS: number[] = [];
/** Where the last value pushed ends (its closing quote). */
let end = 0;
/** From where it is set (lastIndex) up to the next quote, matches only if no character between is one JSON writes
 *  escaped (a backslash, a control character, U+2028 or U+2029): TemplatedTexts does not cut at a value holding
 *  one, which stays in the template, where `residueOf` must then see it too. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const PLAIN_TO_QUOTE = /[^"\\\u0000-\u001f\u2028\u2029]*"/y;

/** Pushes the string value of the member whose `"key":"` starts at `at`, if it comes after the last value and
 *  TemplatedTexts would cut there. One sticky test finds its end and checks it: the texts handed over are joined
 *  strings, read through an indirection per character, where a loop of charCodeAt cost more than the search. */
function take(text: string, at: number, key: string): boolean {
  if (at < end) return false;
  const start = at + key.length;
  PLAIN_TO_QUOTE.lastIndex = start;
  if (!PLAIN_TO_QUOTE.test(text)) return false;
  const close = PLAIN_TO_QUOTE.lastIndex - 1;
  VALUES.push(text.slice(start, close));
  STARTS.push(start);
  end = close;
  return true;
}

/**
 * A member's key, searched for from a letter past its opening quote and then checked whole. V8's indexOf looks
 * for a pattern's first character and compares from each place it occurs: a key's opening quote occurs every few
 * characters of a JSON text, so crossing an event for '"requestID":"' took about 1.3 µs, and for 'questID":"'
 * (its first letter rare in a record) 0.1–0.2 µs (measured on Node 20, events of the bench account).
 */
interface Key {
  readonly key: string;
  /** The key from `cut` on: what indexOf looks for. */
  readonly tail: string;
  readonly cut: number;
}
function memberKey(text: string, tail: string): Key {
  const cut = text.length - tail.length;
  if (cut < 0 || !text.endsWith(tail)) throw new Error(`not a tail of ${text}: ${tail}`);
  return { key: text, tail, cut };
}

/** `text.indexOf(k.key, from)`, for `from` >= 0: the first place of the tail whose key's head is just before it
 *  (every place of the key has its tail `cut` characters on, and they are met in order). */
function keyAt(text: string, k: Key, from: number): number {
  const { key: whole, tail, cut } = k;
  search: for (let at = text.indexOf(tail, from + cut); at >= 0; at = text.indexOf(tail, at + 1)) {
    for (let i = 0; i < cut; i++) if (text.charCodeAt(at - cut + i) !== whole.charCodeAt(i)) continue search;
    return at - cut;
  }
  return -1;
}

const TIME = memberKey('"time":"', 'me":"');
const EVENT_TIME = memberKey('"eventTime":"', 'Time":"');
const ACCESS_KEY = memberKey('"accessKeyId":"', 'KeyId":"');
const CREATION_DATE = memberKey('"creationDate":"', 'Date":"');
const S3_SOURCE = '","eventSource":"s3.amazonaws.com"';
const AMZ_ID_2 = memberKey('"x-amz-id-2":"', 'x-amz-id-2":"');
const REQUEST_ID = memberKey('"requestID":"', 'questID":"');
const EVENT_ID = memberKey('"eventID":"', 'ventID":"');
const SHARED_EVENT_ID = memberKey('"sharedEventID":"', 'EventID":"');

/** Takes the value of the first member keyed `k` at or after `from` (see take). */
function takeKey(text: string, k: Key, from: number): boolean {
  return take(text, keyAt(text, k, from), k.key);
}

/**
 * The values in which events of the same shape differ, in the order the text holds them: the envelope's id and
 * time; for a CloudTrail record, its caller's access key and session start, eventTime, S3's x-amz-id-2,
 * requestID, eventID and sharedEventID. Each is looked for only where a record (JSON.stringify of it, in the
 * order CloudTrail writes its members) has it: a search that fails scans the rest of the text, and a whole
 * event costs more to scan than to store. A missed or wrong pick only makes a template less shared; it never
 * changes a text.
 */
export function varyingValues(text: string): readonly string[] {
  VALUES.length = 0;
  STARTS.length = 0;
  end = 0;
  if (!take(text, EVENT_PREFIX.length - 6, '"id":"')) return VALUES;
  takeKey(text, TIME, end);
  const eventTimeAt = keyAt(text, EVENT_TIME, end);
  if (eventTimeAt < 0) return VALUES;
  // The caller (userIdentity) comes just before eventTime: searched there only.
  const caller = text.slice(end, eventTimeAt);
  const base = end;
  const keyFound = keyAt(caller, ACCESS_KEY, 0);
  if (keyFound >= 0) take(text, base + keyFound, ACCESS_KEY.key);
  const createdAt = keyAt(caller, CREATION_DATE, Math.max(0, end - base));
  if (createdAt >= 0) take(text, base + createdAt, CREATION_DATE.key);
  if (!take(text, eventTimeAt, EVENT_TIME.key)) return VALUES;
  if (text.startsWith(S3_SOURCE, end)) takeKey(text, AMZ_ID_2, end);
  // requestID and eventID close the record's own members, after additionalEventData; sharedEventID comes
  // among the few members after eventID. (lastIndexOf would start at the end, but V8 runs it several times
  // slower than indexOf.)
  takeKey(text, REQUEST_ID, end);
  if (takeKey(text, EVENT_ID, end)) takeKey(text, SHARED_EVENT_ID, end);
  return VALUES;
}

/** FNV-1a steps, as TemplatedTexts hashes its templates' part lengths into their signature. */
const FNV_SEED = 0x811c9dc5;
function fnv(h: number, n: number): number {
  return Math.imul(h ^ n, 0x01000193) | 0;
}
/** The signature of the text VALUES were taken from: the hash of its parts' lengths, as TemplatedTexts files
 *  its template. */
function signatureOf(text: string): number {
  let sig = FNV_SEED;
  let from = 0;
  for (let i = 0; i < VALUES.length; i++) {
    sig = fnv(sig, STARTS[i]! - from);
    from = STARTS[i]! + VALUES[i]!.length;
  }
  return fnv(sig, text.length - from);
}

/** A hash of the parts of the text VALUES were taken from (its template), character by character. */
function residueOf(text: string): number {
  let res = FNV_SEED;
  let from = 0;
  for (let i = 0; i <= VALUES.length; i++) {
    const to = i < VALUES.length ? STARTS[i]! : text.length;
    for (let c = from; c < to; c++) res = fnv(res, text.charCodeAt(c));
    if (i < VALUES.length) from = to + VALUES[i]!.length;
  }
  return res;
}

/** A text lately kept, and where each of its parts after the first starts. */
interface Recent {
  text: string;
  partStarts: number[];
}

/** Whether the text VALUES were taken from has the same parts as `r` (a text of the same signature, so parts
 *  of the same lengths): compared in native code, part by part. */
function sameParts(text: string, r: Recent): boolean {
  let from = 0;
  let rFrom = 0;
  for (let i = 0; i <= VALUES.length; i++) {
    const to = i < VALUES.length ? STARTS[i]! : text.length;
    if (text.substring(from, to) !== r.text.substring(rFrom, rFrom + to - from)) return false;
    if (i < VALUES.length) {
      from = to + VALUES[i]!.length;
      rFrom = r.partStarts[i]!;
    }
  }
  return true;
}

/** How many signatures' last texts are kept for sameParts (a few shapes make nearly all events). */
const RECENT_SIGNATURES = 64;

/** Templates a signature may have. TemplatedTexts tries each template of a text's signature in turn: events
 *  whose uncut values differ but keep their lengths (an object key of fixed width in requestParameters, say)
 *  would add a template each and make every add try them all. Past this many, such texts are not kept. */
const MAX_TEMPLATES_PER_SIGNATURE = 16;

/** One model's store of event messages. Texts are never removed: the inbox keeps every delivery. */
export class EventMessages {
  private readonly texts = new TemplatedTexts();
  /** Per signature, the residues of its templates (one number, or a list when there are several). */
  private readonly shapes = new Map<number, number | number[]>();
  /** The last text kept of each of a few signatures: a text with the same parts has a known template. */
  private readonly recent = new Map<number, Recent>();
  /** A topic with several subscriptions, or several rules sending the same event, hand over one text again
   *  and again: the last one is kept once. */
  private lastText = '';
  private lastId = -1;

  /** Whether `text` is one this store keeps (see EVENT_PREFIX; TemplatedTexts cuts no text holding a NUL). */
  static keeps(text: string): boolean {
    return text.startsWith(EVENT_PREFIX) && !text.includes('\u0000');
  }

  /** Keeps `text` (one `keeps` accepts) and returns the id `get` reads it back by; undefined when texts of its
   *  shape are not kept (see MAX_TEMPLATES_PER_SIGNATURE). */
  add(text: string): number | undefined {
    if (this.lastId >= 0 && text === this.lastText) return this.lastId;
    const values = varyingValues(text);
    const signature = signatureOf(text);
    const last = this.recent.get(signature);
    // Most events have the parts of the last one of their signature; others are hashed and counted.
    if (last === undefined || !sameParts(text, last)) {
      const residue = residueOf(text);
      const known = this.shapes.get(signature);
      if (known === undefined) this.shapes.set(signature, residue);
      else if (typeof known === 'number') {
        if (known !== residue) this.shapes.set(signature, [known, residue]);
      } else if (!known.includes(residue)) {
        if (known.length >= MAX_TEMPLATES_PER_SIGNATURE) return undefined;
        known.push(residue);
      }
      if (this.recent.size >= RECENT_SIGNATURES && last === undefined) this.recent.clear();
      this.recent.set(signature, { text, partStarts: STARTS.map((s, i) => s + VALUES[i]!.length) });
    }
    this.lastId = this.texts.add(text, values);
    this.lastText = text;
    return this.lastId;
  }

  /** Text `id` exactly as it was added. */
  get(id: number): string {
    return this.texts.get(id);
  }

  /** How many texts are kept (equal texts added one after the other count once). */
  get size(): number {
    return this.texts.size;
  }
}
