import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signatureOf, TemplatedTexts } from '../../../simulator/core/templated-texts';

const uuid = fc.uuid().map((u) => u.toLowerCase());
const record = fc.record({
  eventTime: fc.oneof(
    fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z'),
    // Times packed into a word, and look-alikes that must stay strings: not real dates, before 2000, past 2068.
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19) + 'Z'),
    fc.constantFrom('2026-02-30T00:00:00Z', '2026-01-01T24:00:00Z', '1999-12-31T23:59:59Z', '2068-01-19T03:14:08Z', '2068-01-19T03:14:07Z', '2026-1-01T00:00:00Z'),
  ),
  requestID: fc.oneof(uuid, fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: 16, maxLength: 16 })),
  eventID: uuid,
  amzId2: fc.oneof(
    fc.uint8Array({ minLength: 18, maxLength: 64 }).map((b) => btoa(String.fromCharCode(...b))),
    fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'), minLength: 24, maxLength: 90 }).chain((b) => fc.constantFrom(b, `${b}=`, `${b}==`)),
    // Almost base64: '=' inside or three at the end, URL-safe or non-ASCII characters (kept as strings).
    fc.string({ unit: fc.constantFrom(...'AZaz09+/=-_é'), minLength: 24, maxLength: 40 }),
    fc.constantFrom('='.repeat(24), `${'A'.repeat(24)}===`, `${'A'.repeat(12)}=${'A'.repeat(12)}`),
  ),
  note: fc.string(),
});

describe('TemplatedTexts', () => {
  it('gives back every text exactly, whatever the values and the text hold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(record, fc.array(fc.option(fc.string(), { nil: undefined }), { maxLength: 3 })), { maxLength: 30 }), (rows) => {
        const texts = new TemplatedTexts();
        const stored = rows.map(([r, extra]) => {
          const text = JSON.stringify(r);
          return { id: texts.add(text, [r.eventTime, r.amzId2, r.requestID, r.eventID, ...extra]), text };
        });
        for (const s of stored) expect(texts.get(s.id)).toBe(s.text);
      }),
      { numRuns: 200 },
    );
  });

  it('copyFrom stores a text exactly as add would, template and words alike, whichever way each came', () => {
    fc.assert(
      // Few shapes (the note from a short list), so templates are shared and found again both ways.
      fc.property(fc.array(fc.tuple(fc.tuple(record, fc.constantFrom('a', 'b')).map(([r, note]) => ({ ...r, note })), fc.boolean()), { maxLength: 25 }), (rows) => {
        const source = new TemplatedTexts();
        const direct = new TemplatedTexts();
        const mixed = new TemplatedTexts();
        for (const [r, copy] of rows) {
          const text = JSON.stringify(r);
          // In the text's order, so all four are holes and records of one note share a template.
          const values = [r.eventTime, r.requestID, r.eventID, r.amzId2];
          const id = source.add(text, values);
          direct.add(text, values);
          // Some texts come by copy, some by add: the store must end up the same as if all came by add.
          if (copy) mixed.copyFrom(source, id);
          else mixed.add(text, values);
        }
        expect(mixed.snapshotAll()).toEqual(direct.snapshotAll());
      }),
      { numRuns: 200 },
    );
  });

  it('keepFrom keeps a suffix exactly as keep does, and goes on storing after it', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), fc.nat(), fc.array(record, { maxLength: 5 }), (rows, cut, more) => {
        const texts = new TemplatedTexts();
        const stored = rows.map((r) => JSON.stringify(r));
        stored.forEach((t, i) => texts.add(t, [rows[i]!.eventTime, rows[i]!.requestID, rows[i]!.eventID, rows[i]!.amzId2]));
        const first = cut % (rows.length + 1);
        const kept = texts.keepFrom(first);
        const ids = Array.from({ length: rows.length - first }, (_, i) => first + i);
        expect(kept.snapshot(Array.from({ length: ids.length }, (_, i) => i))).toEqual(texts.snapshot(ids));
        for (let i = 0; i < ids.length; i++) expect(kept.get(i)).toBe(stored[first + i]);
        for (const r of more) {
          const t = JSON.stringify(r);
          expect(kept.get(kept.add(t, [r.eventTime, r.requestID, r.eventID, r.amzId2]))).toBe(t);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shares one template between records that differ only in their values', () => {
    const texts = new TemplatedTexts();
    const a = { eventTime: '2026-01-01T00:00:00Z', requestID: 'ABCDEF0123456789', eventID: '63aebd03-feb3-4e4f-a6a9-6393545d65c4', eventName: 'ListBuckets' };
    const b = { ...a, requestID: '0123456789ABCDEF', eventID: '209b16d8-fc9e-42d9-a61e-eb4409814703' };
    for (const r of [a, b]) texts.add(JSON.stringify(r), [r.eventTime, r.requestID, r.eventID]);
    expect((texts as unknown as { templates: unknown[] }).templates).toHaveLength(1);
    expect(texts.values(1)).toEqual([b.eventTime, b.requestID, b.eventID]);
  });

  it('does not cut a value that is absent, escaped in JSON, or out of order, and never a raw NUL text', () => {
    const texts = new TemplatedTexts();
    const quoted = JSON.stringify({ a: 'x"y', b: 'plain' });
    const id1 = texts.add(quoted, ['x"y', 'missing', 'plain']);
    expect(texts.get(id1)).toBe(quoted);
    expect(texts.values(id1)).toEqual(['plain']);
    const id2 = texts.add('"b" then "a"', ['a', 'b']);
    expect(texts.get(id2)).toBe('"b" then "a"');
    const id3 = texts.add('"a"\u0000"b"', ['a', 'b']);
    expect(texts.values(id3)).toEqual([]);
    expect(texts.get(id3)).toBe('"a"\u0000"b"');
  });

  it('packs S3 ids and base64-alphabet values exactly (canonical or not), and keeps other values as strings', () => {
    const texts = new TemplatedTexts();
    // As the simulator writes x-amz-id-2: 76 base64 characters whose last one need not be canonical.
    const amz = 'I9cwKG75nBevFzAnldidfifNeMNs3ZMn4DnlW6CzXVvjIXuwTvYClDDd8BUW65cgj6a9PHUQdXHX=';
    const values = [amz, 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY==', '6CEF313AEB4D8C3F', 'not base64: spaces and ü'];
    for (const v of values) {
      const text = JSON.stringify({ a: 1, v, b: 2 });
      const id = texts.add(text, [v]);
      expect(texts.get(id)).toBe(text);
      expect(texts.values(id)).toEqual([v]);
    }
    expect((texts as unknown as { strings: string[] }).strings).toEqual(['not base64: spaces and ü']);
    const kept = texts.keep([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((i) => kept.get(i))).toEqual([0, 1, 2, 3].map((i) => texts.get(i)));
  });

  it('keeps a subset, renumbered, with only the templates still in use', () => {
    const texts = new TemplatedTexts();
    const ids = ['one', 'two', 'three', 'four'].map((n, i) => texts.add(JSON.stringify({ n, id: `0000000${i}-0000-4000-8000-000000000000` }), [`0000000${i}-0000-4000-8000-000000000000`]));
    const kept = texts.keep([ids[1]!, ids[3]!]);
    expect(kept.size).toBe(2);
    expect(kept.get(0)).toBe(texts.get(ids[1]!));
    expect(kept.get(1)).toBe(texts.get(ids[3]!));
    expect((kept as unknown as { templates: unknown[] }).templates).toHaveLength(2);
    const again = kept.add(JSON.stringify({ n: 'two', id: '00000009-0000-4000-8000-000000000000' }), ['00000009-0000-4000-8000-000000000000']);
    expect((kept as unknown as { templates: unknown[] }).templates).toHaveLength(2);
    expect(kept.get(again)).toContain('00000009-0000-4000-8000-000000000000');
  });
});

describe('TemplatedTexts template signatures', () => {
  it('tells apart texts whose parts have other lengths but the same signature (a hash)', () => {
    // Two one-hole shapes (a, b) and (c, d) with one signature, c > a and d >= b: the second text starts the
    // way the first template does at every place the first template has a part, so only the lengths differ.
    // The signature is FNV-1a over the lengths; lengths a and a + 256 give first steps that differ only in
    // their low bits, so some d makes the second step meet.
    const one = (len: number) => signatureOf(['x'.repeat(len)]);
    let pair: [[number, number], [number, number]] | undefined;
    for (let a = 2; a < 256 && !pair; a++) {
      const c = a + 256;
      const b = 2;
      const d = (one(a) ^ one(c) ^ b) >>> 0;
      if (d >= b && d < 1 << 20 && signatureOf(['x'.repeat(a), 'x'.repeat(b)]) === signatureOf(['x'.repeat(c), 'x'.repeat(d)])) pair = [[a, b], [c, d]];
    }
    expect(pair).toBeDefined();
    const [[a, b], [c, d]] = pair!;
    const value = '2f1e5c8e-0d4b-4a57-9d6e-3f0a1b2c3d4e';
    const first = `${'x'.repeat(a - 1)}"${value}"${'x'.repeat(b - 1)}`;
    const second = `${'x'.repeat(a - 1)}"${'z'.repeat(c - a - 1)}"${value}"${'x'.repeat(d - 1)}`;
    expect(signatureOf([first.slice(0, a), first.slice(a + value.length)])).toBe(signatureOf([second.slice(0, c), second.slice(c + value.length)]));
    const texts = new TemplatedTexts();
    const i = texts.add(first, [value]);
    const j = texts.add(second, [value]);
    expect(texts.get(i)).toBe(first);
    expect(texts.get(j)).toBe(second);
  });
});
