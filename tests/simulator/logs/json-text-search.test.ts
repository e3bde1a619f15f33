// indexOfKey searches by a key's tail (from a rare letter when it has one; remembered per key, up to a cap): it must find what a plain search
// for `"key"` finds, for short and long keys, and for keys met after the cap is reached.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexOfKey } from '../../../simulator/logs/json-text-search';

// Keys with a rare letter (q, z, x, j) are searched from it: repeated and overlapping ones test the check of
// the characters before it.
const key = fc.constantFrom('a', 'id', 'eventTime', 'x-amz-id-2', 'sharedEventID', 'eventTimeeventTime', 'ventTime', 'e"T', 'requestID', 'questID', 'qq', 'aqq', 'jazz', 'z-id-2', 'xq"q');

describe('indexOfKey', () => {
  it('finds what a search for the quoted key finds, from any position', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(key, fc.constantFrom('"', ':', '\\', ' ', 'x')), { maxLength: 20 }), key, fc.nat(60), (pieces, k, from) => {
        const text = pieces.map((p, i) => (i % 2 === 0 ? `"${p}"` : p)).join('');
        expect(indexOfKey(text, k, from)).toBe(text.indexOf(`"${k}"`, from));
      }),
    );
  });

  it('still answers for keys met after the remembered tails are full', () => {
    const text = JSON.stringify(Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`member-number-${i}`, i])));
    for (let i = 0; i < 1500; i++) {
      const k = `member-number-${i}`;
      expect(indexOfKey(text, k)).toBe(text.indexOf(`"${k}"`));
      expect(indexOfKey(text, k, indexOfKey(text, k) + 1)).toBe(-1);
    }
    expect(indexOfKey(text, 'member-number-1500')).toBe(-1);
  });
});
