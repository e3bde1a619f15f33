import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../simulator/core/contract';
import { lowerFirstKeys } from '../../../simulator/core/service';

/** The plain reading of the rule: Object.entries, each name's first UTF-16 unit lowered. */
function reference(v: Json): Json {
  if (Array.isArray(v)) return v.map(reference);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, val] of Object.entries(v)) out[k.charAt(0).toLowerCase() + k.slice(1)] = reference(val);
    return out;
  }
  return v;
}

// Names that lower differently: empty, already lower, digits, accented, İ (lowers to two units), a surrogate
// pair (its first unit alone), and pairs that collide once lowered (Name and name: the later value, the first place).
const NAMES = ['', 'Name', 'name', 'NAME', 'BucketName', 'x', 'X', '0', '10', 'Éclair', 'İstanbul', '😀Smile', 'ǅ', 'toString', 'Constructor', 'a b'];
const json: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 3 }).filter((s) => s !== '__proto__')), tie('v')), { maxLength: 5 }).map((members) => {
      const o: Record<string, Json> = {};
      for (const [k, val] of members) o[k] = val;
      return o;
    }),
  ),
})).v;

describe('lowerFirstKeys', () => {
  it('lowers every member name at every depth exactly as Object.entries and charAt would, the same twice', () => {
    fc.assert(
      fc.property(json, (v) => {
        // JSON text: member names, their order and values (toStrictEqual would compare an own "constructor"
        // member as the objects' classes).
        const want = JSON.stringify(reference(v));
        expect(JSON.stringify(lowerFirstKeys(v))).toBe(want);
        expect(JSON.stringify(lowerFirstKeys(v))).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes own members only, and leaves arrays (holes too) and primitives as they are', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['Leaked'] = 1;
    try {
      expect(JSON.stringify(lowerFirstKeys({ Name: 'a', Nested: { Key: [1, { Deep: true }] } }))).toBe('{"name":"a","nested":{"key":[1,{"deep":true}]}}');
    } finally {
      delete proto['Leaked'];
    }
    // eslint-disable-next-line no-sparse-arrays -- a hole is what is being checked
    const holes = [1, , { A: 2 }] as Json[];
    const out = lowerFirstKeys(holes) as Json[];
    expect(1 in out).toBe(false);
    expect(out).toStrictEqual(reference(holes));
    expect(lowerFirstKeys('Text')).toBe('Text');
    expect(lowerFirstKeys(null)).toBe(null);
  });
});
