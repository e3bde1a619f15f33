import type { Random } from './contract';

const HEX = '0123456789abcdef';
const VARIANTS = '89ab';
const HEX_CODES: readonly number[] = Array.from(HEX, (ch) => ch.charCodeAt(0));
const VERSION_4 = '4'.charCodeAt(0);
/** Characters built in one String.fromCharCode call at most (its arguments go on the stack). */
const CODES_AT_ONCE = 4096;
/** A uuid's character codes, dashes in place; String.fromCharCode copies them, so one array serves every call. */
const UUID_CODES: number[] = Array.from('00000000-0000-4000-8000-000000000000', (ch) => ch.charCodeAt(0));
/** Where a uuid's 32 digits go, in drawing order: every place but the dashes. */
const UUID_DIGIT_AT: readonly number[] = [...UUID_CODES.keys()].filter((i) => UUID_CODES[i] !== 0x2d);

/** A uuid's 36 codes as a string. Measured on Node 20: naming each argument costs about half of
 *  `String.fromCharCode.apply` with the array, which copies it into an arguments list first. */
function uuidText(c: number[]): string {
  return String.fromCharCode(
    c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!, c[15]!, c[16]!, c[17]!,
    c[18]!, c[19]!, c[20]!, c[21]!, c[22]!, c[23]!, c[24]!, c[25]!, c[26]!, c[27]!, c[28]!, c[29]!, c[30]!, c[31]!, c[32]!, c[33]!, c[34]!, c[35]!,
  );
}

/** Arrays of codes by length, reused: String.fromCharCode copies them, and ids are drawn with a handful of
 *  lengths (16 for an S3 request id, 74 for its host id...), so a call allocates none. */
const scratch: number[][] = [];
const MAX_SCRATCH = 256;
function scratchOf(length: number): number[] {
  if (length > MAX_SCRATCH) return new Array<number>(length);
  return (scratch[length] ??= new Array<number>(length).fill(0));
}

// sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128 bits of state, passes PractRand, and its whole
// state is four integers, so a snapshot can carry it and a restored account continues the same sequence.
export class SeededRandom implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  private nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  int(minInclusive: number, maxExclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxExclusive - minInclusive));
  }

  hex(length: number): string {
    return this.pick('0123456789abcdef', length);
  }

  /** `length` characters drawn uniformly from `alphabet`. */
  pick(alphabet: string, length: number): string {
    if (length > CODES_AT_ONCE) {
      let out = '';
      for (let left = length; left > 0; left -= CODES_AT_ONCE) out += this.pick(alphabet, Math.min(left, CODES_AT_ONCE));
      return out;
    }
    return String.fromCharCode.apply(null, this.drawCodes(alphabet, length, 0, scratchOf(length)));
  }

  /** RFC 4122 version-4 UUID, the form CloudTrail uses for eventID. Draws 32 hex digits (the 13th is then
   *  replaced by the version, 4) and one more for the variant, as it always has: same seed, same ids. The
   *  digits are drawn in order straight into their places between the dashes of one reused array. */
  uuid(): string {
    const c = UUID_CODES;
    // drawCodes's power-of-two loop, for 16 characters (the top 4 bits) and the digits' places: one pass
    // instead of one call per group, the eventID being drawn on every call.
    let a = this.a;
    let b = this.b;
    let cc = this.c;
    let d = this.d;
    for (let i = 0; i < 32; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (cc + (cc << 3)) | 0;
      cc = (cc << 21) | (cc >>> 11);
      cc = (cc + t) | 0;
      c[UUID_DIGIT_AT[i]!] = HEX_CODES[t >>> 28]!;
    }
    this.a = a;
    this.b = b;
    this.c = cc;
    this.d = d;
    c[14] = VERSION_4;
    // The 17th digit (string index 19) becomes the variant: 8, 9, a or b.
    this.drawCodes(VARIANTS, 1, 19, c);
    return uuidText(c);
  }

  /**
   * `count` draws of int(0, alphabet.length), written as `alphabet`'s character codes into `into` from `at`.
   * Ids are drawn by the hundred thousand: this runs nextUint32's steps on local copies of the state, which
   * V8 keeps in registers, rather than reading and writing the fields once per character.
   */
  private drawCodes(alphabet: string, count: number, at: number, into: number[]): number[] {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    const n = alphabet.length;
    // For 2^k characters int()'s floor((t / 2^32) * 2^k) is exactly t's top k bits (scaling by a power of two
    // is exact in a double): most id alphabets (hex, base32, base64) take the shift, in a loop of its own.
    if (n >= 2 && (n & (n - 1)) === 0) {
      const shift = 32 - (31 - Math.clz32(n));
      for (let i = 0; i < count; i++) {
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        into[at + i] = alphabet.charCodeAt(t >>> shift);
      }
    } else {
      for (let i = 0; i < count; i++) {
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        into[at + i] = alphabet.charCodeAt(Math.floor(((t >>> 0) / 4294967296) * n));
      }
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return into;
  }

  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  setState(s: readonly number[]): void {
    if (s.length !== 4 || s.some((n) => !Number.isInteger(n))) throw new Error('random state: expected four integers');
    [this.a, this.b, this.c, this.d] = s as [number, number, number, number];
  }
}
