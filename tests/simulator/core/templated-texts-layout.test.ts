import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../simulator/core/format';
import { TemplatedTexts, type TemplatedTextsColumnsSnapshot } from '../../../simulator/core/templated-texts';

// The store keeps three words a text (template, where its words start, its holes' kinds) and writes the
// saved form's per-hole columns only when saving: these pin that form and the paths that translate it.

const uuid = fc.uuid().map((u) => u.toLowerCase());
/** Values of every kind the store packs, and strings (some repeated, some with characters JSON escapes). */
const value = fc.oneof(
  uuid,
  fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: 16, maxLength: 16 }),
  fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19) + 'Z'),
  fc.uint8Array({ minLength: 18, maxLength: 60 }).map((b) => btoa(String.fromCharCode(...b))),
  fc.constantFrom('us-east-1', 'plain', 'a"quote'),
  fc.string({ maxLength: 20 }),
);
/** Texts with up to 25 holes, so some have more than fit in one kinds word (ten). */
const row = fc.array(value, { maxLength: 25 }).map((values) => ({ text: JSON.stringify({ values, tail: 'x' }), values }));

function words(s: TemplatedTextsColumnsSnapshot, column: keyof TemplatedTextsColumnsSnapshot['columns']): number[] {
  const bytes = fromBase64(s.columns[column]);
  return Array.from(new Int32Array(bytes.slice().buffer));
}

describe('TemplatedTexts layout', () => {
  it('gives back texts with many holes of every kind exactly, through snapshot, copy, keep and keepFrom', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.nat(), (rows, cut) => {
        const texts = new TemplatedTexts();
        const ids = rows.map((r) => texts.add(r.text, r.values));
        rows.forEach((r, i) => {
          expect(texts.get(ids[i]!)).toBe(r.text);
        });
        const saved = texts.snapshotAll();
        const restored = TemplatedTexts.fromSnapshot(saved);
        expect(restored.snapshotAll()).toEqual(saved);
        rows.forEach((r, i) => expect(restored.get(i)).toBe(r.text));
        const copied = new TemplatedTexts();
        ids.forEach((id) => copied.copyFrom(restored, id));
        expect(copied.snapshotAll()).toEqual(saved);
        const first = cut % (rows.length + 1);
        const suffix = Array.from({ length: rows.length - first }, (_, i) => first + i);
        // keepFrom keeps every template; saving its texts through keep leaves the unused ones out, as snapshot does.
        expect(texts.keepFrom(first).snapshot(suffix.map((_, i) => i))).toEqual(texts.snapshot(suffix));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the kinds of holes past the tenth in words of the text itself', () => {
    const values = Array.from({ length: 23 }, (_, i) =>
      [`${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, `plain-${i}`, '0123456789ABCDEF', `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`][i % 4]!,
    );
    const texts = new TemplatedTexts();
    const text = JSON.stringify({ values });
    const id = texts.add(text, values);
    expect(texts.values(id)).toEqual(values);
    expect(texts.get(id)).toBe(text);
    const restored = TemplatedTexts.fromSnapshot(texts.snapshotAll());
    expect(restored.values(0)).toEqual(values);
    expect(words(texts.snapshotAll(), 'holeKinds').filter((k) => k === -1)).toHaveLength(6);
  });

  it('keeps string numbers right after a suffix is kept twice, and copies from such a store', () => {
    const texts = new TemplatedTexts();
    const rows = Array.from({ length: 9 }, (_, i) => ({ text: JSON.stringify({ a: `s${i}`, b: i % 3 === 0 ? 'same' : `t${i}`, c: 'end' }), values: [`s${i}`, i % 3 === 0 ? 'same' : `t${i}`] }));
    rows.forEach((r) => texts.add(r.text, r.values));
    const once = texts.keepFrom(2);
    const twice = once.keepFrom(3);
    for (let i = 0; i < 4; i++) expect(twice.get(i)).toBe(rows[5 + i]!.text);
    const more = { text: JSON.stringify({ a: 'new', b: 'same', c: 'end' }), values: ['new', 'same'] };
    expect(twice.get(twice.add(more.text, more.values))).toBe(more.text);
    const copy = new TemplatedTexts();
    for (let i = 0; i < twice.size; i++) copy.copyFrom(twice, i);
    expect(copy.snapshotAll()).toEqual(twice.snapshotAll());
    expect(twice.snapshotAll().strings).toEqual([...rows.slice(5).flatMap((r) => r.values), ...more.values]);
  });

  it('saves the per-hole form: hole entries of kind and offset, strings in order, packed words only', () => {
    const texts = new TemplatedTexts();
    const id = '0000000a-0000-4000-8000-00000000000b';
    const a = { eventTime: '2000-01-01T00:00:02Z', user: 'alice', eventID: id };
    const b = { eventTime: '2000-01-01T00:00:03Z', user: 'bob', eventID: id };
    for (const r of [a, b]) texts.add(JSON.stringify(r), [r.eventTime, r.user, r.eventID]);
    const s = texts.snapshotAll();
    expect(s.templates).toHaveLength(1);
    expect(words(s, 'template')).toEqual([0, 0]);
    expect(words(s, 'holesAt')).toEqual([0, 3]);
    expect(words(s, 'stringsAt')).toEqual([0, 1]);
    // Kind in the top three bits (time 3, UUID 0), offset in `packed` below; -1 for a string.
    expect(words(s, 'holeKinds')).toEqual([(3 << 29) | 0, -1, (0 << 29) | 1, (3 << 29) | 5, -1, (0 << 29) | 6]);
    expect(words(s, 'packed')).toEqual([2, 0x0000000a, 0x00004000, 0x80000000 | 0, 0x0000000b, 3, 0x0000000a, 0x00004000, 0x80000000 | 0, 0x0000000b]);
    expect(s.strings).toEqual(['alice', 'bob']);
  });

  it('refuses a snapshot whose holes, strings or packed words do not add up', () => {
    const texts = new TemplatedTexts();
    texts.add(JSON.stringify({ t: '2000-01-01T00:00:02Z', u: 'alice' }), ['2000-01-01T00:00:02Z', 'alice']);
    const good = texts.snapshotAll();
    expect(() => TemplatedTexts.fromSnapshot({ ...good, strings: [] })).toThrow(/strings do not match/);
    expect(() => TemplatedTexts.fromSnapshot({ ...good, strings: ['alice', 'extra'] })).toThrow(/strings do not match/);
    expect(() => TemplatedTexts.fromSnapshot({ ...good, columns: { ...good.columns, packed: '' } })).toThrow(/outside its column/);
    expect(() => TemplatedTexts.fromSnapshot({ ...good, columns: { ...good.columns, holeKinds: good.columns.packed } })).toThrow(/too few holes|outside its column|strings do not match/);
    // A value a store never cuts (it holds a character JSON escapes): the text would not be the JSON it was.
    expect(TemplatedTexts.fromSnapshot(good).get(0)).toBe(JSON.stringify({ t: '2000-01-01T00:00:02Z', u: 'alice' }));
    for (const v of ['x"', 'a\\b', 'line\n']) expect(() => TemplatedTexts.fromSnapshot({ ...good, strings: [v] })).toThrow(/malformed strings/);
  });
});
