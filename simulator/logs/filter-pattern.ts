// CloudWatch Logs filter patterns: the one language metric filters, subscription filters,
// FilterLogEvents and Live Tail share.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
import type { FieldCondition, FilterPattern, JsonExpr, MatchResult } from './filter-pattern-types';
import { invalidPattern } from './filter-pattern-errors';
import { compileFilterRegex, readRegexLiteral } from './filter-pattern-regex';
import { parseJsonExpression } from './filter-pattern-json';
import { matchJson } from './filter-pattern-json-match';
import { parseDelimitedSlots } from './filter-pattern-delimited';
import { matchDelimited } from './filter-pattern-delimited-match';
import { matchTerms, parseTerms } from './filter-pattern-terms';
import type { LogMessage } from './log-message';

export type { FilterPattern, MatchResult } from './filter-pattern-types';
export { FilterPatternError } from './filter-pattern-errors';

/**
 * Parses a filter pattern, or throws FilterPatternError (InvalidParameterException,
 * "Invalid metric filter pattern"). The kind is decided by the first character: `{` JSON,
 * `[` space-delimited. A leading space therefore makes ` {$.ThisFlag IS TRUE} ` an unstructured
 * pattern with invalid characters, which the live TestMetricFilter rejects.
 */
export function parseFilterPattern(text: string): FilterPattern {
  if (text.trim() === '') return { kind: 'all' };
  const end = text.trimEnd();
  if (text.startsWith('{')) {
    // FilterLogEvents' own wording for this case.
    if (!end.endsWith('}')) throw invalidPattern("If a filter pattern starts with '{' it must end with '}'");
    return { kind: 'json', expr: parseJsonExpression(end.slice(1, -1)) };
  }
  if (text.startsWith('[')) {
    if (!end.endsWith(']')) throw invalidPattern("If a filter pattern starts with '[' it must end with ']'");
    return { kind: 'delimited', slots: parseDelimitedSlots(end.slice(1, -1)) };
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('%')) {
    const { source, end: after } = readRegexLiteral(trimmed, 0);
    if (after !== trimmed.length) throw invalidPattern('A regular expression pattern must be enclosed in %');
    return { kind: 'regex', source, re: compileFilterRegex(source) };
  }
  return parseTerms(text);
}

/**
 * Matches one log event message against a parsed pattern, with the values it extracts. A LogMessage lets
 * several patterns share one JSON parse of the same event.
 */
export function matchLogEvent(pattern: FilterPattern, message: string | LogMessage): MatchResult {
  if (pattern.kind === 'json') return matchJson(pattern.expr, message);
  const text = typeof message === 'string' ? message : message.text;
  switch (pattern.kind) {
    case 'all':
      return { matched: true, fields: {} };
    case 'terms':
      return { matched: matchTerms(pattern, text), fields: {} };
    case 'regex':
      return { matched: pattern.re.test(text), fields: {} };
    case 'delimited':
      return matchDelimited(pattern.slots, text);
  }
}

/** Parse-and-match in one step, for callers holding pattern text (FilterLogEvents, Live Tail). */
export function matchesFilterPattern(patternText: string, message: string): boolean {
  return matchLogEvent(parseFilterPattern(patternText), message).matched;
}

function jsonUsesRegex(e: JsonExpr): boolean {
  if (e.type === 'and' || e.type === 'or') return jsonUsesRegex(e.left) || jsonUsesRegex(e.right);
  return e.type === 'compare' && e.comparison.value.type === 'regex';
}

function conditionUsesRegex(c: FieldCondition): boolean {
  if (c.type === 'and' || c.type === 'or') return conditionUsesRegex(c.left) || conditionUsesRegex(c.right);
  return c.type === 'compare' && c.comparison.value.type === 'regex';
}

/**
 * Whether the pattern uses a regex anywhere. A log group may hold at most five metric or
 * subscription filters whose patterns contain regex, so the API layer needs to count them.
 */
export function patternUsesRegex(pattern: FilterPattern): boolean {
  switch (pattern.kind) {
    case 'regex':
      return true;
    case 'json':
      return jsonUsesRegex(pattern.expr);
    case 'delimited':
      return pattern.slots.some((s) => s.type === 'field' && s.condition !== undefined && conditionUsesRegex(s.condition));
    default:
      return false;
  }
}
