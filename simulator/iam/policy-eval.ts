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

/** IAM wildcards: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, ignoreCase ? 'is' : 's').test(value);
}

function list(v: Json | undefined): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function statementsOf(doc: Json): Statement[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const st = doc['Statement'];
  if (Array.isArray(st)) return st.filter((s) => s !== null && typeof s === 'object' && !Array.isArray(s)) as Statement[];
  if (st !== null && typeof st === 'object') return [st as Statement];
  return [];
}

function applies(s: Statement, action: string, resource: string): boolean {
  if (s.Condition !== undefined) return false;
  const actionHit =
    s.Action !== undefined
      ? list(s.Action).some((p) => wildcardMatch(p, action, true))
      : s.NotAction !== undefined && !list(s.NotAction).some((p) => wildcardMatch(p, action, true));
  if (!actionHit) return false;
  return s.Resource !== undefined
    ? list(s.Resource).some((p) => wildcardMatch(p, resource, false))
    : s.NotResource !== undefined && !list(s.NotResource).some((p) => wildcardMatch(p, resource, false));
}

/** Evaluates parsed policy documents for one request. */
export function evaluate(docs: Json[], action: string, resource: string): Decision {
  let allowed = false;
  for (const doc of docs) {
    for (const s of statementsOf(doc)) {
      if (!applies(s, action, resource)) continue;
      if (s.Effect === 'Deny') return 'explicitDeny';
      if (s.Effect === 'Allow') allowed = true;
    }
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
