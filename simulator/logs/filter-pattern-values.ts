import type { Comparison, ValueLiteral } from './filter-pattern-types';
import { isNumberText } from './filter-pattern-scanner';

/**
 * `*` alone matches any value; a leading and/or trailing `*` is a wildcard. AWS documents that an
 * inner `*` (`Ev*ent`) only matches the literal text `Ev*ent`.
 */
export function wildcardMatch(pattern: string, actual: string): boolean {
  if (pattern === '*') return true;
  const starts = pattern.startsWith('*');
  const ends = pattern.length > 1 && pattern.endsWith('*');
  const core = pattern.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (starts && ends) return actual.includes(core);
  if (starts) return actual.endsWith(core);
  if (ends) return actual.startsWith(core);
  return actual === core;
}

function numericCompare(actual: number, op: Comparison['op'], expected: number): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '<':
      return actual < expected;
    case '>':
      return actual > expected;
    case '<=':
      return actual <= expected;
    case '>=':
      return actual >= expected;
  }
}

function textEquals(value: ValueLiteral, actual: string): boolean {
  if (value.type === 'regex') return value.re.test(actual);
  return wildcardMatch(value.text, actual);
}

/** A space-delimited field: always text, compared as a number when both sides are numbers. */
export function compareFieldText(actual: string, { op, value }: Comparison): boolean {
  if (value.type === 'number' && isNumberText(actual)) return numericCompare(Number(actual), op, value.value);
  if (op === '=') return textEquals(value, actual);
  if (op === '!=') return !textEquals(value, actual);
  // Ordering needs a number on both sides; a `-` in an Apache bytes column simply does not match.
  return false;
}

/**
 * A JSON value node. Only strings and numbers are value nodes for comparisons: booleans and null
 * are reached with IS, and arrays or objects never match, even with `!=` (AWS documents that both
 * `{$.users = 1}` and `{$.users != 1}` fail when `users` is an array).
 */
export function compareJsonValue(actual: unknown, { op, value }: Comparison): boolean {
  if (typeof actual === 'string') {
    if (op !== '=' && op !== '!=') return false;
    const equal = textEquals(value, actual);
    return op === '=' ? equal : !equal;
  }
  if (typeof actual === 'number') {
    if (value.type === 'number') return numericCompare(actual, op, value.value);
    // Seen on the live service: `{ $.someInt = 1* }` and `{ $.someFloat = *.34 }` match numbers
    // by their text, while a quoted "123" does not match the number 123.
    if (value.type === 'string' && value.quoted) return false;
    if (op !== '=' && op !== '!=') return false;
    const equal = textEquals(value, String(actual));
    return op === '=' ? equal : !equal;
  }
  return false;
}

/** The text a JSON value node contributes to extracted values and dimension values. */
export function jsonValueText(actual: unknown): string | undefined {
  if (typeof actual === 'string') return actual;
  if (typeof actual === 'number' || typeof actual === 'boolean') return String(actual);
  if (actual === null) return 'null';
  return undefined;
}
