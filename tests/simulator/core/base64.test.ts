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

  it('decodes four characters at a time exactly as one at a time did, refusals included, for any text', () => {
    // The decoder before session 12, character by character: the model.
    const VALUES = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((ch, i) => [ch, i]));
    const model = (text: string): number[] | 'refused' => {
      const clean = text.replace(/[\t\n\f\r ]+/g, '');
      const body = clean.endsWith('==') ? clean.slice(0, -2) : clean.endsWith('=') ? clean.slice(0, -1) : clean;
      if ((clean.length !== body.length && clean.length % 4 !== 0) || body.length % 4 === 1) return 'refused';
      const out: number[] = [];
      let acc = 0;
      let bits = 0;
      for (const ch of body) {
        const v = VALUES.get(ch);
        if (v === undefined) return 'refused';
        acc = ((acc << 6) | v) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          out.push((acc >>> bits) & 255);
        }
      }
      return out;
    };
    const decoded = (text: string): number[] | 'refused' => {
      try {
        return [...fromBase64(text)];
      } catch {
        return 'refused';
      }
    };
    const ch = fc.constantFrom(...'ABCXYZabcxyz0189+/', '=', ' ', '\n', '\t', '!', '-', '_', 'é', '한', '\u0141');
    fc.assert(fc.property(fc.array(ch, { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      expect(decoded(text), JSON.stringify(text)).toEqual(model(text));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const text = toBase64(bytes);
      expect(decoded(text)).toEqual(model(text));
    }), { numRuns: 300 });
  });
});
