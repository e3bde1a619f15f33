// A text test compiled from a JSON filter pattern that rules a message out without parsing it. The usual
// metric filter, `{ ($.eventName = "DeleteTrail") && ... }`, matches a small share of a trail's records;
// for the rest, not finding `"eventName":"DeleteTrail"` in the text is enough to answer "no match", and
// JSON.parse of a 1–2 KB record is the most expensive step of ingestion.
//
// The test is a necessary condition only: when it passes, the full evaluation decides. It is skipped for a
// message that may hold `\uXXXX` escapes (see LogMessage.mayUseUnicodeEscapes), the one way a key or a
// string value can be written other than literally.
import type { Comparison, JsonExpr, Selector } from './filter-pattern-types';
import type { LogMessage } from './log-message';

export type Precheck = (m: LogMessage) => boolean;

/** Characters that have a short JSON escape (`\"`, `\\`, `\/`, `\n`…) and so may not appear literally. */
function hasEscapableChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x2f) return true;
  }
  return false;
}

/** Every character `String(n)` can produce for a number JSON.parse returns (`Infinity` from `1e999`). */
const NUMBER_TEXT_CHARS = /^[0-9.e+\-Infinity]*$/;

/** What a matching string node's text must look like: `"Delete*` is a prefix, `*Trail` a suffix. */
interface Wanted {
  core: string;
  starts: boolean;
  ends: boolean;
  /** How a fitting token begins, when it is anchored at its start: `"core"` or `"core`. */
  head: string;
}

/**
 * Only `=` against a string literal can be tested on the text. Unquoted values also match number nodes by
 * their text (`{ $.n = 1* }`), whose written form may differ (`1.0e2`), so they qualify only when no
 * number's text could match them. A lone `*` matches anything and needs nothing.
 */
function wantedOf(c: Comparison): Wanted | undefined {
  if (c.op !== '=' || c.value.type !== 'string') return undefined;
  const text = c.value.text;
  if (text === '*') return undefined;
  const starts = text.startsWith('*');
  const ends = text.length > 1 && text.endsWith('*');
  const core = text.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (hasEscapableChar(core)) return undefined;
  if (!c.value.quoted && NUMBER_TEXT_CHARS.test(core)) return undefined;
  if (core === '' && (starts || ends)) return undefined;
  return { core, starts, ends, head: ends ? `"${core}` : `"${core}"` };
}

/** The property name a selector's node is the value of, when it ends in a plain key. */
function lastKey(selector: Selector): string | undefined {
  const last = selector.path[selector.path.length - 1];
  return last !== undefined && 'key' in last && !hasEscapableChar(last.key) ? last.key : undefined;
}

/** Whether the raw string token starting at `q` (a `"`) could decode to a text `w` accepts. */
function tokenFits(text: string, q: number, w: Wanted): boolean {
  if (text.charCodeAt(q) !== 0x22) return false;
  if (!w.starts) return text.startsWith(w.head, q);
  let end = q + 1;
  while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
  const raw = text.slice(q + 1, end);
  return w.ends ? raw.includes(w.core) : raw.endsWith(w.core);
}

function compareCheck(selector: Selector, w: Wanted): Precheck {
  const key = lastKey(selector);
  if (key !== undefined) {
    // The node is the value of some `"key":`; one of those values must be a fitting string.
    return (m) => m.valuesOf(key).some((q) => tokenFits(m.text, q, w));
  }
  // An array element (`[0]`, `[*]`): somewhere in the text there is a fitting string.
  const needle = `${w.starts ? '' : '"'}${w.core}${w.ends ? '' : '"'}`;
  return (m) => m.text.includes(needle);
}

/** The compiled test, or undefined when the pattern offers nothing to test without parsing. */
export function compileJsonPrecheck(expr: JsonExpr): Precheck | undefined {
  switch (expr.type) {
    case 'and': {
      const l = compileJsonPrecheck(expr.left);
      const r = compileJsonPrecheck(expr.right);
      if (!l || !r) return l ?? r;
      return (m) => l(m) && r(m);
    }
    case 'or': {
      // Either side may match, so both need a test for the pair to rule anything out.
      const l = compileJsonPrecheck(expr.left);
      const r = compileJsonPrecheck(expr.right);
      if (!l || !r) return undefined;
      return (m) => l(m) || r(m);
    }
    case 'compare': {
      const w = wantedOf(expr.comparison);
      return w === undefined ? undefined : compareCheck(expr.selector, w);
    }
    default:
      // IS and NOT EXISTS are satisfied by absence or by literals whose spelling is free (`true`, `null`).
      return undefined;
  }
}
