import type { JsonExpr, PathStep, Selector } from './filter-pattern-types';
import { invalidCharacter, invalidPattern } from './filter-pattern-errors';
import { Scanner } from './filter-pattern-scanner';

// Quotas from the filter pattern syntax page: one wildcard per property selector, three per pattern.
const MAX_WILDCARDS_PER_SELECTOR = 1;
const MAX_WILDCARDS_PER_PATTERN = 3;
const IDENT_CHAR = /^[A-Za-z0-9_-]$/;

/** Parses the text between `{` and `}`. Precedence is `()` > `&&` > `||`, as AWS documents. */
export function parseJsonExpression(body: string): JsonExpr {
  const parser = new JsonParser(body);
  const expr = parser.parseOr();
  if (!parser.scanner.atEnd()) {
    const rest = body.slice(parser.scanner.pos).trim();
    throw invalidCharacter(rest.slice(0, 1));
  }
  return expr;
}

/** Parses a lone selector such as a metric value or dimension reference `$.requestParameters.bucketName`. */
export function parseSelectorText(text: string): Selector | undefined {
  try {
    const parser = new JsonParser(text);
    const selector = parser.selector();
    return parser.scanner.atEnd() ? selector : undefined;
  } catch {
    return undefined;
  }
}

class JsonParser {
  readonly scanner: Scanner;
  private wildcards = 0;

  constructor(body: string) {
    this.scanner = new Scanner(body, ')&|');
  }

  parseOr(): JsonExpr {
    let left = this.parseAnd();
    while (this.scanner.consume('||')) left = { type: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): JsonExpr {
    let left = this.parsePrimary();
    while (this.scanner.consume('&&')) left = { type: 'and', left, right: this.parsePrimary() };
    return left;
  }

  private parsePrimary(): JsonExpr {
    if (this.scanner.consume('(')) {
      const inner = this.parseOr();
      this.scanner.expect(')');
      return inner;
    }
    return this.parseCondition();
  }

  private parseCondition(): JsonExpr {
    const selector = this.parseSelector();
    const s = this.scanner;
    s.skipWs();
    const keyword = s.text.slice(s.pos).match(/^(IS\s+(NULL|TRUE|FALSE)|NOT\s+EXISTS)(?![A-Za-z0-9_])/i);
    if (keyword) {
      s.pos += keyword[0].length;
      const what = keyword[2]?.toUpperCase();
      if (what === 'NULL' || what === 'TRUE' || what === 'FALSE') return { type: 'is', selector, what };
      return { type: 'notExists', selector };
    }
    const op = s.readOperator();
    if (!op) throw invalidPattern(`Expected an operator after ${selector.text}`);
    return { type: 'compare', selector, comparison: { op, value: s.readValue(op) } };
  }

  selector(): Selector {
    return this.parseSelector();
  }

  private parseSelector(): Selector {
    const s = this.scanner;
    s.skipWs();
    const start = s.pos;
    if (!s.text.startsWith('$.', start)) {
      throw invalidCharacter(s.text.slice(start, start + 1) || '}');
    }
    s.pos = start + 1;
    const path: PathStep[] = [];
    let wildcards = 0;
    while (s.pos < s.text.length) {
      const ch = s.text[s.pos];
      if (ch === '.') {
        s.pos += 1;
        const next = s.text[s.pos];
        if (next === '*') {
          s.pos += 1;
          path.push({ wildcard: true });
          wildcards += 1;
        } else if (next === '[') {
          path.push(this.parseBracket());
          if ('wildcard' in (path[path.length - 1] ?? {})) wildcards += 1;
        } else {
          path.push({ key: this.readIdent(start) });
        }
      } else if (ch === '[') {
        if (path.length === 0) throw invalidCharacter('[');
        const step = this.parseBracket();
        if ('wildcard' in step) wildcards += 1;
        path.push(step);
      } else {
        break;
      }
    }
    if (path.length === 0) throw invalidCharacter('$.');
    if (wildcards > MAX_WILDCARDS_PER_SELECTOR) throw invalidPattern('Only one wildcard is allowed in a property selector');
    this.wildcards += wildcards;
    if (this.wildcards > MAX_WILDCARDS_PER_PATTERN) throw invalidPattern('Only three wildcards are allowed in a filter pattern');
    return { text: s.text.slice(start, s.pos), path };
  }

  private readIdent(selectorStart: number): string {
    const s = this.scanner;
    const start = s.pos;
    while (s.pos < s.text.length && IDENT_CHAR.test(s.text[s.pos] ?? '')) s.pos += 1;
    // AWS answers `$."sc-status"` with "Invalid character(s) in term '$."'".
    if (s.pos === start) throw invalidCharacter(s.text.slice(selectorStart, start + 1));
    return s.text.slice(start, s.pos);
  }

  /** `[0]`, `[*]`, or `['cluster.name']` for a key that contains a period. */
  private parseBracket(): PathStep {
    const s = this.scanner;
    const close = s.text.indexOf(']', s.pos);
    if (close < 0) throw invalidPattern('Unclosed [ in property selector');
    const inside = s.text.slice(s.pos + 1, close);
    s.pos = close + 1;
    if (inside === '*') return { wildcard: true };
    if (/^\d+$/.test(inside)) return { index: Number(inside) };
    const quoted = inside.match(/^'([^']*)'$/) ?? inside.match(/^"([^"]*)"$/);
    if (quoted?.[1] !== undefined && quoted[1].length > 0) return { key: quoted[1] };
    throw invalidCharacter(`[${inside}]`);
  }
}
