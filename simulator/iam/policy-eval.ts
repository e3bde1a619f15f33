import type { Json } from '../core/contract';

// Identity-based policy evaluation as IAM's documented logic for one account: an explicit Deny wins,
// then any Allow, otherwise the implicit deny. Conditions are not modelled; a statement that carries a
// Condition is skipped rather than guessed, so it can neither grant nor deny.
export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

interface Statement {
  Effect?: Json;
  Action?: Json;
  NotAction?: Json;
  Resource?: Json;
  NotResource?: Json;
  Condition?: Json;
}

/** A pattern's matcher, kept per pattern: authorization runs on every call and a policy has few patterns.
 *  One map per case rule, keyed by the pattern itself, so a check builds no key string. */
const matchers = { cased: new Map<string, RegExp | true>(), ignoreCase: new Map<string, RegExp | true>() };
const MAX_MATCHERS = 4096;

/** IAM wildcards: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const kept = ignoreCase ? matchers.ignoreCase : matchers.cased;
  let m = kept.get(pattern);
  if (m === undefined) {
    // A lone "*" matches everything (with the s flag, line breaks too): no expression needed.
    const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    m = pattern === '*' ? true : new RegExp(`^${re}$`, ignoreCase ? 'is' : 's');
    if (kept.size >= MAX_MATCHERS) kept.clear();
    kept.set(pattern, m);
  }
  return m === true || m.test(value);
}

function list(v: Json | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A statement with its lists read out once (undefined: the element is absent). */
interface Compiled {
  effect: Json | undefined;
  conditional: boolean;
  action: string[] | undefined;
  notAction: string[] | undefined;
  resource: string[] | undefined;
  notResource: string[] | undefined;
}

function statementsOf(doc: Json): Statement[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const st = doc['Statement'];
  if (Array.isArray(st)) return st.filter((s) => s !== null && typeof s === 'object' && !Array.isArray(s)) as Statement[];
  if (st !== null && typeof st === 'object') return [st as Statement];
  return [];
}

// Documents are read, never changed (IamModel.documentsFor hands out one parsed copy per policy text), so a
// document's statements are read out once per document object.
const compiledDocs = new WeakMap<object, Compiled[]>();
function compiled(doc: Json): Compiled[] {
  if (doc === null || typeof doc !== 'object') return [];
  let c = compiledDocs.get(doc);
  if (!c) {
    c = statementsOf(doc).map((s) => ({
      effect: s.Effect, conditional: s.Condition !== undefined,
      action: list(s.Action), notAction: list(s.NotAction), resource: list(s.Resource), notResource: list(s.NotResource),
    }));
    compiledDocs.set(doc, c);
  }
  return c;
}

/** Whether any of the patterns matches (a loop, not `some` with a closure: this runs on every call). */
function anyMatch(patterns: string[], value: string, ignoreCase: boolean): boolean {
  for (const p of patterns) if (wildcardMatch(p, value, ignoreCase)) return true;
  return false;
}

function applies(s: Compiled, action: string, resource: string): boolean {
  if (s.conditional) return false;
  const actionHit =
    s.action !== undefined ? anyMatch(s.action, action, true) : s.notAction !== undefined && !anyMatch(s.notAction, action, true);
  if (!actionHit) return false;
  return s.resource !== undefined ? anyMatch(s.resource, resource, false) : s.notResource !== undefined && !anyMatch(s.notResource, resource, false);
}

/** One document's say on a request: 'explicitDeny' (a Deny applies), 'allow' (an Allow and no Deny applies),
 *  or 'implicitDeny' (nothing applies). A request's decision is the documents' together: any explicit deny,
 *  else any allow, else the implicit deny. The document must not change afterwards. */
export function evaluateOne(doc: Json, action: string, resource: string): Decision {
  let allowed = false;
  for (const s of compiled(doc)) {
    if (!applies(s, action, resource)) continue;
    if (s.effect === 'Deny') return 'explicitDeny';
    if (s.effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'implicitDeny';
}

/** Evaluates parsed policy documents for one request. The documents must not change afterwards. */
export function evaluate(docs: Json[], action: string, resource: string): Decision {
  let allowed = false;
  for (const doc of docs) {
    const d = evaluateOne(doc, action, resource);
    if (d === 'explicitDeny') return d;
    if (d === 'allow') allowed = true;
  }
  return allowed ? 'allow' : 'implicitDeny';
}

/** Checks a policy document the way IAM refuses one: MalformedPolicyDocument when it isn't a policy. */
export function policyProblem(text: string): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'Syntax errors in policy.';
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'Syntax errors in policy.';
  const st = (doc as Record<string, unknown>)['Statement'];
  if (st === undefined) return 'Syntax errors in policy.';
  const sts = Array.isArray(st) ? st : [st];
  for (const s of sts) {
    if (s === null || typeof s !== 'object') return 'Syntax errors in policy.';
    const o = s as Record<string, unknown>;
    if (o['Effect'] !== 'Allow' && o['Effect'] !== 'Deny') return 'Syntax errors in policy.';
    if (o['Action'] === undefined && o['NotAction'] === undefined) return 'Policy statement must contain actions.';
    if (o['Resource'] === undefined && o['NotResource'] === undefined && o['Principal'] === undefined) {
      return 'Policy statement must contain resources.';
    }
  }
  return undefined;
}
