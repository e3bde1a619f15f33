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

/**
 * The event's leaf values by dotted path. The event is read as its JSON text would be (the bus hands it a
 * CloudTrail record without copying it through JSON): an object member that is undefined does not exist,
 * and an undefined or non-finite number in an array, or a non-finite number anywhere, is null.
 * With `wanted` (see wantedPaths), only members on the way to those paths are visited: a rule set that reads
 * a handful of fields need not walk a whole CloudTrail record.
 */
export function flattenEvent(event: Json, wanted?: ReadonlySet<string>): Flattened {
  const out: Flattened = new Map();
  const leaf = (value: Leaf, path: string): void => {
    const list = out.get(path);
    if (list === undefined) out.set(path, [value]);
    else list.push(value);
  };
  const walk = (value: Json | undefined, path: string, inArray: boolean): void => {
    if (value === undefined) {
      if (inArray) leaf(null, path);
    } else if (Array.isArray(value)) {
      for (const item of value as Array<Json | undefined>) walk(item, path, true);
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        const child = path === '' ? key : `${path}.${key}`;
        if (wanted === undefined || wanted.has(child)) walk(value[key], child, false);
      }
    } else {
      leaf(typeof value === 'number' && !Number.isFinite(value) ? null : value, path);
    }
  };
  walk(event, '', false);
  return out;
}

/** The paths the patterns test and every dotted prefix of them: the paths flattenEvent must visit so that
 *  each tested path gets the values it would get from a full walk. */
export function wantedPaths(patterns: Iterable<EventPattern>): Set<string> {
  const out = new Set<string>();
  for (const p of patterns) {
    for (const branch of p.branches) {
      for (const path of branch.keys()) {
        for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) out.add(path.slice(0, i));
        out.add(path);
      }
    }
  }
  return out;
}

/** Whether the event (any JSON value, typically an EventBridgeEvent) matches the compiled pattern. */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  const fields = flattenEvent(event as Json);
  return pattern.branches.some((branch) => branchMatches(branch, fields));
}

const NO_VALUES: Leaf[] = [];

// Plain loops rather than some() with closures: the bus runs these for every rule on every event.
export function branchMatches(branch: Branch, fields: Flattened): boolean {
  for (const [path, matchers] of branch) {
    const values = fields.get(path) ?? NO_VALUES;
    let any = false;
    for (const m of matchers) {
      if (fieldMatches(m, values)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

function fieldMatches(matcher: Matcher, values: Leaf[]): boolean {
  if (matcher.kind === 'exists') return matcher.value === values.length > 0;
  if (matcher.kind === 'anything-but') {
    return values.some((v) => !matcher.exclude.some((x) => valueMatches(x, v)));
  }
  for (const v of values) if (valueMatches(matcher, v)) return true;
  return false;
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
