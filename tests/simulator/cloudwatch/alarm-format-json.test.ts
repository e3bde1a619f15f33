import { describe, expect, it } from 'vitest';
import { JsonLiteral, dbl, int, raw, writeJavaJson, type JavaJson } from '../../../simulator/cloudwatch/alarm-format';

/** The writer as it was before its loops: entry arrays, map and join. */
function reference(v: JavaJson): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof JsonLiteral) return v.text;
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${reference(x)}`).join(',')}}`;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomValue(rand: () => number, depth: number): JavaJson {
  const pick = Math.floor(rand() * (depth > 3 ? 6 : 8));
  const text = () => ['', 'a', 'ç"\\\n', '\u2028', 'stateReason', '0', '가'][Math.floor(rand() * 7)]!;
  switch (pick) {
    case 0: return null;
    case 1: return rand() < 0.5;
    case 2: return text();
    case 3: return dbl(rand() * 1e9 - 5e8);
    case 4: return int(Math.floor(rand() * 1e6));
    case 5: return raw('{"x":[1,2]}');
    case 6: return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default: {
      const out: Record<string, JavaJson> = {};
      // Integer-like keys reorder in JavaScript objects: both writers must follow the same order.
      for (let k = Math.floor(rand() * 5); k > 0; k--) out[[`k${k}`, '2', '10', 'a b', '"q"'][Math.floor(rand() * 5)]!] = randomValue(rand, depth + 1);
      return out;
    }
  }
}

describe('writeJavaJson', () => {
  it('writes what the entry-array writer wrote, for nested random values', () => {
    const rand = lcg(5);
    for (let k = 0; k < 3000; k++) {
      const v = randomValue(rand, 0);
      expect(writeJavaJson(v)).toBe(reference(v));
    }
  });

  it('writes empty containers and keeps insertion order', () => {
    expect(writeJavaJson({})).toBe('{}');
    expect(writeJavaJson([])).toBe('[]');
    expect(writeJavaJson({ b: [dbl(1), null, true], a: { c: 'x' } })).toBe('{"b":[1.0,null,true],"a":{"c":"x"}}');
  });
});
