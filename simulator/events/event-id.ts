// Ids of the events the default bus makes, derived from what they stand for instead of drawn from the seeded
// random: turning a trail on must not shift every id the account issues afterwards.
import type { CloudTrailRecord } from '../core/contract';
import { sha256Words } from '../core/sha256';

const HEX_CODES: readonly number[] = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
/** The variant digit: the high nibble of byte 8, modulo 4, picks one of 8, 9, a, b. */
const VARIANT_CODES: readonly number[] = Array.from('89ab', (ch) => ch.charCodeAt(0));
const VERSION_4 = 0x34;
const UTF8 = new TextEncoder();
/** An id's 36 character codes, dashes and the version digit in place; String.fromCharCode copies them, so one
 *  array serves every id. */
const ID_CODES: number[] = Array.from('00000000-0000-4000-8000-000000000000', (ch) => ch.charCodeAt(0));
/** Where the two hex digits of each of the digest's first 16 bytes go (the dashes skipped). */
const BYTE_AT: readonly number[] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** Byte arrays by length, reused: sha256 reads its input and keeps nothing of it, and the texts hashed here
 *  have a few lengths (an event id's text always the same one). */
const BUFFERS: Array<Uint8Array | undefined> = [];
const MAX_BUFFERED = 128;

/** UTF-8 bytes of `text`; the ids hashed here are ASCII, whose bytes are their char codes. The array may be
 *  the one the previous call returned: use it before calling again. */
function utf8(text: string): Uint8Array {
  const n = text.length;
  const out = n <= MAX_BUFFERED ? (BUFFERS[n] ??= new Uint8Array(n)) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return UTF8.encode(text);
    out[i] = c;
  }
  return out;
}

/** A version-4-shaped UUID derived from `text` (SHA-256), for ids the simulation must not draw at random.
 *  Only the first 16 bytes of the digest are used: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, the hex of those
 *  bytes in order with the first nibble of byte 6 replaced by 4 and the first of byte 8 by its variant digit.
 *  Every record whose event a rule matches needs one: the codes go into one array made into a string at once,
 *  where joining twenty pieces made a chain of partial strings to be copied again when the id was first read
 *  (formatting took about twice as long that way, measured on Node 20). */
export function uuidFrom(text: string): string {
  return uuidOfBytes(utf8(text));
}

/** uuidFrom of the text whose UTF-8 bytes are `bytes`. The digest's bytes are read out of its words (byte i
 *  is the (i mod 4)th from the top of word i/4): a digest array per id cost more than reading them so. */
function uuidOfBytes(bytes: Uint8Array): string {
  const h = sha256Words(bytes);
  const c = ID_CODES;
  for (let i = 0; i < 16; i++) {
    const at = BYTE_AT[i]!;
    const b = (h[i >> 2]! >>> (24 - 8 * (i & 3))) & 255;
    c[at] = HEX_CODES[b >> 4]!;
    c[at + 1] = HEX_CODES[b & 15]!;
  }
  c[14] = VERSION_4;
  c[19] = VARIANT_CODES[(h[2]! >>> 28) & 3]!;
  return String.fromCharCode(
    c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!, c[15]!, c[16]!, c[17]!,
    c[18]!, c[19]!, c[20]!, c[21]!, c[22]!, c[23]!, c[24]!, c[25]!, c[26]!, c[27]!, c[28]!, c[29]!, c[30]!, c[31]!, c[32]!, c[33]!, c[34]!, c[35]!,
  );
}

/** The id of the event a CloudTrail record becomes on the default bus: it depends only on the record. */
export function eventIdFor(record: Pick<CloudTrailRecord, 'eventID'>): string {
  return uuidOfBytes(eventIdText(record.eventID));
}

const EVENT_ID_PREFIX = 'eventbridge:';
const EVENT_ID_PREFIX_CODES: readonly number[] = Array.from(EVENT_ID_PREFIX, (ch) => ch.charCodeAt(0));

/** utf8(`eventbridge:${eventID}`), without joining the two into a string that would be copied flat again to be
 *  read. */
function eventIdText(eventID: string): Uint8Array {
  const p = EVENT_ID_PREFIX_CODES.length;
  const n = p + eventID.length;
  if (n > MAX_BUFFERED) return utf8(EVENT_ID_PREFIX + eventID);
  const out = (BUFFERS[n] ??= new Uint8Array(n));
  for (let i = 0; i < p; i++) out[i] = EVENT_ID_PREFIX_CODES[i]!;
  for (let i = 0; i < eventID.length; i++) {
    const c = eventID.charCodeAt(i);
    if (c > 0x7f) return utf8(EVENT_ID_PREFIX + eventID);
    out[p + i] = c;
  }
  return out;
}
