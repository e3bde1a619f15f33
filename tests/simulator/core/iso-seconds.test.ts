import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoSecondsOf } from '../../../simulator/core/iso-seconds';

/** The definition: a text toISOString writes (to the second, `Z`), read as Date.parse reads it. */
function reference(s: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) + 'Z' === s ? ms / 1000 : undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const anyDate = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19) + 'Z');
/** Field by field, in and out of range: month 0–19, day 0–39, hour 0–29, minute and second 0–69. */
const fields = fc
  .tuple(fc.oneof(fc.integer({ min: 1895, max: 2105 }), fc.integer({ min: 0, max: 9999 })), fc.nat(19), fc.nat(39), fc.nat(29), fc.nat(69), fc.nat(69))
  .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}Z`);
/** A real time with one character replaced by a separator, digit, letter or non-ASCII digit. */
const damaged = fc.tuple(anyDate, fc.nat(19), fc.constantFrom(...'0123456789-T:Z .+tz/\u0660\uff10')).map(([t, at, c]) => t.slice(0, at) + c + t.slice(at + 1));

describe('isoSecondsOf', () => {
  it('reads exactly the texts toISOString writes to the second, as Date.parse does, from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.oneof(anyDate, fields, damaged, fc.string({ minLength: 19, maxLength: 21 })), (s) => {
        expect(isoSecondsOf(s)).toBe(reference(s));
      }),
      { numRuns: 10000 },
    );
  });

  it('agrees at the edges: leap days by the 4, 100 and 400 rules, hour 24, second 60, the epoch, years 0 and 9999', () => {
    const edges = [
      '1970-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '0000-02-29T00:00:00Z', '9999-12-31T23:59:59Z',
      '2000-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2024-02-29T12:00:00Z', '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z', '2026-12-31T23:59:59Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T23:59:60Z',
      '2026-00-10T00:00:00Z', '2026-13-10T00:00:00Z', '2026-01-00T00:00:00Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00+00:00', '',
    ];
    for (const s of edges) expect(isoSecondsOf(s), s).toBe(reference(s));
    expect(isoSecondsOf('1970-01-01T00:00:00Z')).toBe(0);
    expect(isoSecondsOf('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29) / 1000);
    expect(isoSecondsOf('1900-02-29T00:00:00Z')).toBeUndefined();
  });
});
