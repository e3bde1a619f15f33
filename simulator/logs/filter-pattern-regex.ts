import { invalidCharacter, invalidPattern } from './filter-pattern-errors';

// The documented regex subset: letters, digits, the symbols : _ # = @ / ; , - and the operators
// ^ $ ? [ ] { } | \ * + . — no parentheses, no multibyte characters. A space is allowed because the
// documentation's own example `%^starting|^initializing|^shutting down%` contains one.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html#regex-expressions
const ALLOWED = /^[A-Za-z0-9:_#=@/;,\- ^$?[\]{}|\\*+.]$/;

/** At most two regexes inside one JSON or space-delimited pattern. */
export const MAX_REGEX_PER_PATTERN = 2;

/** Compiles the text between the two `%` signs, rejecting what AWS rejects. */
export function compileFilterRegex(source: string): RegExp {
  if (source.length === 0) throw invalidPattern('Empty regular expression');
  for (const ch of source) {
    if (!ALLOWED.test(ch)) throw invalidCharacter(ch);
  }
  // AWS documents `{m,n}` with either bound optional; JavaScript needs the lower bound spelled out.
  const js = source.replace(/\{\s*,/g, '{0,').replace(/\{(\d+)\s*,\s*(\d*)\s*\}/g, '{$1,$2}');
  try {
    return new RegExp(js);
  } catch {
    throw invalidPattern(`Invalid regular expression '%${source}%'`);
  }
}

/** Reads `%…%` starting at `start` (which holds the opening `%`); returns the source and the end index. */
export function readRegexLiteral(text: string, start: number): { source: string; end: number } {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '%') return { source: text.slice(start + 1, i), end: i + 1 };
    i += 1;
  }
  throw invalidPattern('Unterminated regular expression');
}
