import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplatedTexts, timeWord } from '../../../simulator/core/templated-texts';

const TIME_BASE_S = Date.UTC(2000, 0, 1) / 1000;

/** The definition timeWord is held to (its first form): a time packs when it writes back to exactly the same
 *  text, as a non-negative 32-bit word of seconds since 2000. */
function reference(s: string): number | undefined {
  if (s.length !== 20 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(s)) return undefined;
  const w = Date.parse(s) / 1000 - TIME_BASE_S;
  const back = Number.isInteger(w) ? new Date((w + TIME_BASE_S) * 1000).toISOString().slice(0, 19) + 'Z' : '';
  return Number.isInteger(w) && w >= 0 && w < 2 ** 31 && back === s ? w : undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Times field by field, in and out of range: month 0–19, day 0–39, hour 0–29, minute and second 0–69. */
const fields = fc
  .tuple(fc.oneof(fc.integer({ min: 1995, max: 2075 }), fc.integer({ min: 0, max: 9999 })), fc.nat(19), fc.nat(39), fc.nat(29), fc.nat(69), fc.nat(69))
  .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}Z`);
const realTimes = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 19) + 'Z');
/** A real time with one character replaced: separators, digits, letters and non-ASCII digits in odd places. */
const damaged = fc
  .tuple(realTimes, fc.nat(19), fc.constantFrom(...'0123456789-T:Z .+tz/\u0660\uff10'))
  .map(([t, at, c]) => t.slice(0, at) + c + t.slice(at + 1));

describe('timeWord', () => {
  it('packs exactly the times that write back to the same text, as Date.parse and toISOString decide', () => {
    fc.assert(
      fc.property(fc.oneof(fields, realTimes, damaged, fc.string({ minLength: 19, maxLength: 21 })), (s) => {
        expect(timeWord(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees at the edges: the word range, leap days, hour 24, second 60, two-digit years', () => {
    const edges = [
      '2000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2068-01-19T03:14:07Z', '2068-01-19T03:14:08Z',
      '2000-02-29T00:00:00Z', '2024-02-29T12:00:00Z', '2026-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2026-04-31T00:00:00Z',
      '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T23:59:60Z', '0050-01-01T00:00:00Z', '0000-01-01T00:00:00Z',
      '2026-00-10T00:00:00Z', '2026-13-10T00:00:00Z', '2026-01-00T00:00:00Z', '2026-01-01t00:00:00Z', '2026-01-01T00:00:00z',
      '2026-01-01 00:00:00Z', '+2026-01-01T00:00:00', '2026-01-01T00:00:00.000Z', '',
    ];
    for (const s of edges) expect(timeWord(s), s).toBe(reference(s));
    expect(timeWord('2068-01-19T03:14:07Z')).toBe(2 ** 31 - 1);
    expect(timeWord('2000-01-01T00:00:00Z')).toBe(0);
    expect(timeWord('2024-02-29T12:00:00Z')).toBeDefined();
    expect(timeWord('2026-02-29T00:00:00Z')).toBeUndefined();
  });

  it('a store gives back every time it packed, and keeps the rest as they came', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fields, realTimes, damaged), { maxLength: 20 }), (times) => {
        const texts = new TemplatedTexts();
        const ids = times.map((t) => texts.add(JSON.stringify({ eventTime: t, n: 1 }), [t]));
        ids.forEach((id, i) => {
          expect(texts.get(id)).toBe(JSON.stringify({ eventTime: times[i], n: 1 }));
        });
      }),
      { numRuns: 300 },
    );
  });
});
