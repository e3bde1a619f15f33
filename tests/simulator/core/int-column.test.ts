import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK, CHUNK_MASK, IntColumn } from '../../../simulator/core/int-column';

/** The first chunk's sizes the column's comment promises: 1 K numbers, then half again, up to a whole chunk. */
function firstSizes(): number[] {
  const out = [1024];
  while (out[out.length - 1]! < CHUNK) out.push(Math.min(CHUNK, Math.ceil(out[out.length - 1]! * 1.5)));
  return out;
}

describe('IntColumn', () => {
  it('keeps every pushed number; only the first chunk grows, and a full chunk is never copied again', () => {
    const c = new IntColumn();
    const firsts = new Set<number>([c.chunks[0]!.length]);
    const made = new Map<number, Int32Array>();
    let replaced = 0;
    for (let i = 0; i < 300_000; i++) {
      c.push(i * 7 - 3);
      firsts.add(c.chunks[0]!.length);
      if (i % 1000 === 0 || (i & CHUNK_MASK) === 0) {
        for (let k = 1; k < c.chunks.length; k++) {
          const chunk = c.chunks[k]!;
          if (!made.has(k)) made.set(k, chunk);
          else if (made.get(k) !== chunk) replaced++;
        }
      }
    }
    expect(replaced).toBe(0);
    expect(c.length).toBe(300_000);
    for (let i = 0; i < 300_000; i += 997) expect(c.at(i)).toBe(i * 7 - 3);
    expect([...firsts]).toEqual(firstSizes());
    expect(c.chunks.length).toBe(Math.ceil(300_000 / CHUNK));
    for (const chunk of c.chunks) expect(chunk.length).toBe(CHUNK);
    expect(Array.from(c.toArray(65_530, 65_540))).toEqual(Array.from({ length: 10 }, (_, j) => (65_530 + j) * 7 - 3));
  });

  it('reserve keeps each run in one chunk; at, toArray and from read back what was written (model check)', () => {
    fc.assert(
      // Runs start near a chunk's end (`lead` numbers pushed first), where reserve has to skip to the next one.
      fc.property(fc.integer({ min: CHUNK - 9000, max: 2 * CHUNK }), fc.array(fc.tuple(fc.nat(9000), fc.integer()), { minLength: 1, maxLength: 40 }), fc.nat(), (lead, steps, cut) => {
        const c = new IntColumn();
        const model = new Map<number, number>();
        for (let p = 0; p < lead; p++) {
          c.push(p);
          model.set(p, p);
        }
        const runs: [number, number][] = [];
        for (const [n, v] of steps) {
          const before = c.length;
          const at = c.reserve(n);
          expect(at === before || (at === (before | CHUNK_MASK) + 1 && (before & CHUNK_MASK) + n > CHUNK)).toBe(true);
          expect((at & CHUNK_MASK) + n).toBeLessThanOrEqual(CHUNK);
          const chunk = c.chunkOf(at);
          for (let i = 0; i < n; i++) chunk[(at & CHUNK_MASK) + i] = v + i;
          c.length = at + n;
          for (let i = 0; i < n; i++) model.set(at + i, (v + i) | 0);
          runs.push([at, n]);
          c.push(v);
          model.set(c.length - 1, v | 0);
        }
        // Mismatches are collected and compared once: an expect per number made a run take minutes.
        const wrong: string[] = [];
        const check = (what: string, got: number, want: number): void => {
          if (got !== want && wrong.length < 5) wrong.push(`${what}: ${got} ≠ ${want}`);
        };
        for (const [p, v] of model) check(`at(${p})`, c.at(p), v);
        const all = c.toArray();
        expect(all.length).toBe(c.length);
        for (let p = 0; p < c.length; p++) check(`toArray[${p}]`, all[p]!, model.get(p) ?? 0);
        // From a chunk's first position every run is still within one chunk, at the same offset.
        const from = Math.min(cut % (c.length + 1), c.length) & ~CHUNK_MASK;
        const kept = c.from(from, 5);
        expect(kept.length).toBe(c.length - from);
        for (const [p, v] of model) if (p >= from) check(`from(${from}).at(${p - from})`, kept.at(p - from), (v + 5) | 0);
        for (const [at, n] of runs) if (at >= from && n > 0 && ((at - from) & CHUNK_MASK) + n > CHUNK) wrong.push(`run at ${at} crosses a chunk`);
        // From any position, the numbers (not the runs' chunks) are kept.
        const any = cut % (c.length + 1);
        const tail = c.from(any);
        for (let p = any; p < c.length; p++) check(`from(${any}).at(${p - any})`, tail.at(p - any), model.get(p) ?? 0);
        expect(wrong).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('from makes a column of the numbers from a position, each with `add`, that grows on from there', () => {
    const c = new IntColumn();
    for (let i = 0; i < 70_000; i++) c.push(i - 10);
    const d = c.from(0, 3);
    expect(d.length).toBe(70_000);
    for (let i = 0; i < 70_000; i += 313) expect(d.at(i)).toBe(i - 7);
    d.push(42);
    expect(d.at(70_000)).toBe(42);
    expect(c.at(69_999)).toBe(69_989);
    expect(c.from(70_000).length).toBe(0);
  });

  it('takeFrom holds the chunks from a chunk\'s first position on, not copies; it grows on without touching what the column it came from holds', () => {
    const c = new IntColumn();
    for (let i = 0; i < 3 * CHUNK + 500; i++) c.push(i);
    const d = c.takeFrom(CHUNK);
    expect(d.length).toBe(2 * CHUNK + 500);
    expect(d.chunks[0]).toBe(c.chunks[1]);
    for (let i = 0; i < d.length; i += 997) expect(d.at(i)).toBe(CHUNK + i);
    for (let i = 0; i < CHUNK; i++) d.push(-i);
    expect(d.at(2 * CHUNK + 500)).toBe(0);
    expect(d.at(3 * CHUNK + 499)).toBe(-(CHUNK - 1));
    for (let i = 0; i < c.length; i += 991) expect(c.at(i)).toBe(i);
    expect(c.at(c.length - 1)).toBe(3 * CHUNK + 499);
    // From the start (a first chunk shorter than a whole one), and from the end.
    const short = new IntColumn();
    for (let i = 0; i < 10; i++) short.push(i);
    const all = short.takeFrom(0);
    for (let i = 0; i < 2000; i++) all.push(10 + i);
    expect(all.toArray()).toEqual(Int32Array.from({ length: 2010 }, (_, i) => i));
    expect(short.toArray()).toEqual(Int32Array.from({ length: 10 }, (_, i) => i));
    expect(c.takeFrom(4 * CHUNK).length).toBe(0);
    expect(() => c.takeFrom(5)).toThrow(RangeError);
  });
});
