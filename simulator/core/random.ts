import type { Random } from './contract';

const HEX_DIGITS = '0123456789abcdef';

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
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length)];
    return out;
  }

  /** RFC 4122 version-4 UUID, the form CloudTrail uses for eventID. Draws 32 hex digits (the 13th is then
   *  replaced by the version, 4) and one more for the variant, as it always has: same seed, same ids. */
  uuid(): string {
    let s = '';
    for (let i = 0; i < 32; i++) {
      const digit = HEX_DIGITS[this.int(0, 16)]!;
      if (i === 8 || i === 12 || i === 16 || i === 20) s += '-';
      s += i === 12 ? '4' : digit;
    }
    // The 17th digit (string index 19) becomes the variant: 8, 9, a or b.
    return s.slice(0, 19) + ('89ab'[this.int(0, 4)] ?? '8') + s.slice(20);
  }

  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  setState(s: readonly number[]): void {
    if (s.length !== 4 || s.some((n) => !Number.isInteger(n))) throw new Error('random state: expected four integers');
    [this.a, this.b, this.c, this.d] = s as [number, number, number, number];
  }
}
