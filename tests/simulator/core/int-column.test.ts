import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntColumn } from '../../../simulator/core/int-column';

/** The capacities the column's comment promises: half again while under 64 K numbers, a quarter after. */
function capacities(upTo: number): number[] {
  const out = [1024];
  while (out[out.length - 1]! < upTo) {
    const n = out[out.length - 1]!;
    out.push(Math.max(16, Math.ceil(n * (n < 1 << 16 ? 1.5 : 1.25))));
  }
  return out;
}

describe('IntColumn', () => {
  it('keeps every pushed number across growth, growing by the documented steps', () => {
    const c = new IntColumn();
    const seen = new Set<number>([c.data.length]);
    for (let i = 0; i < 200_000; i++) {
      c.push(i * 7 - 3);
      seen.add(c.data.length);
    }
    expect(c.length).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(c.data[i]).toBe(i * 7 - 3);
    expect([...seen]).toEqual(capacities(200_000));
  });

  it('reserve gives room for n more numbers, keeps what is held, and grows on the same steps as push', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5000), fc.integer()), { maxLength: 40 }), (steps) => {
        const c = new IntColumn();
        const want: number[] = [];
        for (const [n, v] of steps) {
          c.reserve(n);
          expect(c.data.length).toBeGreaterThanOrEqual(c.length + n);
          expect(capacities(c.data.length)).toContain(c.data.length);
          for (let i = 0; i < n; i++) c.data[c.length + i] = v + i;
          c.length += n;
          for (let i = 0; i < n; i++) want.push((v + i) | 0);
          c.push(v);
          want.push(v | 0);
        }
        expect(Array.from(c.data.subarray(0, c.length))).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });
});
