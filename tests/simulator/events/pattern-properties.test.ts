import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesPattern, parseEventPattern } from '../../../simulator/events/pattern';
import { parseJsonLikeJackson } from '../../../simulator/events/pattern-json';

const matches = (pattern: unknown, event: unknown): boolean => matchesPattern(parseEventPattern(JSON.stringify(pattern)), event);
const leaf = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const safeText = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', '/', '.', ':', 'Z', '1') });

describe('pattern properties', () => {
  it('reads any JSON text exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(parseJsonLikeJackson(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps a "__proto__" key as an ordinary field (found by the property above)', () => {
    const parsed = parseJsonLikeJackson('{"__proto__":{"polluted":1},"a":1}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an exact value matches itself, alone or inside an event array', () => {
    fc.assert(
      fc.property(leaf, fc.array(leaf), (v, others) => {
        expect(matches({ detail: { f: [v] } }, { detail: { f: v } })).toBe(true);
        expect(matches({ detail: { f: [v] } }, { detail: { f: [...others, v] } })).toBe(true);
      }),
    );
  });

  it('exists true and exists false never agree', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const event = { detail: { f: v } };
        expect(matches({ detail: { f: [{ exists: true }] } }, event)).not.toBe(matches({ detail: { f: [{ exists: false }] } }, event));
      }),
    );
  });

  it('anything-but a value never matches that value alone, and never a missing field', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), (v) => {
        expect(matches({ detail: { f: [{ 'anything-but': v }] } }, { detail: { f: v } })).toBe(false);
        expect(matches({ detail: { f: [{ 'anything-but': v }] } }, { detail: {} })).toBe(false);
      }),
    );
  });

  it('prefix and suffix hold for every split of a string', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(matches({ f: [{ prefix: a }] }, { f: a + b })).toBe(true);
        expect(matches({ f: [{ suffix: b }] }, { f: a + b })).toBe(true);
        expect(matches({ f: [{ prefix: { 'equals-ignore-case': a.toUpperCase() } }] }, { f: a.toLowerCase() + b })).toBe(
          (a.toLowerCase() + b).toLowerCase().startsWith(a.toUpperCase().toLowerCase()),
        );
      }),
    );
  });

  it('a numeric range agrees with arithmetic', () => {
    const n = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(n, n, n, (x, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(matches({ f: [{ numeric: ['>', lo, '<=', hi] }] }, { f: x })).toBe(x > lo && x <= hi);
        expect(matches({ f: [{ numeric: ['>=', lo] }] }, { f: x })).toBe(x >= lo);
      }),
    );
  });

  it('a wildcard without stars is an exact match, and a * stands for any text', () => {
    fc.assert(
      fc.property(safeText, safeText, safeText, (a, mid, b) => {
        expect(matches({ f: [{ wildcard: a }] }, { f: a })).toBe(true);
        expect(matches({ f: [{ wildcard: `${a}*${b}` }] }, { f: a + mid + b })).toBe(true);
        expect(matches({ f: [{ wildcard: a + 'x' }] }, { f: a })).toBe(false);
      }),
    );
  });

  it('an IPv4 /24 holds exactly the addresses sharing the first three octets', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, octet, octet, (a, b, c, d, e) => {
        expect(matches({ ip: [{ cidr: `${a}.${b}.${c}.0/24` }] }, { ip: `${a}.${b}.${c}.${d}` })).toBe(true);
        expect(matches({ ip: [{ cidr: `${a}.${b}.${c}.0/24` }] }, { ip: `${a}.${b}.${e}.${d}` })).toBe(e === c);
      }),
    );
  });
});

describe('event-ruler rule errors', () => {
  const reason = (p: string): string => {
    try {
      parseEventPattern(p);
      return 'accepted';
    } catch (e) {
      return (e as Error).message.replace('Event pattern is not valid. Reason: ', '');
    }
  };
  it.each([
    ['{}', 'Empty objects are not allowed'],
    ['{"detail": {}}', 'Empty objects are not allowed'],
    ['{"a": [{}]}', 'Match expression name not found'],
    ['{"a": [{"prefix": "x", "suffix": "y"}]}', 'Only one key allowed in match expression'],
    ['{"a": [["x"]]}', 'Match value must be String, number, true, false, or null'],
    ['{"$or": [{"a": ["x"]}]}', 'There must have at least 2 Objects in $or relationship.'],
    ['{"a": [{"exists": "yes"}]}', 'exists match pattern must be either true or false.'],
    ['{"a": [{"numeric": 5}]}', 'Value of numeric must be an array.'],
    ['{"a": [{"numeric": [5]}]}', 'Invalid member in numeric match: 5'],
    ['{"a": [{"numeric": ["!=", 5]}]}', 'Unrecognized numeric range operator: !='],
    ['{"a": [{"numeric": ["=", "5"]}]}', 'Value of equals must be numeric'],
    ['{"a": [{"numeric": ["<", 5, ">", 1]}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"numeric": [">", 1, "<", 5, 6]}]}', 'Too many terms in numeric range expression'],
    ['{"a": [{"anything-but": null}]}', 'Value of anything-but must be an array or single string/number value.'],
    ['{"a": [{"anything-but": ["x", null]}]}', 'Inside anything but list, start|null|boolean is not supported.'],
    ['{"a": [{"anything-but": ["x", 1]}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    ['{"a": [{"anything-but": {"prefix": ""}}]}', 'Null prefix/suffix not allowed'],
    ['{"a": [{"anything-but": {"exists": true}}]}', 'Unsupported anything-but pattern: exists'],
    ['{"a": [{"wildcard": "a\\\\b"}]}', 'Invalid escape character at pos 1'],
    ['{"a": [{"cidr": "10.0.0.0/32"}]}', 'IPv4 mask bits must be < 32'],
    ['{"a": [{"cidr": "10.0.0.0/-1"}]}', 'Malformed CIDR, mask bits must not be negative'],
    ['{"$or": [{"a": {"prefix": ["x"]}}, {"b": ["y"]}]}', 'prefix is Ruler reserved fieldName which cannot be used inside $or.'],
    ['{"$or": "x"}', 'It must be an Array followed with $or.'],
  ])('%s → %s', (pattern, expected) => {
    expect(reason(pattern)).toBe(expected);
  });

  it('keeps `$or` holding match expressions as an ordinary field name', () => {
    const p = parseEventPattern('{"$or": [{"prefix": "a"}, {"suffix": "z"}]}');
    expect(matchesPattern(p, { $or: 'abz' })).toBe(true);
    expect(matchesPattern(p, { $or: 'q' })).toBe(false);
  });
});
