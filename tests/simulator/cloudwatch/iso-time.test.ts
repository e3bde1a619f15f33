import { describe, expect, it } from 'vitest';
import { cloudWatchIso } from '../../../simulator/cloudwatch/alarm-format';
import { isoString, isoWithZone } from '../../../simulator/cloudwatch/iso-time';

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('isoString writes what Date#toISOString writes', () => {
  it('agrees on random times across four centuries, in and out of order (the remembered day changes)', () => {
    const rand = lcg(11);
    const span = Date.parse('2400-01-01T00:00:00Z');
    for (let k = 0; k < 20000; k++) {
      const ms = Math.floor(rand() * span);
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
      // Times on the same day as the one before use the remembered day.
      const near = ms + Math.floor(rand() * 3_600_000);
      expect(isoString(near)).toBe(new Date(near).toISOString());
    }
  });

  it('agrees when times alternate between a few days (the two remembered days swap and are replaced)', () => {
    const rand = lcg(23);
    const days = [0, 1, 2, 40, 20_000, 20_001].map((d) => d * 86_400_000);
    for (let k = 0; k < 5000; k++) {
      // Runs of one day, pairs that alternate, and a third day breaking in: every way the two slots can change.
      const ms = days[Math.floor(rand() * (k % 3 === 0 ? days.length : 2))]! + Math.floor(rand() * 86_400_000);
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
      expect(cloudWatchIso(ms)).toBe(`${new Date(ms).toISOString().slice(0, -1)}+0000`);
    }
  });

  it('agrees on the edges of days, leap days, millisecond padding and the plain range', () => {
    const edges = [
      0, -0, 1, 9, 10, 99, 100, 999, 59_999, 86_399_999, 86_400_000, Date.parse('2024-02-29T23:59:59.999Z'),
      Date.parse('2100-02-28T23:59:59.999Z'), Date.parse('2100-03-01T00:00:00Z'), Date.parse('2000-02-29T12:00:00.050Z'),
      Date.parse('9999-12-31T23:59:59.999Z'), Date.parse('9999-12-31T23:59:59.999Z') + 1,
    ];
    for (const ms of edges) expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });

  it('falls back to Date for negative, fractional, far and invalid times, errors included', () => {
    for (const ms of [-1, -86_400_001, -62_198_755_200_000, 1.5, 1700000000000.7, -0.5, 8.64e15, Date.parse('+020000-01-01T00:00:00Z')]) {
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => isoString(Number.NaN)).toThrow(RangeError);
    expect(() => isoString(8.64e15 + 1)).toThrow(RangeError);
  });

  it('puts the zone where the Z was: cloudWatchIso writes +0000', () => {
    const ms = Date.parse('2026-11-26T10:00:00.005Z');
    expect(isoWithZone(ms, '+0000')).toBe('2026-11-26T10:00:00.005+0000');
    expect(cloudWatchIso(ms)).toBe('2026-11-26T10:00:00.005+0000');
    expect(cloudWatchIso(-1)).toBe('1969-12-31T23:59:59.999+0000');
  });
});
