// sha256Words (the digest as words in a reused array) and its one-block path must give node:crypto's digest for
// every length, around the one-block limit (55 bytes) above all, in any order of calls.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Words } from '../../../simulator/core/sha256';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const wordsHex = (w: Int32Array) => Array.from(w, (x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
const want = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('sha256Words', () => {
  it('gives the digest node:crypto gives, for every length from 0 to 200 bytes', () => {
    for (let len = 0; len <= 200; len++) {
      const data = Uint8Array.from({ length: len }, (_, i) => (i * 151 + len * 7 + 3) % 256);
      expect(wordsHex(sha256Words(data))).toBe(want(data));
      expect(hex(sha256(data))).toBe(want(data));
    }
  });

  it('gives the digest of known vectors (FIPS 180-4 examples, and an event id text)', () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    expect(wordsHex(sha256Words(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(wordsHex(sha256Words(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(wordsHex(sha256Words(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    const id = utf8('eventbridge:3fcfb586-3e9c-4d24-b2a0-5f3bfe4e1b2a');
    expect(wordsHex(sha256Words(id))).toBe(want(id));
  });

  it('is right whatever was hashed before (the schedule and state are reused), bytes of any value', () => {
    const data = fc.uint8Array({ maxLength: 140 });
    fc.assert(
      fc.property(fc.array(data, { minLength: 1, maxLength: 8 }), (inputs) => {
        for (const d of inputs) {
          expect(wordsHex(sha256Words(d))).toBe(want(d));
          expect(hex(sha256(d))).toBe(want(d));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reuses its array: a digest read later is the last one hashed, and sha256 gives a copy of its own', () => {
    const a = Uint8Array.of(1, 2, 3);
    const b = Uint8Array.of(4, 5, 6);
    const first = sha256Words(a);
    const second = sha256Words(b);
    expect(second).toBe(first);
    expect(wordsHex(first)).toBe(want(b));
    const copy = sha256(a);
    sha256Words(b);
    expect(hex(copy)).toBe(want(a));
  });
});
