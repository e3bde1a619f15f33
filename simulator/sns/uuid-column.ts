// Ids kept as numbers: a message id or an event id is a lower-case UUID (36 characters, 56 bytes as a string)
// whose 32 hex digits fit four 32-bit words (16 bytes). Any other text is kept as it is, so every id reads back
// exactly as it was given.
import { hex4 } from '../core/hex-digits';
import { IntColumn } from '../core/int-column';

/** The word of two groups of four hex digits (at `hi` and `lo`), or -1 if either is not one. */
function word(s: string, hi: number, lo: number): number {
  const h = hex4(s, hi);
  const l = hex4(s, lo);
  return (h | l) < 0 ? -1 : ((h << 16) | l) >>> 0;
}

/** Each byte's two hex digits. */
const BYTE: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The hex digits of the byte `shift` bits up in `w`. */
function byteAt(w: number, shift: number): string {
  return BYTE[(w >>> shift) & 255]!;
}

export class UuidColumn {
  private readonly words = new IntColumn();
  /** Texts that are not lower-case canonical UUIDs, by position (their words are zero). */
  private readonly others = new Map<number, string>();
  private count = 0;

  /** Appends `s`; returns its position. */
  push(s: string): number {
    const at = this.count++;
    const canonical = s.length === 36 && s.charCodeAt(8) === 0x2d && s.charCodeAt(13) === 0x2d && s.charCodeAt(18) === 0x2d && s.charCodeAt(23) === 0x2d;
    const a = canonical ? word(s, 0, 4) : -1;
    const b = a >= 0 ? word(s, 9, 14) : -1;
    const c = b >= 0 ? word(s, 19, 24) : -1;
    const d = c >= 0 ? word(s, 28, 32) : -1;
    if (d < 0) {
      this.others.set(at, s);
      for (let i = 0; i < 4; i++) this.words.push(0);
    } else {
      this.words.push(a | 0);
      this.words.push(b | 0);
      this.words.push(c | 0);
      this.words.push(d | 0);
    }
    return at;
  }

  /** The text at `at`, exactly as pushed. */
  get(at: number): string {
    const other = this.others.get(at);
    if (other !== undefined) return other;
    const d = this.words;
    const a = d.at(4 * at);
    const b = d.at(4 * at + 1);
    const c = d.at(4 * at + 2);
    const e = d.at(4 * at + 3);
    return (
      byteAt(a, 24) + byteAt(a, 16) + byteAt(a, 8) + byteAt(a, 0) + '-' + byteAt(b, 24) + byteAt(b, 16) + '-' + byteAt(b, 8) + byteAt(b, 0) + '-' +
      byteAt(c, 24) + byteAt(c, 16) + '-' + byteAt(c, 8) + byteAt(c, 0) + byteAt(e, 24) + byteAt(e, 16) + byteAt(e, 8) + byteAt(e, 0)
    );
  }
}
