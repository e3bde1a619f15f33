// The parser of a basic subset of metric math ("Using metric math"): numbers, query ids, [arrays], strings as
// function arguments, unary minus, ^ * / + -, comparisons == != <= >= < >, AND/&& and OR/||, and functions
// written in upper case.

export type MathNode =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'id'; name: string }
  | { kind: 'array'; items: MathNode[] }
  | { kind: 'neg'; operand: MathNode }
  | { kind: 'bin'; op: string; left: MathNode; right: MathNode }
  | { kind: 'call'; fn: string; args: MathNode[] };

export class MathSyntaxError extends Error {}

const TOKEN = /(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|"([^"]*)"|(==|!=|<=|>=|&&|\|\||[-+*/^<>()[\],])/y;

/** Binary operators by precedence, loosest first. */
const LEVELS: string[][] = [['OR', '||'], ['AND', '&&'], ['==', '!=', '<=', '>=', '<', '>'], ['+', '-'], ['*', '/']];

interface Tok {
  text: string;
  kind: 'num' | 'word' | 'str' | 'op';
  at: number;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let pos = 0;
  for (;;) {
    while (pos < src.length && /\s/.test(src[pos]!)) pos++;
    if (pos >= src.length) return out;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new MathSyntaxError(`Unexpected character '${src[pos]}' at position ${pos}`);
    if (m[1] !== undefined) out.push({ text: m[1], kind: 'num', at: pos });
    else if (m[2] !== undefined) out.push({ text: m[2], kind: 'word', at: pos });
    else if (m[3] !== undefined) out.push({ text: m[3], kind: 'str', at: pos });
    else out.push({ text: m[4]!, kind: 'op', at: pos });
    pos = TOKEN.lastIndex;
  }
}

export function parseMetricMath(src: string): MathNode {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const isOp = (t: Tok | undefined, texts: string[]) =>
    t !== undefined && (t.kind === 'op' || (t.kind === 'word' && (t.text === 'AND' || t.text === 'OR'))) && texts.includes(t.text);
  const fail = (t: Tok | undefined): never => {
    throw new MathSyntaxError(t ? `Unexpected token '${t.text}' at position ${t.at}` : 'Unexpected end of expression');
  };
  const expect = (text: string) => {
    if (!isOp(peek(), [text])) fail(peek());
    i++;
  };

  const binary = (level: number): MathNode => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    while (isOp(peek(), LEVELS[level]!)) {
      const op = toks[i++]!.text;
      left = { kind: 'bin', op: op === '&&' ? 'AND' : op === '||' ? 'OR' : op, left, right: binary(level + 1) };
    }
    return left;
  };
  // As in ordinary arithmetic, ^ binds tighter than unary minus (-m1^2 is -(m1^2)) and groups to the right.
  const unary = (): MathNode => {
    if (isOp(peek(), ['-'])) {
      i++;
      return { kind: 'neg', operand: unary() };
    }
    return power();
  };
  const power = (): MathNode => {
    const base = primary();
    if (isOp(peek(), ['^'])) {
      i++;
      return { kind: 'bin', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const list = (close: string): MathNode[] => {
    const items: MathNode[] = [];
    if (isOp(peek(), [close])) return items;
    items.push(binary(0));
    while (isOp(peek(), [','])) {
      i++;
      items.push(binary(0));
    }
    return items;
  };
  const primary = (): MathNode => {
    const t = peek();
    if (!t) return fail(t);
    i++;
    if (t.kind === 'num') return { kind: 'num', value: Number(t.text) };
    if (t.kind === 'str') return { kind: 'str', value: t.text };
    if (t.kind === 'word') {
      if (isOp(peek(), ['('])) {
        i++;
        const args = list(')');
        expect(')');
        return { kind: 'call', fn: t.text, args };
      }
      return { kind: 'id', name: t.text };
    }
    if (t.text === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    if (t.text === '[') {
      const items = list(']');
      expect(']');
      return { kind: 'array', items };
    }
    return fail(t);
  };

  const node = binary(0);
  if (i < toks.length) fail(toks[i]);
  return node;
}

/** Ids an expression refers to (query ids, not function names). */
export function referencedIds(node: MathNode): string[] {
  switch (node.kind) {
    case 'id': return [node.name];
    case 'array': return node.items.flatMap(referencedIds);
    case 'neg': return referencedIds(node.operand);
    case 'bin': return [...referencedIds(node.left), ...referencedIds(node.right)];
    case 'call': return node.args.flatMap(referencedIds);
    default: return [];
  }
}
