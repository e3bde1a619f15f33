// The verdict store the bus looks every event up in (bus-verdicts.ts) and the reused value lists it is looked up
// with (PathsReader.readLists): remembering must never change a verdict, whatever values follow each other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../../simulator/core/contract';
import { listKey, VerdictTree } from '../../../simulator/events/bus-verdicts';
import { PathsReader } from '../../../simulator/events/pattern-paths';
import type { Leaf } from '../../../simulator/events/pattern-types';

const leaf = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('s1:a|', 'a', '-', '|', 'z', 't', 'f', ''), fc.constantFrom(0, -0, 1, 2.5), fc.boolean(), fc.constant(null));
/** The lists of a fixed number of paths: empty (no value), one value, or several. */
const lists = (paths: number) => fc.array(fc.array(leaf, { maxLength: 3 }), { minLength: paths, maxLength: paths });
/** What makes two lookups the same: JSON writes 0 and -0 alike, as every matcher treats them. */
const same = (a: Leaf[][], b: Leaf[][]) => JSON.stringify(a) === JSON.stringify(b);

describe('VerdictTree', () => {
  it('answers a lookup exactly when the same value lists were stored, a single string apart from any list', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }).chain((n) => fc.array(lists(n), { minLength: 1, maxLength: 8 })), (all) => {
        const tree = new VerdictTree<number>(1024, 2048);
        all.forEach((l, i) => {
          tree.set(l, i);
        });
        all.forEach((l) => {
          // The last verdict stored under equal lists wins.
          let want: number | undefined;
          all.forEach((other, j) => {
            if (same(l, other)) want = j;
          });
          expect(tree.get(l)).toBe(want);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('tells one string from a list whose key text it spells, and no value from an empty list', () => {
    const tree = new VerdictTree<string>(1024, 2048);
    tree.set([[listKey(['a'])]], 'string');
    tree.set([['a']], 'a');
    tree.set([[]], 'none');
    expect(tree.get([['s1:a|']])).toBe('string');
    expect(tree.get([['a']])).toBe('a');
    expect(tree.get([[]])).toBe('none');
    expect(tree.get([['-']])).toBeUndefined();
    expect(tree.get([['a', 'a']])).toBeUndefined();
    expect(tree.get([[1]])).toBeUndefined();
    expect(tree.get([['1']])).toBeUndefined();
  });

  it('keeps nothing for values longer than its bound, and starts over when full', () => {
    const tree = new VerdictTree<number>(3, 10);
    tree.set([['x'.repeat(11)]], 1);
    expect(tree.get([['x'.repeat(11)]])).toBeUndefined();
    tree.set([['x'.repeat(10)]], 2);
    expect(tree.get([['x'.repeat(10)]])).toBe(2);
    tree.set([['b']], 3);
    tree.set([['c']], 4);
    tree.set([['c']], 5); // replaces, takes no room
    expect([tree.get([['x'.repeat(10)]]), tree.get([['b']]), tree.get([['c']])]).toEqual([2, 3, 5]);
    tree.set([['d']], 6);
    expect([tree.get([['x'.repeat(10)]]), tree.get([['b']]), tree.get([['d']])]).toEqual([undefined, undefined, 6]);
  });
});

describe('PathsReader.readLists', () => {
  it('fills the same lists read gives (empty where read has no entry), whatever the lists held before', () => {
    const key = fc.constantFrom('a', 'b', 'a.b', '');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.oneof(fc.string({ maxLength: 3 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)), tie('obj'), tie('arr')),
      obj: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      arr: fc.array(tie('node'), { maxLength: 3 }),
    }));
    const path = fc.array(fc.constantFrom('a', 'b', ''), { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
    const sortedJson = (l: readonly Leaf[]) => l.map((x) => JSON.stringify(x)).sort();
    fc.assert(
      fc.property(fc.uniqueArray(path, { minLength: 1, maxLength: 4 }), fc.array(value.obj, { minLength: 1, maxLength: 4 }), (paths, events) => {
        const reader = new PathsReader(paths);
        const reused: Leaf[][] = [];
        for (const event of events) {
          reader.readLists(event as JsonObject, reused);
          const read = reader.read(event as JsonObject);
          expect(reused).toHaveLength(paths.length);
          paths.forEach((p, i) => {
            expect(sortedJson(reused[i]!)).toEqual(sortedJson(read.get(p) ?? []));
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a record-shaped event after one with more values without keeping any of them', () => {
    const reader = new PathsReader(['detail.eventName', 'detail-type']);
    const reused: Leaf[][] = [];
    reader.readLists({ 'detail-type': 'T', detail: { eventName: ['A', 'B', 'C'] } } as unknown as JsonObject, reused);
    expect(reused).toEqual([['A', 'B', 'C'], ['T']]);
    reader.readLists({ detail: { eventName: 'D' } } as Json as JsonObject, reused);
    expect(reused).toEqual([['D'], []]);
  });
});
