import type { JsonExpr, PathStep, Selector } from './filter-pattern-types';
import { compareJsonValue, jsonValueText } from './filter-pattern-values';
import { compileJsonPrecheck, type Precheck } from './filter-pattern-json-precheck';
import { asLogMessage, type LogMessage } from './log-message';

// Kept here too: metric filters resolve `$.selector` values with it.
export { parseJsonMessage } from './log-message';

const MISSING = Symbol('missing');
type Node = unknown;

function step(nodes: Node[], s: PathStep): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    if ('wildcard' in s) {
      if (Array.isArray(node)) out.push(...node);
      else if (node !== null && typeof node === 'object') out.push(...Object.values(node));
    } else if ('index' in s) {
      if (Array.isArray(node) && s.index < node.length) out.push(node[s.index]);
    } else if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, s.key)) {
      out.push((node as Record<string, unknown>)[s.key]);
    }
  }
  return out;
}

/** Every node the selector reaches; more than one only through a `*` step. */
export function resolveSelector(root: unknown, selector: Selector): Node[] {
  let nodes: Node[] = [root];
  for (const s of selector.path) nodes = step(nodes, s);
  return nodes;
}

/** Remembers, per selector, the value node a condition looked at, for the extracted values. */
type Seen = Map<string, Node>;

function note(seen: Seen, selector: Selector, nodes: Node[], chosen: Node | typeof MISSING): void {
  const node = chosen !== MISSING ? chosen : nodes.length > 0 ? nodes[0] : MISSING;
  if (node !== MISSING && !seen.has(selector.text)) seen.set(selector.text, node);
}

function evaluate(expr: JsonExpr, root: unknown, seen: Seen): boolean {
  switch (expr.type) {
    case 'and':
      return evaluate(expr.left, root, seen) && evaluate(expr.right, root, seen);
    case 'or':
      return evaluate(expr.left, root, seen) || evaluate(expr.right, root, seen);
    case 'notExists':
      return resolveSelector(root, expr.selector).length === 0;
    case 'is': {
      const want = expr.what === 'NULL' ? null : expr.what === 'TRUE';
      const nodes = resolveSelector(root, expr.selector);
      const hit = nodes.find((n) => n === want);
      note(seen, expr.selector, nodes, hit === undefined ? MISSING : hit);
      return nodes.some((n) => n === want);
    }
    case 'compare': {
      // A missing property never satisfies a comparison, `!=` included; NOT EXISTS is the way to
      // ask for absence (the CIS root-usage pattern relies on it for userIdentity.invokedBy).
      const nodes = resolveSelector(root, expr.selector);
      const index = nodes.findIndex((n) => compareJsonValue(n, expr.comparison));
      note(seen, expr.selector, nodes, index >= 0 ? nodes[index] : MISSING);
      return index >= 0;
    }
  }
}

/** Each parsed pattern's precheck, compiled on first use; `null` when the pattern has none. */
const prechecks = new WeakMap<JsonExpr, Precheck | null>();

function precheckOf(expr: JsonExpr): Precheck | null {
  let p = prechecks.get(expr);
  if (p === undefined) prechecks.set(expr, (p = compileJsonPrecheck(expr) ?? null));
  return p;
}

export function matchJson(expr: JsonExpr, message: string | LogMessage): { matched: boolean; fields: Record<string, string> } {
  const m = asLogMessage(message);
  const pre = precheckOf(expr);
  if (pre !== null && !pre(m) && !m.mayUseUnicodeEscapes()) return { matched: false, fields: {} };
  const root = m.json();
  if (root === undefined) return { matched: false, fields: {} };
  const seen: Seen = new Map();
  if (!evaluate(expr, root, seen)) return { matched: false, fields: {} };
  const fields: Record<string, string> = {};
  for (const [key, node] of seen) {
    const text = jsonValueText(node);
    if (text !== undefined) fields[key] = text;
  }
  return { matched: true, fields };
}
