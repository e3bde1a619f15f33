// JSON text of plain data (the objects a record carries: request parameters, response elements, additional
// event data), exactly as JSON.stringify writes it. Measured on this project's engine (Node 20), a call to
// JSON.stringify costs several hundred nanoseconds before it writes anything, more than writing a small object
// here, and records carry many small objects. Anything that is not plain data (class instances, boxed values,
// a toJSON, functions, symbols, bigints, deep nesting) is left to JSON.stringify itself.

/** Characters JSON.stringify writes escaped: controls, quote, backslash, and surrogates (a lone one is
 *  escaped; strings holding any surrogate are simply left to JSON.stringify). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** Nesting deeper than this (or a cycle) is left to JSON.stringify, which writes it or throws as it does. */
const MAX_DEPTH = 32;

/** Whether JSON.stringify writes anything of the string escaped (or it holds a surrogate). */
export function needsEscape(s: string): boolean {
  return NEEDS_ESCAPE.test(s);
}

/** A string as JSON text. */
export function quoted(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** Marks a value this writer does not handle; the caller then uses JSON.stringify. */
const NOT_PLAIN = Symbol('not plain');

/** A member name's texts, made when first seen (names repeat from record to record): each `+` makes a string,
 *  so the texts around a value are made once. */
interface NameTexts {
  /** `"name":` and `,"name":`, for the first member of an object and the others. */
  first: string;
  later: string;
  /** The same followed by the opening quote of a string value that needs no escape. */
  firstQuote: string;
  laterQuote: string;
}
const names = new Map<string, NameTexts>();
const MAX_NAMES = 4096;
function nameTexts(k: string): NameTexts {
  let t = names.get(k);
  if (t === undefined) {
    const first = `${quoted(k)}:`;
    t = { first, later: `,${first}`, firstQuote: `${first}"`, laterQuote: `,${first}"` };
    if (names.size >= MAX_NAMES) names.clear();
    names.set(k, t);
  }
  return t;
}

/** JSON.stringify calls a value's toJSON when it is a function (own or inherited). */
export function hasToJson(v: object): boolean {
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

function write(v: unknown, depth: number): string | undefined | typeof NOT_PLAIN {
  switch (typeof v) {
    case 'string':
      return quoted(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'undefined':
      return undefined;
    case 'object': {
      if (v === null) return 'null';
      if (depth >= MAX_DEPTH || hasToJson(v)) return NOT_PLAIN;
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto === Array.prototype) {
        const a = v as unknown[];
        let s = '[';
        for (let i = 0; i < a.length; i++) {
          const t = write(a[i], depth + 1);
          if (t === NOT_PLAIN) return NOT_PLAIN;
          s += (i === 0 ? '' : ',') + (t === undefined ? 'null' : t);
        }
        return `${s}]`;
      }
      if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
      const o = v as Record<string, unknown>;
      let s = '';
      // for…in gives Object.keys's order without making its array (about a third faster here); it would also
      // give inherited enumerable members, which jsonText rules out before writing.
      for (const k in o) {
        const e = o[k];
        if (typeof e === 'string' && !NEEDS_ESCAPE.test(e)) {
          const n = nameTexts(k);
          s += `${s === '' ? n.firstQuote : n.laterQuote}${e}"`;
          continue;
        }
        const t = write(e, depth + 1);
        if (t === NOT_PLAIN) return NOT_PLAIN;
        if (t !== undefined) {
          const n = nameTexts(k);
          s += (s === '' ? n.first : n.later) + t;
        }
      }
      return `{${s}}`;
    }
    default:
      // Functions and symbols are left out like undefined; bigints make JSON.stringify throw.
      return NOT_PLAIN;
  }
}

const PROBE = {};
/** Whether Object.prototype has no enumerable members (nothing has added one), so that for…in over a plain
 *  object or a null-prototype one gives exactly its own enumerable keys. */
function prototypeIsBare(): boolean {
  let bare = true;
  for (const _inherited in PROBE) bare = false;
  return bare;
}

/** Exactly `JSON.stringify(v)` (undefined where JSON.stringify gives undefined). A top-level value has no
 *  member name, so one with toJSON is handed '' as JSON.stringify(v) would. */
export function jsonText(v: unknown): string | undefined {
  if (!prototypeIsBare()) return JSON.stringify(v);
  const t = write(v, 0);
  return t === NOT_PLAIN ? JSON.stringify(v) : t;
}
