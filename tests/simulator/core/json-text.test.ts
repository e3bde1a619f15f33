import { describe, expect, it } from 'vitest';
import { jsonText, quoted } from '../../../simulator/core/json-text';
import { SeededRandom } from '../../../simulator/core/random';

const rnd = new SeededRandom(99);
const pick = <T>(xs: readonly T[]): T => xs[rnd.int(0, xs.length)]!;

const STRINGS = ['', 'plain', 'q"uote', 'back\\', 'nl\n', '\u0000', '\u001f', '\u007f', 'lone\ud800', '\udfff', '😀', '한국어', '\u2028', 'x'.repeat(300)];
const KEYS = ['a', 'B', '0', '10', '2', '-1', '1.5', '4294967295', 'a"b', 'toString', '__proto__x', '', '\n', '😀'];
class Thing {
  x = 1;
}

/** Plain data with everything JSON.stringify treats specially mixed in. */
function value(depth: number): unknown {
  switch (rnd.int(0, depth > 3 ? 6 : 12)) {
    case 0: return pick(STRINGS);
    case 1: return pick([0, -0, 1, -1.5, 1e21, 1e-7, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    case 2: return pick([true, false]);
    case 3: return null;
    case 4: return undefined;
    case 5: return pick([() => 1, Symbol('s')]);
    case 6:
    case 7: {
      const a: unknown[] = Array.from({ length: rnd.int(0, 4) }, () => value(depth + 1));
      if (rnd.next() < 0.1) a.length += 2; // holes
      return a;
    }
    case 8:
    case 9: {
      const o: Record<string, unknown> = rnd.next() < 0.1 ? Object.create(null) : {};
      for (let i = rnd.int(0, 5); i > 0; i--) o[pick(KEYS)] = value(depth + 1);
      return o;
    }
    case 10: return pick<unknown>([new Date(0), new Thing(), new Map([[1, 2]]), Object(1), Object('s'), new Uint8Array(2), { toJSON: (k: string) => `k=${k}` }, { toJSON: 'not a function' }]);
    default: {
      const o: Record<string, unknown> = {};
      Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
      o['shown'] = value(depth + 1);
      return o;
    }
  }
}

describe('jsonText', () => {
  it('is JSON.stringify of thousands of values with escapes, holes, non-finite numbers, toJSON and non-plain objects', () => {
    for (let i = 0; i < 20000; i++) {
      const v = value(0);
      expect(jsonText(v)).toBe(JSON.stringify(v));
    }
  });

  it('writes own members only: members deleted and added again, and an enumerable member on Object.prototype', () => {
    const o: Record<string, unknown> = { b: 1, a: { c: 2, d: [3] }, 7: 'n', z: 'z' };
    delete o['b'];
    o['b'] = 'again';
    delete (o['a'] as Record<string, unknown>)['c'];
    expect(jsonText(o)).toBe(JSON.stringify(o));
    const proto = Object.prototype as Record<string, unknown>;
    proto['inherited'] = 'leaked';
    try {
      for (const v of [o, { x: { y: 1 } }, [{ p: 1 }], Object.assign(Object.create(null) as object, { q: 2 })]) {
        expect(jsonText(v)).toBe(JSON.stringify(v));
        expect(jsonText(v)).not.toContain('leaked');
      }
    } finally {
      delete proto['inherited'];
    }
    expect(jsonText(o)).toBe(JSON.stringify(o));
  });

  it('nesting deeper than it writes itself, and cycles, behave as JSON.stringify', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 100; i++) deep = i % 2 ? [deep] : { d: deep };
    expect(jsonText(deep)).toBe(JSON.stringify(deep));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(() => jsonText(cyclic)).toThrow(TypeError);
    expect(() => jsonText({ n: 1n })).toThrow(TypeError);
  });

  it('quoted is JSON.stringify of a string', () => {
    for (const s of STRINGS) expect(quoted(s)).toBe(JSON.stringify(s));
    for (let c = 0; c < 0x10000; c += 7) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(quoted(s)).toBe(JSON.stringify(s));
    }
  });
});
