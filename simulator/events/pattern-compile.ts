import type { Json } from '../core/contract';
import { compileCidr } from './pattern-ip';
import type { Bound, Branch, Leaf, Matcher, ValueMatcher } from './pattern-types';
import { compileWildcard } from './pattern-wildcard';

// Compiles one pattern value list (`"field": [ ... ]`) and walks objects and `$or`, following
// event-ruler's JsonRuleCompiler, the library AWS says EventBridge matches with. Every reason string is
// event-ruler's own; those AWS returned verbatim in validated tests include "\"int\" must be an object or
// an array", "Empty arrays are not allowed", "Unrecognized match type EXISTS", "Bad numeric range
// operator: >", "Value of < must be numeric", "prefix match pattern must be a string", "Inside
// anything-but/equals-ignore-case list, number|start|null|boolean is not supported." (localstack
// tests/aws/services/events/test_events_patterns.snapshot.json, recorded against AWS 2024-12-05).

export class PatternReason extends Error {}

const fail = (reason: string): never => {
  throw new PatternReason(reason);
};

const OR = '$or';
// event-ruler's Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP: names no field inside `$or` may use.
const RESERVED_IN_OR = new Set([
  'equals', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'regex', 'not-wildcard', 'not-equals-ignore-case', 'date-after', 'date-on-or-after',
  'date-before', 'date-on-or-before', 'in-date-range', 'ip-address-in-range', 'ip-address-not-in-range',
]);

type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const tokenText = (v: Json | undefined): string =>
  v === undefined ? ']' : Array.isArray(v) ? '[' : isObject(v) ? '{' : v === null ? 'null' : String(v);

/** Expands a pattern object into branches: fields AND-ed, each `$or` multiplying the branches. */
export function compileObject(obj: JsonObject, path: string[], branches: Branch[], insideOr: boolean): Branch[] {
  const keys = Object.keys(obj);
  if (keys.length === 0) fail('Empty objects are not allowed');
  let current = branches;
  for (const key of keys) {
    const value = obj[key] as Json;
    if (key === OR && isOrRelationship(value)) {
      current = compileOr(value, path, current);
      continue;
    }
    if (insideOr && RESERVED_IN_OR.has(key)) {
      fail(`${key} is Ruler reserved fieldName which cannot be used inside ${OR}.`);
    }
    if (isObject(value)) {
      current = compileObject(value, [...path, key], current, insideOr);
    } else if (Array.isArray(value)) {
      const matchers = compileValues(value);
      const name = [...path, key].join('.');
      current = current.map((b) => new Map(b).set(name, matchers));
    } else {
      fail(`"${key}" must be an object or an array`);
    }
  }
  return current;
}

// A `$or` whose array holds match expressions instead of field objects is an ordinary field named
// "$or", which event-ruler keeps for patterns written before `$or` existed.
function isOrRelationship(value: Json): boolean {
  if (!Array.isArray(value)) return true;
  return !value.some((v) => !isObject(v) || Object.keys(v).some((k) => RESERVED_IN_OR.has(k)));
}

function compileOr(value: Json, path: string[], branches: Branch[]): Branch[] {
  if (!Array.isArray(value)) return fail(`It must be an Array followed with ${OR}.`);
  const out: Branch[] = [];
  for (const alternative of value) {
    if (!isObject(alternative)) fail(`Only JSON object is allowed in array of ${OR} relationship.`);
    out.push(...compileObject(alternative as JsonObject, path, branches, true));
  }
  if (value.length < 2) fail(`There must have at least 2 Objects in ${OR} relationship.`);
  return out;
}

function compileValues(values: Json[]): Matcher[] {
  const out: Matcher[] = [];
  for (const v of values) {
    if (isObject(v)) out.push(compileExpression(v));
    else if (Array.isArray(v)) fail('Match value must be String, number, true, false, or null');
    else out.push({ kind: 'exact', value: v });
  }
  if (out.length === 0) fail('Empty arrays are not allowed');
  return out;
}

function single(obj: JsonObject): [string, Json] {
  const entries = Object.entries(obj);
  if (entries.length === 0) fail('Match expression name not found');
  if (entries.length > 1) fail('Only one key allowed in match expression');
  return entries[0] as [string, Json];
}

function compileExpression(obj: JsonObject): Matcher {
  const [type, arg] = single(obj);
  switch (type) {
    case 'prefix':
    case 'suffix':
      return affix(type, arg);
    case 'equals-ignore-case':
      if (typeof arg !== 'string') fail('equals-ignore-case match pattern must be a string');
      return { kind: 'equals-ignore-case', value: arg as string };
    case 'wildcard':
      return wildcard(arg);
    case 'numeric':
      return numeric(arg);
    case 'exists':
      if (typeof arg !== 'boolean') fail('exists match pattern must be either true or false.');
      return { kind: 'exists', value: arg as boolean };
    case 'cidr':
      if (typeof arg !== 'string') fail('prefix match pattern must be a string');
      return cidr(arg as string);
    case 'anything-but':
      return { kind: 'anything-but', exclude: anythingBut(arg) };
    default:
      return fail(`Unrecognized match type ${type}`);
  }
}

function affix(type: 'prefix' | 'suffix', arg: Json): ValueMatcher {
  if (typeof arg === 'string') return { kind: type, value: arg, ignoreCase: false };
  if (isObject(arg)) {
    const [inner, value] = single(arg);
    if (inner === 'equals-ignore-case' && typeof value === 'string') return { kind: type, value, ignoreCase: true };
  }
  return fail(`${type} match pattern must be a string`);
}

function wildcard(arg: Json): ValueMatcher {
  if (typeof arg !== 'string') fail('wildcard match pattern must be a string');
  const value = arg as string;
  try {
    return { kind: 'wildcard', value, regex: compileWildcard(value) };
  } catch (e) {
    return fail((e as Error).message);
  }
}

function cidr(value: string): ValueMatcher {
  try {
    return { kind: 'cidr', value, range: compileCidr(value) };
  } catch (e) {
    return fail((e as Error).message);
  }
}

function numeric(arg: Json): ValueMatcher {
  if (!Array.isArray(arg)) fail('Value of numeric must be an array.');
  const terms = arg as Json[];
  const num = (i: number, op: string): number => {
    const v = terms[i];
    if (typeof v !== 'number') fail(`Value of ${op === '=' ? 'equals' : op} must be numeric`);
    return v as number;
  };
  const op = terms[0];
  if (typeof op !== 'string') fail(`Invalid member in numeric match: ${tokenText(op)}`);
  if (op === '=') {
    const v = num(1, op as string);
    if (terms.length > 2) fail('Too many elements in numeric expression');
    return { kind: 'numeric', lower: { value: v, inclusive: true }, upper: { value: v, inclusive: true } };
  }
  if (op === '<' || op === '<=') {
    const upper: Bound = { value: num(1, op), inclusive: op === '<=' };
    if (terms.length > 2) fail('Too many elements in numeric expression');
    return { kind: 'numeric', upper };
  }
  if (op !== '>' && op !== '>=') return fail(`Unrecognized numeric range operator: ${op as string}`);
  const lower: Bound = { value: num(1, op), inclusive: op === '>=' };
  if (terms.length === 2) return { kind: 'numeric', lower };
  const op2 = terms[2];
  if (typeof op2 !== 'string') fail(`Bad value in numeric range: ${tokenText(op2)}`);
  if (op2 !== '<' && op2 !== '<=') fail(`Bad numeric range operator: ${op2 as string}`);
  const upper: Bound = { value: num(3, op2 as string), inclusive: op2 === '<=' };
  if (terms.length > 4) fail('Too many terms in numeric range expression');
  return { kind: 'numeric', lower, upper };
}

// anything-but takes a string, a number, a list of strings, a list of numbers, or one of the objects
// prefix / suffix / equals-ignore-case / wildcard with a string or a list of strings. Lists inside the
// objects were refused by the 2023 documentation but AWS accepts them today (validated tests).
function anythingBut(arg: Json): ValueMatcher[] {
  if (typeof arg === 'string' || typeof arg === 'number') return [{ kind: 'exact', value: arg }];
  if (Array.isArray(arg)) return exclusionList(arg);
  if (!isObject(arg)) return fail('Value of anything-but must be an array or single string/number value.');
  const entries = Object.entries(arg);
  if (entries.length === 0) fail('Anything-But expression name not found');
  const [op, value] = entries[0] as [string, Json];
  if (op === 'equals-ignore-case') {
    const list = Array.isArray(value) ? value : [value];
    if (isObject(value) || list.some((v) => typeof v !== 'string')) {
      fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
    }
    if (entries.length > 1) fail('Too many elements in numeric expression');
    return (list as string[]).map((v) => ({ kind: 'equals-ignore-case', value: v }));
  }
  if (op !== 'prefix' && op !== 'suffix' && op !== 'wildcard') return fail(`Unsupported anything-but pattern: ${op}`);
  if (isObject(value)) fail('Value of anything-but must be an array or single string/number value.');
  const list = Array.isArray(value) ? value : [value];
  if (op === 'wildcard') {
    if (entries.length > 1) fail('Only one key allowed in match expression');
    return list.map((v) => wildcard(v));
  }
  if (list.some((v) => typeof v !== 'string')) fail('prefix/suffix match pattern must be a string');
  if (list.some((v) => v === '')) fail('Null prefix/suffix not allowed');
  if (entries.length > 1) fail('Only one key allowed in match expression');
  return (list as string[]).map((v) => ({ kind: op, value: v, ignoreCase: false }));
}

function exclusionList(values: Json[]): ValueMatcher[] {
  let strings = 0;
  let numbers = 0;
  const out: ValueMatcher[] = [];
  for (const v of values) {
    if (typeof v === 'string') strings++;
    else if (typeof v === 'number') numbers++;
    else fail('Inside anything but list, start|null|boolean is not supported.');
    out.push({ kind: 'exact', value: v as Leaf });
  }
  if ((strings > 0) === (numbers > 0)) {
    fail('Inside anything but list, either all values are number or string, mixed type is not supported');
  }
  return out;
}
