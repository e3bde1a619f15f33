// Texts that differ in a value that is not cut but keeps its width (a new resource's id in every record) each
// make a template, all under one signature. Past a few, they are found by content: the same template as a
// search one by one would find, and no slower as they grow.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TemplatedTexts } from '../../../simulator/core/templated-texts';

const uuid = (i: number) => `${i.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${i.toString(16).padStart(12, '0')}`;
const vpc = (k: number) => `vpc-${k.toString(16).padStart(17, '0')}`;
const textOf = (k: number, i: number) => `{"eventID":"${uuid(i)}","responseElements":{"vpc":{"vpcId":"${vpc(k)}"}},"n":${k % 7}}`;

describe('TemplatedTexts with many templates of one signature', () => {
  it('keeps one template per shape, finds it again for a repeat, and gives every text back', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 400 }), (shapes) => {
        const store = new TemplatedTexts();
        const firstIdOf = new Map<number, number>();
        const texts: string[] = [];
        shapes.forEach((k, i) => {
          const text = textOf(k, i);
          texts.push(text);
          const id = store.add(text, [uuid(i)]);
          if (!firstIdOf.has(k)) firstIdOf.set(k, id);
        });
        texts.forEach((t, id) => {
          expect(store.get(id)).toBe(t);
        });
        // The store's own templates (snapshotAll, not snapshot, which copies and so merges any twins): one per
        // distinct shape, as a text fits at most one.
        expect(store.snapshotAll().templates).toHaveLength(firstIdOf.size);
        // A store fed the same texts by copying them (as CloudTrail's archive is) adopts each template once.
        const copy = new TemplatedTexts();
        texts.forEach((_, id) => copy.copyFrom(store, id));
        texts.forEach((t, id) => {
          expect(copy.get(id)).toBe(t);
        });
        expect(copy.snapshotAll().templates).toHaveLength(firstIdOf.size);
        // Two copies from different stores with the same templates (templateLike finds them by content).
        const other = new TemplatedTexts();
        texts.forEach((t, i) => other.add(t, [uuid(i)]));
        texts.forEach((_, id) => copy.copyFrom(other, id));
        expect(copy.snapshotAll().templates).toHaveLength(firstIdOf.size);
      }),
      { numRuns: 60 },
    );
  });

  it('a text holding NUL (never cut) and a cut text whose parts join to the same characters stay apart', () => {
    const store = new TemplatedTexts();
    const ids: [number, string][] = [];
    for (let k = 0; k < 20; k++) {
      const cut = `{"a":"${uuid(k)}","b":"x${k.toString().padStart(2, '0')}"}`;
      ids.push([store.add(cut, [uuid(k)]), cut]);
    }
    const withNul = `{"a":"\u0000","b":"x05"}`;
    ids.push([store.add(withNul, []), withNul]);
    for (const [id, text] of ids) expect(store.get(id)).toBe(text);
  });
});
