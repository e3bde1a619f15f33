import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Postings, postingsOf } from '../../../simulator/cloudtrail/history/postings';

// Postings keep ids as gaps in 7-bit groups, in blocks of 32: every walk must give what a plain ascending
// array gives, for gaps of one byte up to five and lists that end anywhere in a block.

/** Ascending ids: mostly small gaps, some up to the 32-bit limit. */
const ascending = fc
  .tuple(
    fc.nat({ max: 1000 }),
    fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 130 }) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 20_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 27 }) }), { maxLength: 200 }),
  )
  .map(([start, gaps]) => {
    const ids = [start];
    for (const g of gaps) {
      const next = ids[ids.length - 1]! + g;
      if (next > 2 ** 31 - 1) break;
      ids.push(next);
    }
    return ids;
  });

describe('Postings', () => {
  it('walks newest first between two ids exactly as the plain array does, stopping when told', () => {
    fc.assert(
      fc.property(ascending, fc.nat(), fc.nat(), fc.nat({ max: 300 }), (ids, a, b, stopAfter) => {
        const p = Postings.of(ids);
        expect(p.length).toBe(ids.length);
        expect(p.first).toBe(ids[0]);
        expect(p.last).toBe(ids[ids.length - 1]);
        expect(p.toArray()).toEqual(ids);
        const top = ids[ids.length - 1]! + 1;
        const maxId = a % (top + 1);
        const minId = Math.min(maxId, b % (top + 1));
        const seen: number[] = [];
        p.visitDescending(maxId, minId, (id) => {
          seen.push(id);
          return seen.length < stopAfter;
        });
        const expected = ids.filter((id) => id <= maxId && id >= minId).reverse().slice(0, Math.max(1, stopAfter));
        expect(seen).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the ids from a cut on (and at most the 31 before it in its block), and both grow in place past their blocks', () => {
    fc.assert(
      fc.property(ascending, fc.nat(), fc.array(fc.integer({ min: 1, max: 2 ** 20 }), { maxLength: 70 }), (ids, cut, more) => {
        const p = Postings.of(ids);
        const minId = cut % (ids[ids.length - 1]! + 2);
        const kept = p.from(minId);
        const rest = ids.filter((id) => id >= minId);
        if (rest.length <= 1) expect(kept).toEqual(postingsOf(rest));
        else {
          expect(kept).toBeInstanceOf(Postings);
          const held = (kept as Postings).toArray();
          // The kept ids, after a few (fewer than a block) from before the cut: a tail of the original.
          expect(held.slice(held.length - rest.length)).toEqual(rest);
          expect(held.length - rest.length).toBeLessThan(32);
          expect(held).toEqual(ids.slice(ids.length - held.length));
          const walked: number[] = [];
          (kept as Postings).visitDescending(Infinity, minId, (id) => (walked.push(id), true));
          expect(walked).toEqual([...rest].reverse());
        }
        const all = [...ids];
        const keptAll = kept instanceof Postings ? (kept as Postings).toArray() : [];
        for (const g of more) {
          all.push(all[all.length - 1]! + g);
          p.push(all[all.length - 1]!);
          if (kept instanceof Postings && kept !== p) {
            kept.push(all[all.length - 1]!);
            keptAll.push(all[all.length - 1]!);
          }
        }
        expect(p.toArray()).toEqual(all);
        if (kept instanceof Postings && kept !== p) expect(kept.toArray()).toEqual(keptAll);
      }),
      { numRuns: 300 },
    );
  });

  it('stores frequent ids in about a byte each', () => {
    const p = Postings.of(Array.from({ length: 100_000 }, (_, i) => 3 * i));
    const held = p as unknown as { bytes: Uint8Array; used: number; marks: Int32Array };
    expect(held.used).toBe(100_000 - Math.ceil(100_000 / 32));
    expect(held.bytes.length + 4 * held.marks.length).toBeLessThan(1.5 * 100_000);
  });
});
