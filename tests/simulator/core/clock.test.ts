import { describe, expect, it } from 'vitest';
import { eventTime, isoMillis } from '../../../simulator/core/clock';

const direct = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('eventTime', () => {
  it('is the whole-second UTC text, whatever order seconds come in (more of them than it remembers)', () => {
    const base = Date.parse('2026-11-01T00:00:00Z');
    // Cycles through 3, 4, 5 and 9 distinct seconds, then jumps about: every answer must be the direct one.
    const times: number[] = [];
    for (const width of [3, 4, 5, 9]) for (let i = 0; i < 40; i++) times.push(base + (i % width) * 1000 + (i * 37) % 1000);
    for (let i = 0; i < 200; i++) times.push(base + ((i * 7919) % 86_400_000));
    for (const ms of times) expect(eventTime(ms)).toBe(direct(ms));
  });

  it('keeps the millisecond truncation exact at edges: before 1970, a second boundary, far future', () => {
    for (const ms of [-1, -999, -1000, -1001, 0, 999, 1000, 1_767_225_599_999, 1_767_225_600_000, Date.parse('9999-12-31T23:59:59.999Z')]) {
      expect(eventTime(ms)).toBe(direct(ms));
      expect(eventTime(ms)).toBe(direct(ms));
    }
    expect(eventTime(Date.parse('2026-01-01T00:00:00.999Z'))).toBe('2026-01-01T00:00:00Z');
  });
});

describe('isoMillis', () => {
  it('is toISOString for every instant, asked again and again, across more instants than it keeps', () => {
    const base = Date.parse('2026-11-01T00:00:00.123Z');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5000; i++) {
        const ms = base + ((i * 7919) % 6000) * 1001;
        expect(isoMillis(ms)).toBe(new Date(ms).toISOString());
      }
    }
    expect(isoMillis(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(() => isoMillis(Number.NaN)).toThrow(RangeError);
    expect(() => isoMillis(Number.NaN)).toThrow(RangeError);
  });
});
