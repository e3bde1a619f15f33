import type { FilterPattern, Term } from './filter-pattern-types';
import { invalidCharacter, invalidPattern } from './filter-pattern-errors';

// Terms made only of letters, digits and `_` may go unquoted; anything else must be quoted. AWS
// rejects e.g. `?Status: timeout` with "Invalid character(s) in term ':'".
const BARE_TERM_CHAR = /^[A-Za-z0-9_]$/;

function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '"') return { value, end: i + 1 };
    value += ch;
    i += 1;
  }
  throw invalidPattern('Unterminated quoted term');
}

/** Parses an unstructured pattern: terms, "quoted phrases", ?optional terms and -excluded terms. */
export function parseTerms(text: string): FilterPattern {
  const include: Term[] = [];
  const exclude: Term[] = [];
  const optional: Term[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) {
      i += 1;
      continue;
    }
    let prefix: '?' | '-' | undefined;
    if (text[i] === '?' || text[i] === '-') {
      prefix = text[i] as '?' | '-';
      i += 1;
      // The 2021 page writes `"ERROR" - "Exiting"`: the sign may stand apart from its term.
      while (i < text.length && /\s/.test(text[i] ?? '')) i += 1;
      if (i >= text.length) throw invalidCharacter(prefix);
    }
    let term: Term;
    if (text[i] === '"') {
      const { value, end } = readQuoted(text, i);
      term = { text: value, quoted: true };
      i = end;
      if (i < text.length && !/\s/.test(text[i] ?? '')) throw invalidCharacter(text[i] ?? '');
    } else {
      const start = i;
      while (i < text.length && !/\s/.test(text[i] ?? '')) {
        if (!BARE_TERM_CHAR.test(text[i] ?? '')) throw invalidCharacter(text[i] ?? '');
        i += 1;
      }
      term = { text: text.slice(start, i), quoted: false };
    }
    (prefix === '?' ? optional : prefix === '-' ? exclude : include).push(term);
  }
  const matchesEverything = (t: Term) => t.quoted && t.text.trim() === '';
  if (include.length > 0 && include.every(matchesEverything) && exclude.length === 0 && optional.length === 0) {
    return { kind: 'all' };
  }
  if (include.length === 0 && exclude.length === 0 && optional.length === 0) return { kind: 'all' };
  return { kind: 'terms', include, exclude, optional };
}

function contains(message: string, term: Term): boolean {
  // `""` and `" "` match every event (documented "match everything" example).
  if (term.quoted && term.text.trim() === '') return true;
  return message.includes(term.text);
}

/**
 * Case-sensitive substring matching (`ERROR` matches `ERRORCODE`). When `?` terms are combined
 * with plain or excluded terms, the `?` terms are ignored, as the current documentation states.
 */
export function matchTerms(p: Extract<FilterPattern, { kind: 'terms' }>, message: string): boolean {
  const onlyOptional = p.include.length === 0 && p.exclude.length === 0;
  if (onlyOptional) return p.optional.some((t) => contains(message, t));
  return p.include.every((t) => contains(message, t)) && !p.exclude.some((t) => contains(message, t));
}
