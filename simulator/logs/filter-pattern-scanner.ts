import type { ComparisonOp, ValueLiteral } from './filter-pattern-types';
import { invalidCharacter, invalidPattern } from './filter-pattern-errors';
import { compileFilterRegex, MAX_REGEX_PER_PATTERN, readRegexLiteral } from './filter-pattern-regex';

// Unquoted values may hold letters, digits and `_ . - * +`: enough for `kms.amazonaws.com` (the CIS
// patterns write it unquoted), `123.123.*`, `*.html*` and `1e+3`. Anything else must be quoted;
// AWS rejects e.g. a comma with "Invalid character(s) in term ','".
const UNQUOTED_VALUE_CHAR = /^[A-Za-z0-9_.\-*+]$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NUMERIC_ONLY_OPS: ReadonlySet<ComparisonOp> = new Set(['<', '>', '<=', '>=']);

export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}

/** A cursor over the inside of a JSON `{…}` or space-delimited `[…]` pattern. */
export class Scanner {
  pos = 0;
  private regexCount = 0;

  constructor(
    readonly text: string,
    /** Characters that end an unquoted value besides whitespace. */
    private readonly valueStops: string,
  ) {}

  skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  atEnd(): boolean {
    this.skipWs();
    return this.pos >= this.text.length;
  }

  lookingAt(s: string): boolean {
    this.skipWs();
    return this.text.startsWith(s, this.pos);
  }

  consume(s: string): boolean {
    if (!this.lookingAt(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.consume(s)) throw invalidPattern(`Expected '${s}' at position ${this.pos}`);
  }

  /** Reads a `"…"` string whose opening quote is at the cursor; `\"` and `\\` are escapes. */
  readQuoted(): string {
    let out = '';
    let i = this.pos + 1;
    while (i < this.text.length) {
      const ch = this.text[i] ?? '';
      if (ch === '\\' && i + 1 < this.text.length) {
        out += this.text[i + 1];
        i += 2;
        continue;
      }
      if (ch === '"') {
        this.pos = i + 1;
        return out;
      }
      out += ch;
      i += 1;
    }
    throw invalidPattern('Unterminated quoted string');
  }

  readOperator(): ComparisonOp | undefined {
    this.skipWs();
    for (const op of ['!=', '<=', '>=', '=', '<', '>'] as const) {
      if (this.text.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  readValue(op: ComparisonOp): ValueLiteral {
    this.skipWs();
    const ch = this.text[this.pos];
    let value: ValueLiteral;
    if (ch === '"') {
      value = { type: 'string', text: this.readQuoted(), quoted: true };
    } else if (ch === '%') {
      this.regexCount += 1;
      if (this.regexCount > MAX_REGEX_PER_PATTERN) throw invalidPattern('Too many regular expressions in the filter pattern');
      const { source, end } = readRegexLiteral(this.text, this.pos);
      this.pos = end;
      value = { type: 'regex', source, re: compileFilterRegex(source) };
    } else {
      value = this.readUnquoted();
    }
    if (NUMERIC_ONLY_OPS.has(op) && value.type !== 'number') {
      throw invalidPattern(`Operator '${op}' needs a number`);
    }
    return value;
  }

  private readUnquoted(): ValueLiteral {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos] ?? '';
      if (/\s/.test(ch) || this.valueStops.includes(ch)) break;
      if (!UNQUOTED_VALUE_CHAR.test(ch)) throw invalidCharacter(ch);
      this.pos += 1;
    }
    const text = this.text.slice(start, this.pos);
    if (text.length === 0) throw invalidPattern(`Missing value at position ${start}`);
    if (isNumberText(text)) return { type: 'number', text, value: Number(text) };
    return { type: 'string', text, quoted: false };
  }
}
