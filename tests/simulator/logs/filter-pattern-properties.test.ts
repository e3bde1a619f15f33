// Properties of the pattern language that must hold for every input, checked with fast-check.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FilterPatternError, matchesFilterPattern, matchLogEvent, parseFilterPattern } from '../../../simulator/logs/filter-pattern';

const word = fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/);
const text = fc.string({ maxLength: 30 });

describe('filter pattern properties', () => {
  it('parsing any text either succeeds or fails with FilterPatternError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (p) => {
        try {
          parseFilterPattern(p);
        } catch (e) {
          expect(e).toBeInstanceOf(FilterPatternError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a term matches exactly the messages that contain it', () => {
    fc.assert(
      fc.property(word, text, (t, m) => {
        expect(matchesFilterPattern(t, m)).toBe(m.includes(t));
        expect(matchesFilterPattern(t, `${m}${t}${m}`)).toBe(true);
      }),
    );
  });

  it('t -t never matches; -t matches what t does not', () => {
    fc.assert(
      fc.property(word, text, (t, m) => {
        expect(matchesFilterPattern(`${t} -${t}`, m)).toBe(false);
        expect(matchesFilterPattern(`-${t}`, m)).toBe(!m.includes(t));
      }),
    );
  });

  it('?a ?b is a OR b, and a b is a AND b', () => {
    fc.assert(
      fc.property(word, word, text, (a, b, m) => {
        expect(matchesFilterPattern(`?${a} ?${b}`, m)).toBe(m.includes(a) || m.includes(b));
        expect(matchesFilterPattern(`${a} ${b}`, m)).toBe(m.includes(a) && m.includes(b));
      }),
    );
  });

  it('the empty pattern matches every message', () => {
    fc.assert(
      fc.property(text, (m) => {
        expect(matchesFilterPattern('', m)).toBe(true);
      }),
    );
  });

  it('JSON = and != on a string field are complements; on a missing field both fail', () => {
    fc.assert(
      fc.property(word, word, (actual, wanted) => {
        const m = JSON.stringify({ k: actual });
        expect(matchesFilterPattern(`{ $.k = "${wanted}" }`, m)).toBe(actual === wanted);
        expect(matchesFilterPattern(`{ $.k != "${wanted}" }`, m)).toBe(actual !== wanted);
        expect(matchesFilterPattern(`{ $.other != "${wanted}" }`, m)).toBe(false);
      }),
    );
  });

  it('JSON numeric operators agree with number comparison', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (a, b) => {
        const m = JSON.stringify({ n: a });
        expect(matchesFilterPattern(`{ $.n > ${b} }`, m)).toBe(a > b);
        expect(matchesFilterPattern(`{ $.n <= ${b} }`, m)).toBe(a <= b);
        expect(matchesFilterPattern(`{ $.n = ${b} }`, m)).toBe(a === b);
      }),
    );
  });

  it('&& binds tighter than ||', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (x, y, z) => {
        const m = JSON.stringify({ x: x ? 1 : 0, y: y ? 1 : 0, z: z ? 1 : 0 });
        expect(matchesFilterPattern('{ $.x = 1 || $.y = 1 && $.z = 1 }', m)).toBe(x || (y && z));
        expect(matchesFilterPattern('{ ($.x = 1 || $.y = 1) && $.z = 1 }', m)).toBe((x || y) && z);
      }),
    );
  });

  it('[] reports every field by position; [..., last] names the last one', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const m = words.join(' ');
        const all = matchLogEvent(parseFilterPattern('[]'), m);
        expect(all.fields).toEqual(Object.fromEntries(words.map((w, i) => [`$${i + 1}`, w])));
        const last = matchLogEvent(parseFilterPattern('[..., last]'), m);
        expect(last.fields['$last']).toBe(words[words.length - 1]);
      }),
    );
  });

  it('without ... a pattern of n slots matches only n-field messages', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 }), (words, n) => {
        const pattern = `[${Array.from({ length: n }, (_, i) => `f${i}`).join(', ')}]`;
        expect(matchesFilterPattern(pattern, words.join(' '))).toBe(words.length === n);
      }),
    );
  });
});
