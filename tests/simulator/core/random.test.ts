import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../simulator/core/random';

/** The generator as it was before its ids were built from character codes: the sequence every saved
 *  sandbox and every fixed-seed answer depends on. The fast paths must give exactly these strings. */
class Reference {
  private a = 0x9e3779b9;
  private b = 0x243f6a88;
  private c = 0xb7e15162;
  private d: number;
  constructor(seed: number) {
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.u32();
  }
  private u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  int(min: number, max: number): number {
    return min + Math.floor((this.u32() / 4294967296) * (max - min));
  }
  pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length)];
    return out;
  }
  uuid(): string {
    let s = '';
    for (let i = 0; i < 32; i++) {
      const digit = '0123456789abcdef'[this.int(0, 16)]!;
      if (i === 8 || i === 12 || i === 16 || i === 20) s += '-';
      s += i === 12 ? '4' : digit;
    }
    return s.slice(0, 19) + ('89ab'[this.int(0, 4)] ?? '8') + s.slice(20);
  }
}

const ALPHABETS = ['0123456789ABCDEF', 'z', '01', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 'xyz', '가나다라마바'];

describe('SeededRandom ids', () => {
  it('uuid and pick give the reference strings, interleaved with int, for many seeds', () => {
    for (const seed of [0, 1, 7, 11, 2 ** 31, 4294967295]) {
      const ref = new Reference(seed);
      const r = new SeededRandom(seed);
      for (let i = 0; i < 3000; i++) {
        const alphabet = ALPHABETS[i % ALPHABETS.length]!;
        const length = (i * 7) % 181;
        if (i % 3 === 0) expect(r.uuid()).toBe(ref.uuid());
        else expect(r.pick(alphabet, length)).toBe(ref.pick(alphabet, length));
        if (i % 10 === 0) expect(r.int(3, 1000)).toBe(ref.int(3, 1000));
      }
    }
  });

  it('a pick longer than one batch of character codes is still the reference string, and the sequence goes on', () => {
    const ref = new Reference(5);
    const r = new SeededRandom(5);
    for (const length of [4095, 4096, 4097, 10_001]) expect(r.pick('abc', length)).toBe(ref.pick('abc', length));
    expect(r.uuid()).toBe(ref.uuid());
  });

  it('uuids have the RFC 4122 version-4 form and differ', () => {
    const r = new SeededRandom(3);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const u = r.uuid();
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(u);
    }
    expect(seen.size).toBe(2000);
  });

  it('pick of length 0 is empty and draws nothing', () => {
    const a = new SeededRandom(9);
    const b = new SeededRandom(9);
    expect(a.pick('abc', 0)).toBe('');
    expect(a.uuid()).toBe(b.uuid());
  });
});
