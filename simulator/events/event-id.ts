// Ids of the events the default bus makes, derived from what they stand for instead of drawn from the seeded
// random: turning a trail on must not shift every id the account issues afterwards.
import type { CloudTrailRecord } from '../core/contract';
import { sha256 } from '../core/sha256';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const NIBBLE = '0123456789abcdef';
/** The variant digit: the high nibble of byte 8, modulo 4, picks one of 8, 9, a, b. */
const VARIANT = '89ab';
const UTF8 = new TextEncoder();

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
 *  Written straight from the bytes, as every record whose event a rule matches needs one. */
export function uuidFrom(text: string): string {
  const d = sha256(utf8(text));
  const h = HEX;
  return (
    h[d[0]!]! + h[d[1]!]! + h[d[2]!]! + h[d[3]!]! + '-' + h[d[4]!]! + h[d[5]!]! + '-4' + NIBBLE[d[6]! & 15]! + h[d[7]!]! + '-' +
    VARIANT[(d[8]! >> 4) & 3]! + NIBBLE[d[8]! & 15]! + h[d[9]!]! + '-' + h[d[10]!]! + h[d[11]!]! + h[d[12]!]! + h[d[13]!]! + h[d[14]!]! + h[d[15]!]!
  );
}

/** The id of the event a CloudTrail record becomes on the default bus: it depends only on the record. */
export function eventIdFor(record: Pick<CloudTrailRecord, 'eventID'>): string {
  return uuidFrom(`eventbridge:${record.eventID}`);
}
