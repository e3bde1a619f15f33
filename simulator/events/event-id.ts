// Ids of the events the default bus makes, derived from what they stand for instead of drawn from the seeded
// random: turning a trail on must not shift every id the account issues afterwards.
import type { CloudTrailRecord } from '../core/contract';
import { sha256 } from '../core/sha256';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const UTF8 = new TextEncoder();

/** UTF-8 bytes of `text`; the ids hashed here are ASCII, whose bytes are their char codes. */
function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return UTF8.encode(text);
    out[i] = c;
  }
  return out;
}

/** A version-4-shaped UUID derived from `text` (SHA-256), for ids the simulation must not draw at random.
 *  Only the first 16 bytes of the digest are used; they are turned into hex by table, as every record
 *  that reaches the bus needs one. */
export function uuidFrom(text: string): string {
  const d = sha256(utf8(text));
  let h = '';
  for (let i = 0; i < 16; i++) h += HEX[d[i] ?? 0];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) % 4] ?? '8'}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The id of the event a CloudTrail record becomes on the default bus: it depends only on the record. */
export function eventIdFor(record: Pick<CloudTrailRecord, 'eventID'>): string {
  return uuidFrom(`eventbridge:${record.eventID}`);
}
