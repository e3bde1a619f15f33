// The AlarmRule language of composite alarms: ALARM(x), OK(x), INSUFFICIENT_DATA(x), TRUE, FALSE, AND, OR, NOT
// and parentheses; x is an alarm name or ARN, double quotes optional (API PutCompositeAlarmInput.AlarmRule).
// Parse errors carry the wording CloudWatch returns, e.g.
// "Error in AlarmRule [Unsupported token 'Oldest' at char 67, must be: ')']" (0-based character index).
import { AwsError } from '../core/contract';
import type { StateValue } from './alarm-types';

export type AlarmRule =
  | { kind: 'state'; state: StateValue; alarm: string }
  | { kind: 'const'; value: boolean }
  | { kind: 'not'; operand: AlarmRule }
  | { kind: 'and' | 'or'; left: AlarmRule; right: AlarmRule };

/** API limits: AlarmRule up to 10,240 characters, at most 500 elements, at most 100 child alarms. */
export const RULE_LIMITS = { maxLength: 10240, maxElements: 500, maxChildren: 100 } as const;

interface Token {
  text: string;
  at: number;
  quoted: boolean;
}

const FUNCTIONS: Record<string, StateValue> = { ALARM: 'ALARM', OK: 'OK', INSUFFICIENT_DATA: 'INSUFFICIENT_DATA' };

function ruleError(detail: string): AwsError {
  return new AwsError('ValidationError', `Error in AlarmRule [${detail}]`);
}

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ text: c, at: i, quoted: false });
      i++;
    } else if (c === '"') {
      const close = rule.indexOf('"', i + 1);
      if (close < 0) throw ruleError(`Unsupported token '${rule.slice(i)}' at char ${i}`);
      tokens.push({ text: rule.slice(i + 1, close), at: i, quoted: true });
      i = close + 1;
    } else {
      const start = i;
      while (i < rule.length && !/[\s()"]/.test(rule[i]!)) i++;
      tokens.push({ text: rule.slice(start, i), at: start, quoted: false });
    }
  }
  return tokens;
}

/** Parses an AlarmRule, throwing CloudWatch's ValidationError when it does not parse or breaks a limit. */
export function parseAlarmRule(rule: string): AlarmRule {
  if (rule.length > RULE_LIMITS.maxLength) {
    throw new AwsError('ValidationError', `1 validation error detected: Value at 'alarmRule' failed to satisfy constraint: Member must have length less than or equal to ${RULE_LIMITS.maxLength}`);
  }
  const tokens = tokenize(rule);
  let pos = 0;
  let elements = 0;
  const peek = () => tokens[pos];
  const keyword = (t: Token | undefined, word: string) => t !== undefined && !t.quoted && t.text.toUpperCase() === word;
  const unsupported = (t: Token | undefined, mustBe?: string): AwsError => {
    const what = t ? `'${t.quoted ? `"${t.text}"` : t.text}' at char ${t.at}` : `'' at char ${rule.length}`;
    return ruleError(`Unsupported token ${what}${mustBe ? `, must be: '${mustBe}'` : ''}`);
  };
  const expect = (text: string) => {
    const t = peek();
    if (!t || t.quoted || t.text !== text) throw unsupported(t, text);
    pos++;
  };

  const primary = (): AlarmRule => {
    const t = peek();
    if (t === undefined || t.quoted) throw unsupported(t);
    if (t.text === '(') {
      pos++;
      // Each grouping parenthesis, opening and closing, counts as an element.
      elements += 2;
      const inner = orExpr();
      expect(')');
      return inner;
    }
    const word = t.text.toUpperCase();
    if (word === 'TRUE' || word === 'FALSE') {
      pos++;
      elements++;
      return { kind: 'const', value: word === 'TRUE' };
    }
    const state = FUNCTIONS[word];
    if (state === undefined) throw unsupported(t);
    pos++;
    expect('(');
    const name = peek();
    if (!name || (!name.quoted && (name.text === '(' || name.text === ')'))) throw unsupported(name);
    pos++;
    expect(')');
    elements++;
    return { kind: 'state', state, alarm: name.text };
  };
  const unary = (): AlarmRule => {
    if (keyword(peek(), 'NOT')) {
      pos++;
      return { kind: 'not', operand: unary() };
    }
    return primary();
  };
  // NOT binds tightest, then AND, then OR (the usual precedence; the docs' examples parenthesize mixed use).
  const andExpr = (): AlarmRule => {
    let left = unary();
    while (keyword(peek(), 'AND')) {
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const orExpr = (): AlarmRule => {
    let left = andExpr();
    while (keyword(peek(), 'OR')) {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };

  const parsed = orExpr();
  if (pos < tokens.length) throw unsupported(tokens[pos]);
  if (elements > RULE_LIMITS.maxElements) throw ruleError(`AlarmRule has ${elements} elements, the maximum is ${RULE_LIMITS.maxElements}`);
  const children = childAlarms(parsed);
  if (children.length > RULE_LIMITS.maxChildren) throw ruleError(`AlarmRule references ${children.length} alarms, the maximum is ${RULE_LIMITS.maxChildren}`);
  return parsed;
}

/** The alarm names or ARNs a rule references, in order of first appearance. */
export function childAlarms(rule: AlarmRule): string[] {
  const out: string[] = [];
  const visit = (r: AlarmRule): void => {
    if (r.kind === 'state') {
      if (!out.includes(r.alarm)) out.push(r.alarm);
    } else if (r.kind === 'not') visit(r.operand);
    else if (r.kind === 'and' || r.kind === 'or') {
      visit(r.left);
      visit(r.right);
    }
  };
  visit(rule);
  return out;
}

/** Evaluates a rule over child states; a child with no known state satisfies no state function. */
export function evaluateAlarmRule(rule: AlarmRule, stateOf: (alarm: string) => StateValue | undefined): boolean {
  switch (rule.kind) {
    case 'const': return rule.value;
    case 'state': return stateOf(rule.alarm) === rule.state;
    case 'not': return !evaluateAlarmRule(rule.operand, stateOf);
    case 'and': return evaluateAlarmRule(rule.left, stateOf) && evaluateAlarmRule(rule.right, stateOf);
    case 'or': return evaluateAlarmRule(rule.left, stateOf) || evaluateAlarmRule(rule.right, stateOf);
  }
}

/**
 * The cycle `start` sits on, as alarm references from `start` back to it, or undefined. CloudWatch stops
 * evaluating composite alarms on a cycle (Create_Composite_Alarm); `childrenOf` returns the references of a
 * composite alarm's rule, or [] for a metric alarm.
 */
export function findRuleCycle(start: string, childrenOf: (alarm: string) => string[]): string[] | undefined {
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (alarm: string): string[] | undefined => {
    if (alarm === start && path.length > 0) return [...path, alarm];
    if (path.includes(alarm) || done.has(alarm)) return undefined;
    path.push(alarm);
    for (const child of childrenOf(alarm)) {
      const cycle = visit(child);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(alarm);
    return undefined;
  };
  return visit(start);
}
