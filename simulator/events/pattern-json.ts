import type { Json } from '../core/contract';

// EventBridge compiles patterns with aws/event-ruler, which reads them through Jackson. A pattern that is
// not JSON fails with Jackson's own wording plus a source location, e.g. (AWS-observed, recorded in
// localstack tests/aws/services/events/test_events_patterns.snapshot.json):
//   Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
//    at [Source: (String)"this is valid json but not a dict"; line: 1, column: 5]
// JSON.parse reports V8's wording instead, so the pattern text gets its own small parser.

export class JsonSyntaxError extends Error {}

const EXPECTING_VALUE =
  "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const SOURCE_LIMIT = 500;

/** Jackson's location suffix: `\n at [Source: (String)"…"; line: L, column: C]`. */
export function jacksonLocation(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const shown =
    text.length > SOURCE_LIMIT
      ? `"${text.slice(0, SOURCE_LIMIT)}"[truncated ${text.length - SOURCE_LIMIT} chars]`
      : `"${text}"`;
  return `\n at [Source: (String)${shown}; line: ${line}, column: ${column}]`;
}

/** Parses an event pattern's text the way event-ruler reads it: the first token must open an object
 *  ("Filter is not an object" otherwise), and text after the root object is never read. */
export function parseRootObject(text: string): { [key: string]: Json } {
  const p = new Parser(text);
  if (!p.firstTokenIsObject()) {
    throw new JsonSyntaxError('Filter is not an object' + jacksonLocation(text, p.pos));
  }
  return p.value() as { [key: string]: Json };
}

/** Parses any JSON value with Jackson's error wording; undefined when the text holds no value at all. */
export function parseJsonLikeJackson(text: string): Json | undefined {
  const p = new Parser(text);
  p.skipSpace();
  if (p.pos >= text.length) return undefined;
  return p.value();
}

function charName(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code < 32 ? `(CTRL-CHAR, code ${code})` : `('${c}' (code ${code}))`;
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  private fail(message: string, offset: number): never {
    throw new JsonSyntaxError(message + jacksonLocation(this.text, offset));
  }

  private unexpected(expectation: string): never {
    const c = this.text[this.pos];
    if (c === undefined) this.fail(`Unexpected end-of-input: ${expectation}`, this.pos);
    this.fail(`Unexpected character ${charName(c)}: ${expectation}`, this.pos);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos] as string)) this.pos++;
  }

  value(): Json {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    return this.literal();
  }

  /** The first token only, for event-ruler's "Filter is not an object" check. */
  firstTokenIsObject(): boolean {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return true;
    if (c === undefined) return false;
    if (c === '[' || c === '"') this.pos++;
    else this.value();
    return false;
  }

  private literal(): Json {
    const start = this.pos;
    while (this.pos < this.text.length && /[A-Za-z0-9_$]/.test(this.text[this.pos] as string)) this.pos++;
    const word = this.text.slice(start, this.pos);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (word === '') {
      const c = this.text[this.pos];
      if (c === undefined) this.fail(`Unexpected end-of-input: expected a value`, this.pos);
      if (c === ']' || c === '}' || c === ',' || c === ':') this.unexpected('expected a value');
      this.unexpected(`expected a valid value ${EXPECTING_VALUE.replace('was expecting ', '')}`);
    }
    this.fail(`Unrecognized token '${word}': ${EXPECTING_VALUE}`, this.pos);
  }

  private number(): number {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos));
    if (m === null || m[0] === '-') {
      this.pos++;
      this.unexpected('expected digit (0-9) to follow minus sign, for valid numeric value');
    }
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) {
        this.fail('Unexpected end-of-input: was expecting closing quote for a string value', this.pos);
      }
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < ' ') {
        this.fail(
          `Illegal unquoted character (${charName(c).slice(1, -1)}): has to be escaped using backslash to be included in string value`,
          this.pos,
        );
      }
      if (c === '\\') {
        const e = this.text[this.pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          this.pos += 2;
          continue;
        }
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
          continue;
        }
        this.fail(`Unrecognized character escape ${charName(e ?? ' ')}`, this.pos + 1);
      }
      out += c;
      this.pos++;
    }
  }

  private array(): Json[] {
    const openAt = this.pos;
    this.pos++;
    const items: Json[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      if (this.pos >= this.text.length) this.endOfInput('Array', openAt);
      items.push(this.value());
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return items;
      }
      if (c === undefined) this.endOfInput('Array', openAt);
      this.unexpected('was expecting comma to separate Array entries');
    }
  }

  private object(): { [key: string]: Json } {
    const openAt = this.pos;
    this.pos++;
    const out: { [key: string]: Json } = {};
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) this.endOfInput('Object', openAt);
      if (this.text[this.pos] !== '"') this.unexpected('was expecting double-quote to start field name');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') {
        if (this.pos >= this.text.length) this.endOfInput('Object', openAt);
        this.unexpected('was expecting a colon to separate field name and value');
      }
      this.pos++;
      this.skipSpace();
      if (this.pos >= this.text.length) this.endOfInput('Object', openAt);
      // Duplicate keys: the last occurrence wins, as the EventBridge documentation states. defineProperty, not
      // assignment: a key named "__proto__" is an ordinary field in JSON, not the object's prototype.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return out;
      }
      if (c === undefined) this.endOfInput('Object', openAt);
      this.unexpected('was expecting comma to separate Object entries');
    }
  }

  private endOfInput(kind: 'Object' | 'Array', openAt: number): never {
    const marker = jacksonLocation(this.text, openAt + 1).replace('\n at ', '');
    this.fail(`Unexpected end-of-input: expected close marker for ${kind} (start marker at ${marker})`, this.pos);
  }
}
