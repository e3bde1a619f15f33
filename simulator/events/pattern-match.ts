import type { Json } from '../core/contract';
import { inRange } from './pattern-ip';
import type { Branch, EventPattern, Leaf, Matcher, ValueMatcher } from './pattern-types';

// Matching follows event-ruler: the event is flattened into dotted paths (so `{"a.b": 1}` and
// `{"a": {"b": 1}}` are the same field, as AWS showed in validated tests), arrays contribute each of their
// elements to the same path (an event array matches when any element matches), and only leaf values
// (strings, numbers, booleans, null) exist at a path. Hence an object-valued field or an empty array has no
// value: `exists: true` fails on it and `exists: false` holds, and a missing field fails every value match,
// anything-but included. A string holding JSON (`"detail": "{...}"`) is a string, never parsed.
// Not modelled: event-ruler's newer array-consistency mode, which requires fields matched inside an array
// of objects to come from the same element; AWS does not document which mode EventBridge uses.

export type Flattened = Map<string, Leaf[]>;

export function flattenEvent(event: Json): Flattened {
  const out: Flattened = new Map();
  const walk = (value: Json, path: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, path);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
    } else {
      const list = out.get(path);
      if (list === undefined) out.set(path, [value]);
      else list.push(value);
    }
  };
  walk(event, '');
  return out;
}

/** Whether the event (any JSON value, typically an EventBridgeEvent) matches the compiled pattern. */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  const fields = flattenEvent(event as Json);
  return pattern.branches.some((branch) => branchMatches(branch, fields));
}

export function branchMatches(branch: Branch, fields: Flattened): boolean {
  for (const [path, matchers] of branch) {
    const values = fields.get(path) ?? [];
    if (!matchers.some((m) => fieldMatches(m, values))) return false;
  }
  return true;
}

function fieldMatches(matcher: Matcher, values: Leaf[]): boolean {
  if (matcher.kind === 'exists') return matcher.value === values.length > 0;
  if (matcher.kind === 'anything-but') {
    return values.some((v) => !matcher.exclude.some((x) => valueMatches(x, v)));
  }
  return values.some((v) => valueMatches(matcher, v));
}

const lower = (s: string): string => s.toLowerCase();

export function valueMatches(m: ValueMatcher, v: Leaf): boolean {
  switch (m.kind) {
    case 'exact':
      // Numbers compare by value: AWS matched pattern 300 against event 300.0 (validated test
      // number_comparison_float), although the documentation says the textual forms must agree.
      return v === m.value;
    case 'prefix':
      return typeof v === 'string' && (m.ignoreCase ? lower(v).startsWith(lower(m.value)) : v.startsWith(m.value));
    case 'suffix':
      return typeof v === 'string' && (m.ignoreCase ? lower(v).endsWith(lower(m.value)) : v.endsWith(m.value));
    case 'equals-ignore-case':
      return typeof v === 'string' && lower(v) === lower(m.value);
    case 'wildcard':
      return typeof v === 'string' && m.regex.test(v);
    case 'cidr':
      return typeof v === 'string' && inRange(m.range, v);
    case 'numeric': {
      if (typeof v !== 'number') return false;
      const { lower: lo, upper: hi } = m;
      if (lo !== undefined && (lo.inclusive ? v < lo.value : v <= lo.value)) return false;
      if (hi !== undefined && (hi.inclusive ? v > hi.value : v >= hi.value)) return false;
      return true;
    }
  }
}
