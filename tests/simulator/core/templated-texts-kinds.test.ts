// How each value is kept (its kind and its packed words) is part of a store's saved form. The values are
// checked and packed in one pass by table; these tests hold that pass to the rules as first written with
// regular expressions and a separate packer, words and all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../simulator/core/format';
import { TemplatedTexts, type TemplatedTextsColumnsSnapshot } from '../../../simulator/core/templated-texts';

function words(s: TemplatedTextsColumnsSnapshot, column: keyof TemplatedTextsColumnsSnapshot['columns']): number[] {
  return Array.from(new Int32Array(fromBase64(s.columns[column]).slice().buffer));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The saved kind and words of a value, by the original rules: -1 and no words for a string. */
function reference(v: string): { kind: number; packed: number[] } {
  const hex = (s: string) => Number.parseInt(s, 16) | 0;
  if (UUID.test(v)) {
    const d = v.replaceAll('-', '');
    return { kind: 0, packed: [0, 8, 16, 24].map((i) => hex(d.slice(i, i + 8))) };
  }
  if (v.length === 16) return /^[0-9A-F]{16}$/.test(v) ? { kind: 1, packed: [hex(v.slice(0, 8)), hex(v.slice(8))] } : { kind: -1, packed: [] };
  if (v.length === 20) {
    const s = Date.parse(v) / 1000 - Date.UTC(2000, 0, 1) / 1000;
    const exact = ISO.test(v) && Number.isInteger(s) && s >= 0 && s < 2 ** 31 && new Date(Date.parse(v)).toISOString().slice(0, 19) + 'Z' === v;
    return exact ? { kind: 3, packed: [s] } : { kind: -1, packed: [] };
  }
  if (v.length >= 24 && /^[A-Za-z0-9+/]+={0,2}$/.test(v)) {
    const body = v.replace(/=+$/, '');
    const packed = [(body.length << 2) | (v.length - body.length)];
    for (let i = 0; i < body.length; i += 5) {
      let w = 0;
      for (let j = 0; j < 5; j++) w = (w << 6) | (i + j < body.length ? B64.indexOf(body[i + j]!) : 0);
      packed.push(w);
    }
    return { kind: 2, packed };
  }
  return { kind: -1, packed: [] };
}

const chars = (alphabet: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const value = fc.oneof(
  fc.uuid().map((u) => u.toLowerCase()),
  // A UUID's shape with an upper-case or other digit: not a UUID, though 36 long (and not base64, for its '-').
  fc.uuid().map((u) => u.toUpperCase()),
  fc.tuple(fc.uuid(), fc.nat(35), fc.constantFrom('g', 'G', 'é', '-', '0')).map(([u, i, c]) => u.toLowerCase().slice(0, i) + c + u.toLowerCase().slice(i + 1)),
  // 36 characters of the base64 alphabet: not a UUID, packed as base64 all the same.
  chars(B64, 36, 36),
  chars('0123456789ABCDEF', 16, 16),
  chars('0123456789abcdefABCDEFG', 16, 16),
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19) + 'Z'),
  fc.constantFrom('2026-02-30T00:00:00Z', '1999-12-31T23:59:59Z', '2068-01-19T03:14:08Z', 'ABCDEFGHIJKLMNOPQRST'),
  chars(B64, 1, 90).chain((b) => fc.constantFrom(b, `${b}=`, `${b}==`, `${b}===`, `=${b}`)),
  chars(`${B64}=-_é\u0100`, 20, 40),
  fc.string({ maxLength: 40 }),
);

describe('TemplatedTexts value kinds', () => {
  it('keeps every value as the original rules did: the same kind and the same packed words', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), (values) => {
        const texts = new TemplatedTexts();
        // Each value in a member of its own, in order, so every value that JSON writes verbatim is cut.
        const text = JSON.stringify(Object.fromEntries(values.map((v, i) => [`m${i}`, v])));
        const id = texts.add(text, values);
        expect(texts.get(id)).toBe(text);
        const s = texts.snapshotAll();
        const kinds = words(s, 'holeKinds');
        const packed = words(s, 'packed');
        // Cut: every value but the empty one and those JSON escapes (and \u2028/\u2029, which the store never cuts).
        const cut = values.filter((v) => v !== '' && JSON.stringify(v) === `"${v}"` && !/[\u2028\u2029]/.test(v));
        expect(kinds).toHaveLength(cut.length);
        let at = 0;
        cut.forEach((v, i) => {
          const want = reference(v);
          const kind = kinds[i]!;
          expect(kind === -1 ? -1 : kind >>> 29).toBe(want.kind);
          if (kind !== -1) {
            expect(kind & ((1 << 29) - 1)).toBe(at);
            expect(packed.slice(at, at + want.packed.length)).toEqual(want.packed);
            at += want.packed.length;
          }
        });
        expect(packed).toHaveLength(at);
      }),
      { numRuns: 400 },
    );
  });

  it('tells each text\'s UTF-8 length without making it, whatever its values\' kinds and its parts\' characters', () => {
    // Parts with Hangul, an astral character and a lone surrogate (JSON.stringify escapes the last); more holes
    // than fit one kinds word.
    const key = fc.constantFrom('m', '이름', 'emoji\u{1F600}', 'lone\ud800');
    // String values with 3- and 4-byte characters too (kept as strings, so counted as such).
    const anyValue = fc.oneof(value, fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, anyValue), { minLength: 0, maxLength: 14 }), (members) => {
        const texts = new TemplatedTexts();
        const values = members.map(([, v]) => v);
        const text = JSON.stringify(Object.fromEntries(members.map(([k, v], i) => [`${k}${i}`, v])));
        const id = texts.add(text, values);
        // A second text of the same template, so lengths are read from a template learned once.
        const again = texts.add(text, values);
        expect(texts.utf8Length(id)).toBe(new TextEncoder().encode(text).length);
        expect(texts.utf8Length(again)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: 400 },
    );
  });

  it('packs a long base64 value after shorter ones in the same text, and a value that failed midway leaves no words', () => {
    const texts = new TemplatedTexts();
    const long = 'A'.repeat(2000);
    // The second value passes the base64 check for its first 30 characters, then fails: its words are dropped.
    const values = ['0123456789ABCDEF', `${'B'.repeat(30)}é${'B'.repeat(10)}`, long, 'c7a3e3f4-5b6a-4c8d-9e0f-1a2b3c4d5e6f'];
    const text = JSON.stringify({ a: values[0], b: values[1], c: values[2], d: values[3] });
    const id = texts.add(text, values);
    expect(texts.get(id)).toBe(text);
    expect(texts.values(id)).toEqual(values);
    const s = texts.snapshotAll();
    expect(words(s, 'packed')).toEqual([...reference(values[0]!).packed, ...reference(long).packed, ...reference(values[3]!).packed]);
    expect(s.strings).toEqual([values[1]]);
  });
});

describe('a very long base64 value', () => {
  it('is kept as a string, so a text with several of them still fits a chunk of the packed column', () => {
    const t = new TemplatedTexts();
    const long = (c: string) => c.repeat(300_000);
    const values = [long('A'), long('B'), long('C')];
    const text = JSON.stringify({ a: values[0], b: values[1], c: values[2] });
    const id = t.add(text, values);
    expect(t.get(id)).toBe(text);
    expect(t.values(id)).toEqual(values);
    expect(t.packedOnly(id)).toBe(false);
  });
});
