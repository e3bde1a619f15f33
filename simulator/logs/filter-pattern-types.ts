// The parsed form of a CloudWatch Logs filter pattern. Every pattern kind the service accepts has a
// node here; matching code reads only these types, never the raw text.

export type ComparisonOp = '=' | '!=' | '<' | '>' | '<=' | '>=';

/** A value on the right of a comparison, as written in the pattern. */
export type ValueLiteral =
  /** A string; `*` at its start or end is a wildcard (AWS treats an inner `*` literally). */
  | { type: 'string'; text: string; quoted: boolean }
  /** An unquoted number. `text` is kept because AWS also compares it as text against strings. */
  | { type: 'number'; text: string; value: number }
  /** `%regex%`, searched (not anchored) in the value. */
  | { type: 'regex'; source: string; re: RegExp };

export interface Comparison {
  op: ComparisonOp;
  value: ValueLiteral;
}

/** One step of a JSON property selector such as `$.users[0].email` or `$.arrayKey[*]`. */
export type PathStep = { key: string } | { index: number } | { wildcard: true };

export interface Selector {
  /** The selector as written, e.g. `$.users[0].email`; it is also the extracted-value key. */
  text: string;
  path: PathStep[];
}

export type JsonExpr =
  | { type: 'and' | 'or'; left: JsonExpr; right: JsonExpr }
  | { type: 'compare'; selector: Selector; comparison: Comparison }
  | { type: 'is'; selector: Selector; what: 'NULL' | 'TRUE' | 'FALSE' }
  | { type: 'notExists'; selector: Selector };

/** The condition inside one slot of a space-delimited pattern, e.g. `status_code = 4* && status_code != 403`. */
export type FieldCondition =
  | { type: 'and' | 'or'; left: FieldCondition; right: FieldCondition }
  | { type: 'compare'; comparison: Comparison };

export type DelimitedSlot =
  | { type: 'ellipsis' }
  /** A named or blank slot; blank slots report their value as `$<position>`. */
  | { type: 'field'; name?: string; condition?: FieldCondition };

/** A plain term or a quoted phrase; matched as a case-sensitive substring. */
export interface Term {
  text: string;
  quoted: boolean;
}

export type FilterPattern =
  /** Empty pattern, or only `""` / `" "`: every event matches. */
  | { kind: 'all' }
  | { kind: 'terms'; include: Term[]; exclude: Term[]; optional: Term[] }
  | { kind: 'regex'; source: string; re: RegExp }
  | { kind: 'json'; expr: JsonExpr }
  /** `slots` empty means `[]`: every event matches and every field is reported as `$1`…`$n`. */
  | { kind: 'delimited'; slots: DelimitedSlot[] };

export interface MatchResult {
  matched: boolean;
  /** Extracted values in TestMetricFilter's key format (`$name`, `$3`, `$.a.b`); empty when none. */
  fields: Record<string, string>;
}
