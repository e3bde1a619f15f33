import type { DelimitedSlot, FieldCondition } from './filter-pattern-types';
import { invalidCharacter, invalidPattern } from './filter-pattern-errors';
import { Scanner } from './filter-pattern-scanner';

const NAME = /^[A-Za-z0-9_]+/;

/** Parses the text between `[` and `]` of a space-delimited pattern. */
export function parseDelimitedSlots(body: string): DelimitedSlot[] {
  if (body.trim() === '') return [];
  const scanner = new Scanner(body, ',&|');
  const slots: DelimitedSlot[] = [];
  for (;;) {
    slots.push(parseSlot(scanner));
    scanner.skipWs();
    if (scanner.pos >= body.length) return slots;
    if (!scanner.consume(',')) throw invalidCharacter(body.slice(scanner.pos, scanner.pos + 1));
  }
}

function parseSlot(s: Scanner): DelimitedSlot {
  s.skipWs();
  if (s.pos >= s.text.length || s.lookingAt(',')) return { type: 'field' };
  if (s.consume('...')) return { type: 'ellipsis' };
  const name = readName(s);
  s.skipWs();
  if (s.pos >= s.text.length || s.lookingAt(',')) return { type: 'field', name };
  return { type: 'field', name, condition: parseOr(s, name, true) };
}

function readName(s: Scanner): string {
  s.skipWs();
  const m = s.text.slice(s.pos).match(NAME);
  if (!m) throw invalidCharacter(s.text.slice(s.pos, s.pos + 1));
  s.pos += m[0].length;
  return m[0];
}

// A slot's conditions all test the slot's own field: `status_code = 404 || status_code = 410`.
// The old documentation's `status_code = 4* && bytes > 1000` reaches across two fields, and the
// console rejects it as an invalid filter pattern (awsdocs/amazon-cloudwatch-logs-user-guide#21).
function parseOr(s: Scanner, name: string, first: boolean): FieldCondition {
  let left = parseAnd(s, name, first);
  while (s.consume('||')) left = { type: 'or', left, right: parseAnd(s, name, false) };
  return left;
}

function parseAnd(s: Scanner, name: string, first: boolean): FieldCondition {
  let left = parseCompare(s, name, first);
  while (s.consume('&&')) left = { type: 'and', left, right: parseCompare(s, name, false) };
  return left;
}

function parseCompare(s: Scanner, name: string, nameAlreadyRead: boolean): FieldCondition {
  if (!nameAlreadyRead) {
    const again = readName(s);
    if (again !== name) throw invalidPattern(`Condition on '${again}' inside the slot of '${name}'`);
  }
  const op = s.readOperator();
  if (!op) throw invalidCharacter(s.text.slice(s.pos, s.pos + 1));
  return { type: 'compare', comparison: { op, value: s.readValue(op) } };
}

/**
 * Splits a log line into fields: runs of whitespace separate fields, and text inside `[…]` or
 * `"…"` is one field whose value omits the brackets or quotes (as TestMetricFilter reports it).
 */
export function splitDelimitedMessage(message: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i < message.length) {
    const ch = message[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const close = ch === '[' ? ']' : ch === '"' ? '"' : undefined;
    if (close !== undefined) {
      const end = message.indexOf(close, i + 1);
      if (end >= 0) {
        fields.push(message.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    let j = i;
    while (j < message.length && !/\s/.test(message[j] ?? '')) j += 1;
    fields.push(message.slice(i, j));
    i = j;
  }
  return fields;
}
