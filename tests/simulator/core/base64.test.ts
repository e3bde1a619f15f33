import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../simulator/core/format';

describe('base64 without Buffer', () => {
  it('encodes exactly as Node does, and decodes back, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect([...fromBase64(text)]).toEqual([...bytes]);
        expect([...fromBase64(text.replace(/=+$/, ''))]).toEqual([...bytes]);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses text that is not base64, as atob does', () => {
    for (const bad of ['a', 'ab!c', 'abc=d', 'ü000', 'abcde===']) expect(() => fromBase64(bad), bad).toThrow();
    expect([...fromBase64('QUJD\nREVG')]).toEqual([...Buffer.from('ABCDEF')]);
  });
});
